//! Where the method has been taken up: the county map with its table, the adoptions with
//! their own labs' measurements, and "Vi vill använda metoden".

use super::*;
use crate::i18n::adoption_status_name;

#[derive(Properties, PartialEq)]
pub(super) struct SpreadProps {
    pub(super) id: Uuid,
}

#[component]
pub(super) fn Spread(props: &SpreadProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let spread = use_get(services::methods::spread(props.id));
    html! {
        <section aria-labelledby="spread-heading">
            <h2 id="spread-heading">{ fl!(loader, "method-spread") }</h2>
            { fetched(loader, &spread, |spread| html! { <CountyMap spread={spread.clone()} /> }) }
        </section>
    }
}

#[derive(Properties, PartialEq)]
pub(super) struct AdoptionsProps {
    pub(super) method: Method,
    /// An adoption changes the method's levels and counts: reload it.
    pub(super) on_adopted: Callback<()>,
}

#[component]
pub(super) fn Adoptions(props: &AdoptionsProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let session = use_session();
    let adoptions = use_get(services::methods::adoptions(props.method.id));
    let navigator = use_navigator();
    let on_adopted = {
        let on_adopted = props.on_adopted.clone();
        Callback::from(
            move |adoption: Adoption| match (adoption.lab_id, &navigator) {
                // The adopter goes on to its new lab, to measure its own results.
                (Some(lab), Some(navigator)) => navigator.push(&Route::Lab {
                    id: lab.to_string(),
                }),
                _ => on_adopted.emit(()),
            },
        )
    };
    html! {
        <section aria-labelledby="adoptions-heading">
            <h2 id="adoptions-heading">{ fl!(loader, "method-adoptions") }</h2>
            { fetched(loader, &adoptions, |page| html! {
                <>
                    if page.items.is_empty() { <p class="status">{ fl!(loader, "adoptions-empty") }</p> }
                    <ul class="card-list">
                        { for page.items.iter().map(|adoption| html! {
                            <li class="card" key={adoption.id.to_string()}>
                                <h3 class="card__title">{ &adoption.organization.name }</h3>
                                <p class="meta">
                                    { &adoption.municipality_name }
                                    if !adoption.neighbourhood.is_empty() { { format!(", {}", adoption.neighbourhood) } }
                                    { " · " }{ adoption_status_name(loader, adoption.status) }
                                    if let Some(started) = adoption.started_on { { format!(" · {}", fl!(loader, "adoption-started", date = started.to_string())) } }
                                </p>
                                if !adoption.adaptations.is_empty() { <p>{ fl!(loader, "adoption-adaptations-shown", text = adoption.adaptations.clone()) }</p> }
                                if !adoption.outcome.is_empty() { <p>{ fl!(loader, "adoption-outcome-shown", text = adoption.outcome.clone()) }</p> }
                                if let Some(lab) = adoption.lab_id {
                                    <p><Link<Route> to={Route::Lab { id: lab.to_string() }}>{ fl!(loader, "adoption-lab-link") }</Link<Route>></p>
                                    <details>
                                        <summary>{ fl!(loader, "adoption-measurements") }</summary>
                                        <LabIndicators lab={lab} only={None::<Vec<Uuid>>} />
                                    </details>
                                }
                            </li>
                        }) }
                    </ul>
                </>
            }) }
            if props.method.status == MethodStatus::Published {
                if session.me().is_some() {
                    <AdoptForm method={props.method.id} {on_adopted} />
                } else {
                    <p><Link<Route> to={Route::SignIn}>{ fl!(loader, "adopt-sign-in") }</Link<Route>></p>
                }
            }
        </section>
    }
}

/// What the adoption form holds, as typed.
#[derive(Debug, Clone, PartialEq)]
struct AdoptDraft {
    organization: String,
    municipality: String,
    neighbourhood: String,
    started_on: String,
    status: String,
    adaptations: String,
    create_lab: bool,
}

impl Default for AdoptDraft {
    fn default() -> Self {
        Self {
            organization: String::new(),
            municipality: String::new(),
            neighbourhood: String::new(),
            started_on: String::new(),
            status: AdoptionStatus::Planned.as_str().to_owned(),
            adaptations: String::new(),
            create_lab: false,
        }
    }
}

#[derive(Properties, PartialEq)]
struct AdoptFormProps {
    method: Uuid,
    on_adopted: Callback<Adoption>,
}

