use i18n_embed_fl::fl;
use shared::{CreateOrganization, OrganizationKind};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{self, ApiError};
use crate::app::Route;
use crate::components::form::{FormError, SelectField, TextField};
use crate::components::places::MunicipalityOptions;
use crate::i18n::{form_message, kind_name, use_i18n, use_title};
use crate::pages::account::SignInFirst;
use crate::services;
use crate::session::use_session;

/// Register an organisation; the creator becomes its owner.
#[component]
pub fn NewOrganization() -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    use_title(fl!(loader, "organization-new-title"));
    let session = use_session();
    let navigator = use_navigator();
    let name = use_state(String::new);
    let kind = use_state(|| OrganizationKind::HousingCompany);
    let org_number = use_state(String::new);
    let municipality = use_state(String::new);
    let description = use_state(String::new);
    let website = use_state(String::new);
    let error = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);

    if session.me().is_none() {
        return html! { <SignInFirst /> };
    }
    let onsubmit = {
        let (name, kind, org_number, municipality, description, website, error, busy) = (
            name.clone(),
            kind.clone(),
            org_number.clone(),
            municipality.clone(),
            description.clone(),
            website.clone(),
            error.clone(),
            busy.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let request = CreateOrganization {
                name: (*name).clone(),
                kind: *kind,
                org_number: (*org_number).clone(),
                municipality_code: (*municipality).clone(),
                description: (*description).clone(),
                website: Some((*website).clone()).filter(|w| !w.trim().is_empty()),
            };
            let (session, navigator, error, busy) = (
                session.clone(),
                navigator.clone(),
                error.clone(),
                busy.clone(),
            );
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let result = api::send(
                    &services::organizations::create(&request),
                    session.token().as_deref(),
                    None,
                )
                .await;
                busy.set(false);
                match result {
                    Ok(organization) => {
                        if let Some(navigator) = navigator {
                            navigator.push(&Route::Organization {
                                id: organization.id.to_string(),
                            });
                        }
                    }
                    Err(failure) => error.set(Some(failure)),
                }
            });
        })
    };
    let field_error = |field: &str| error.as_ref().and_then(|e| e.field(field));
    let set = |state: &UseStateHandle<String>| {
        let state = state.clone();
        Callback::from(move |value: String| state.set(value))
    };
    html! {
        <section class="narrow" aria-labelledby="page-title">
            <h1 id="page-title">{ fl!(loader, "organization-new-title") }</h1>
            <form {onsubmit} novalidate=true>
                <FormError message={error.as_ref().map(|e| form_message(loader, e))} />
                <TextField id="name" label={fl!(loader, "organization-name")} value={(*name).clone()} on_change={set(&name)} error={field_error("name")} required=true />
                <SelectField id="kind" label={fl!(loader, "organization-kind")} value={kind.as_str().to_owned()}
                    on_change={Callback::from({ let kind = kind.clone(); move |v: String| kind.set(OrganizationKind::parse(&v).unwrap_or(OrganizationKind::HousingCompany)) })}>
                    { for OrganizationKind::ALL.iter().copied().map(|k| html! {
                        <option value={k.as_str()} selected={*kind == k}>{ kind_name(loader, k) }</option>
                    }) }
                </SelectField>
                <TextField id="org_number" label={fl!(loader, "organization-org-number")} value={(*org_number).clone()} on_change={set(&org_number)}
                    hint={fl!(loader, "organization-org-number-hint")} error={field_error("org_number")} required=true />
                <SelectField id="municipality_code" label={fl!(loader, "organization-municipality")} value={(*municipality).clone()}
                    on_change={set(&municipality)} error={field_error("municipality_code")}>
                    <option value="" selected={municipality.is_empty()}>{ fl!(loader, "organization-choose-municipality") }</option>
                    <MunicipalityOptions selected={(*municipality).clone()} />
                </SelectField>
                <TextField id="description" label={fl!(loader, "organization-description")} value={(*description).clone()} on_change={set(&description)} error={field_error("description")} />
                <TextField id="website" kind="url" label={fl!(loader, "organization-website")} value={(*website).clone()} on_change={set(&website)} error={field_error("website")} autocomplete="url" />
                <button type="submit" class="button" disabled={*busy}>{ fl!(loader, "organization-create") }</button>
            </form>
        </section>
    }
}