/// "Vi vill använda metoden": an organisation the person acts for takes the method up,
/// optionally opening a lab of its own with the method's indicators.
#[component]
fn AdoptForm(props: &AdoptFormProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let mine = use_get(services::me::organizations());
    let method = props.method;
    let form = use_create_form(
        Callback::from(move |draft: AdoptDraft| {
            services::methods::adopt(
                method,
                &CreateAdoption {
                    organization_id: draft.organization.parse().ok(),
                    municipality_code: draft.municipality.clone(),
                    neighbourhood: draft.neighbourhood.trim().to_owned(),
                    started_on: draft.started_on.parse().ok(),
                    status: AdoptionStatus::parse(&draft.status),
                    adaptations: draft.adaptations.clone(),
                    outcome: String::new(),
                    create_lab: draft.create_lab,
                },
            )
        }),
        props.on_adopted.clone(),
    );
    let organizations = match &mine.state {
        Fetch::Loaded(page) => page.items.clone(),
        _ => Vec::new(),
    };
    let draft = &form.draft;
    let field = |update: fn(&mut AdoptDraft, String)| setter(draft, update);
    let error = &form.error;
    let field_error = |name: &str| error.as_ref().and_then(|e| e.field(name));
    let toggle_lab = {
        let draft = draft.clone();
        Callback::from(move |_: Event| {
            let mut next = (*draft).clone();
            next.create_lab = !next.create_lab;
            draft.set(next);
        })
    };
    html! {
        <form class="inline-form" onsubmit={form.onsubmit.clone()} novalidate=true aria-labelledby="adopt-heading">
            <h3 id="adopt-heading">{ fl!(loader, "adopt-title") }</h3>
            <p>{ fl!(loader, "adopt-lead") }</p>
            <FormError message={error.as_ref().map(|e| form_message(loader, e))} />
            if organizations.len() > 1 {
                <SelectField id="adopt-organization" label={fl!(loader, "adopt-organization")} value={draft.organization.clone()} on_change={field(|d, v| d.organization = v)} error={field_error("organization_id")}>
                    <option value="" selected={draft.organization.is_empty()}>{ fl!(loader, "form-choose") }</option>
                    { for organizations.iter().map(|mine| html! {
                        <option value={mine.organization.id.to_string()} selected={draft.organization == mine.organization.id.to_string()}>{ &mine.organization.name }</option>
                    }) }
                </SelectField>
            } else if let Some(only) = organizations.first() {
                <p class="meta">{ fl!(loader, "adopt-as", organization = only.organization.name.clone()) }</p>
                if let Some(message) = field_error("organization_id") { <p class="field__error">{ message }</p> }
            }
            <SelectField id="adopt-municipality" label={fl!(loader, "adopt-municipality")} value={draft.municipality.clone()} on_change={field(|d, v| d.municipality = v)} error={field_error("municipality_code")}>
                <option value="" selected={draft.municipality.is_empty()}>{ fl!(loader, "form-choose") }</option>
                <MunicipalityOptions selected={draft.municipality.clone()} />
            </SelectField>
            <TextField id="adopt-neighbourhood" label={fl!(loader, "adopt-neighbourhood")} value={draft.neighbourhood.clone()} on_change={field(|d, v| d.neighbourhood = v)} error={field_error("neighbourhood")} />
            <TextField id="adopt-started" kind="date" label={fl!(loader, "adopt-started-on")} value={draft.started_on.clone()} on_change={field(|d, v| d.started_on = v)} error={field_error("started_on")} />
            <SelectField id="adopt-status" label={fl!(loader, "adopt-status")} value={draft.status.clone()} on_change={field(|d, v| d.status = v)} error={field_error("status")}>
                { for AdoptionStatus::ALL.iter().map(|status| html! {
                    <option value={status.as_str()} selected={draft.status == status.as_str()}>{ adoption_status_name(loader, *status) }</option>
                }) }
            </SelectField>
            <TextAreaField id="adopt-adaptations" label={fl!(loader, "adopt-adaptations")} rows={3} value={draft.adaptations.clone()} on_change={field(|d, v| d.adaptations = v)} error={field_error("adaptations")} />
            <label class="checkbox">
                <input type="checkbox" id="adopt-create-lab" checked={draft.create_lab} onchange={toggle_lab} />
                { fl!(loader, "adopt-create-lab") }
            </label>
            <button type="submit" class="button" disabled={form.busy}>{ fl!(loader, "adopt-submit") }</button>
        </form>
    }
}
