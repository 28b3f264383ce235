//! A lab's page: overview, phase and its history, participants, indicators, needs, ideas.

use i18n_embed_fl::fl;
use shared::{
    ChangePhase, CreateIdea, CreateIndicator, CreateNeed, Direction, Idea, Indicator, Lab, Need,
    Participant, ParticipantRole,
};
use uuid::Uuid;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{self, ApiError, Fetch, use_get, use_paged_get};
use crate::app::Route;
use crate::components::form::{FormError, SelectField, TextAreaField, TextField, parse_decimal};
use crate::components::status;
use crate::components::{IndicatorChart, fetched};
use crate::forms::{delete_then_reload, setter, split_tags, use_create_form};
use crate::i18n::{
    area_name, form_message, idea_status_name, need_status_name, participant_role_name, phase_name,
    use_i18n, use_title,
};
use crate::services;
use crate::session::use_session;

#[derive(Properties, PartialEq)]
pub struct LabPageProps {
    pub id: String,
}

#[component]
pub fn LabPage(props: &LabPageProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let lab = use_get(services::labs::get(&props.id));
    let areas = use_get(services::reference::challenge_areas());
    use_title(match &lab.state {
        Fetch::Loaded(lab) => lab.title.clone(),
        _ => fl!(loader, "lab-loading"),
    });
    let lab_value = match status::object(
        &lab,
        fl!(loader, "lab-loading"),
        Some(fl!(loader, "lab-not-found")),
    ) {
        Ok(value) => value,
        Err(instead) => return instead,
    };
    let areas = match &areas.state {
        Fetch::Loaded(page) => page.items.clone(),
        _ => Vec::new(),
    };
    let dates = match (lab_value.starts_on, lab_value.ends_on) {
        (Some(starts), Some(ends)) => format!(" · {starts} – {ends}"),
        (Some(starts), None) => format!(" · {starts} –"),
        _ => String::new(),
    };
    html! {
        <article class="lab" aria-labelledby="lab-title">
            <div class="page-head">
                <h1 id="lab-title">{ &lab_value.title }</h1>
                if lab_value.can_edit {
                    <Link<Route> to={Route::EditLab { id: props.id.clone() }} classes="button button--secondary">{ fl!(loader, "lab-edit") }</Link<Route>>
                }
            </div>
            <p class="meta">
                { area_name(&areas, &lab_value.challenge_area, i18n.language()) }
                { " · " }{ &lab_value.municipality_name }
                if !lab_value.neighbourhood.is_empty() { { format!(", {}", lab_value.neighbourhood) } }
                { dates }
            </p>
            <p class="meta">{ fl!(loader, "lab-hosted-by", host = lab_value.host.name.clone()) }</p>
            if !lab_value.summary.is_empty() { <p class="lead">{ &lab_value.summary }</p> }
            if !lab_value.description_html.is_empty() {
                <div class="prose">{ Html::from_html_unchecked(AttrValue::from(lab_value.description_html.clone())) }</div>
            }
            <PhaseSection lab={lab_value.clone()} on_changed={lab.reload.clone()} />
            <Participants id={props.id.clone()} can_edit={lab_value.can_edit} />
            <Indicators id={props.id.clone()} can_edit={lab_value.can_edit} />
            <Needs id={props.id.clone()} can_edit={lab_value.can_edit} />
            <Ideas id={props.id.clone()} />
        </article>
    }
}

#[derive(Properties, PartialEq)]
struct PhaseProps {
    lab: Lab,
    on_changed: Callback<()>,
}

/// The lab's phase, its history and, for hosts, the way to the next (or previous) one.
#[component]
fn PhaseSection(props: &PhaseProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let session = use_session();
    let history = use_get(services::labs::history(props.lab.id));
    let target = use_state(String::new);
    let note = use_state(String::new);
    let error = use_state(|| None::<ApiError>);
    let phase = props.lab.phase;
    let moves: Vec<_> = [phase.next(), phase.previous()]
        .into_iter()
        .flatten()
        .collect();
    let onsubmit = {
        let (target, note, error, reload_lab, reload_history, id, session) = (
            target.clone(),
            note.clone(),
            error.clone(),
            props.on_changed.clone(),
            history.reload.clone(),
            props.lab.id,
            session.clone(),
        );
        let default_target = moves.first().copied();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let Some(to) = shared::LabPhase::parse(&target).or(default_target) else {
                return;
            };
            let body = ChangePhase {
                phase: to,
                note: Some((*note).clone()).filter(|n| !n.trim().is_empty()),
            };
            let (error, note, reload_lab, reload_history) = (
                error.clone(),
                note.clone(),
                reload_lab.clone(),
                reload_history.clone(),
            );
            api::spawn(
                services::labs::change_phase(id, &body),
                session.token(),
                Callback::from(move |result: Result<Lab, ApiError>| match result {
                    Ok(_) => {
                        error.set(None);
                        note.set(String::new());
                        reload_lab.emit(());
                        reload_history.emit(());
                    }
                    Err(failure) => error.set(Some(failure)),
                }),
            );
        })
    };
    html! {
        <section aria-labelledby="phase-heading">
            <h2 id="phase-heading">{ fl!(loader, "lab-phase") }</h2>
            <ol class="phases">
                { for shared::LabPhase::ALL.iter().map(|p| html! {
                    <li class={classes!((*p == phase).then_some("phases__current"))} aria-current={(*p == phase).then_some("step")}>{ phase_name(loader, *p) }</li>
                }) }
            </ol>
            if props.lab.can_edit && !moves.is_empty() {
                <form class="inline-form" {onsubmit}>
                    <FormError message={error.as_ref().map(|e| form_message(loader, e))} />
                    <SelectField id="phase-target" label={fl!(loader, "lab-phase-move")} value={(*target).clone()}
                        on_change={Callback::from({ let target = target.clone(); move |v| target.set(v) })}>
                        { for moves.iter().map(|to| html! { <option value={to.as_str()}>{ phase_name(loader, *to) }</option> }) }
                    </SelectField>
                    <TextAreaField id="phase-note" label={fl!(loader, "lab-phase-note")} hint={fl!(loader, "lab-phase-note-hint")} rows={2}
                        value={(*note).clone()} on_change={Callback::from({ let note = note.clone(); move |v| note.set(v) })}
                        error={error.as_ref().and_then(|e| e.field("note"))} />
                    <button type="submit" class="button">{ fl!(loader, "lab-phase-submit") }</button>
                </form>
            }
            { fetched(loader, &history, |history| html! {
                <>
                    <details class="history">
                        <summary>{ fl!(loader, "lab-history") }</summary>
                        <ol>
                            { for history.items.iter().map(|change| html! {
                                <li>
                                    <time datetime={change.at.to_rfc3339()}>{ change.at.format("%Y-%m-%d").to_string() }</time>
                                    { " " }{ phase_name(loader, change.to) }
                                    if let Some(actor) = &change.actor { { format!(" ({actor})") } }
                                    if let Some(note) = &change.note { { format!(": {note}") } }
                                </li>
                            }) }
                        </ol>
                    </details>
                </>
            }) }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct SectionProps {
    id: String,
}

/// A section of the lab page that its hosts (`can_edit`) add to.
#[derive(Properties, PartialEq)]
struct EditableProps {
    id: String,
    can_edit: bool,
}

#[component]
fn Participants(props: &EditableProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let session = use_session();
    let participants = use_get(services::labs::participants(&props.id));
    let problem = use_state(|| None::<ApiError>);
    let remove = |organization: Uuid| {
        delete_then_reload(
            &session,
            services::labs::remove_participant(&props.id, organization),
            &problem,
            &participants.reload,
        )
    };
    html! {
        <section aria-labelledby="participants-heading">
            <h2 id="participants-heading">{ fl!(loader, "lab-participants") }</h2>
            { fetched(loader, &participants, |page| {
                // A lab keeps a host: its only host is not offered for removal.
                let hosts = page.items.iter().filter(|p| p.role == ParticipantRole::Host).count();
                html! {
                <>
                    <ul class="plain-list">
                        { for page.items.iter().map(|p| html! {
                            <li key={p.organization.id.to_string()}>
                                <Link<Route> to={Route::Organization { id: p.organization.id.to_string() }}>{ &p.organization.name }</Link<Route>>
                                { format!(" – {}", participant_role_name(loader, p.role)) }
                                if props.can_edit && (p.role != ParticipantRole::Host || hosts > 1) {
                                    { " " }
                                    <button type="button" class="button button--small button--secondary" onclick={remove(p.organization.id)}>
                                        { fl!(loader, "participant-remove") }
                                        <span class="visually-hidden">{ format!(": {}", p.organization.name) }</span>
                                    </button>
                                }
                            </li>
                        }) }
                    </ul>
                </>
                }
            }) }
            <FormError message={problem.as_ref().map(|e| form_message(loader, e))} />
            if props.can_edit {
                <AddParticipantForm id={props.id.clone()} on_added={participants.reload.clone()} />
            }
        </section>
    }
}

#[derive(Clone, PartialEq)]
struct ParticipantDraft {
    organization_id: String,
    role: String,
}

impl Default for ParticipantDraft {
    fn default() -> Self {
        Self {
            organization_id: String::new(),
            role: ParticipantRole::Partner.as_str().to_owned(),
        }
    }
}

fn participant_body(draft: &ParticipantDraft) -> serde_json::Value {
    serde_json::json!({ "organization_id": draft.organization_id, "role": draft.role })
}

#[derive(Properties, PartialEq)]
struct AddParticipantFormProps {
    id: String,
    on_added: Callback<()>,
}

/// A host brings in another organisation: found by name, then given a role.
#[component]
fn AddParticipantForm(props: &AddParticipantFormProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let on_added = props.on_added.clone();
    let id = props.id.clone();
    let form = use_create_form(
        Callback::from(move |draft: ParticipantDraft| {
            services::labs::add_participant(&id, &participant_body(&draft))
        }),
        Callback::from(move |_: Participant| on_added.emit(())),
    );
    let search = use_state(String::new);
    let found = use_get(services::organizations::named(&search));
    let field = |update: fn(&mut ParticipantDraft, String)| setter(&form.draft, update);
    let error = form.error.as_ref();
    let options = match &found.state {
        Fetch::Loaded(page) => page.items.clone(),
        _ => Vec::new(),
    };
    html! {
        <details class="add-form">
            <summary>{ fl!(loader, "participant-new") }</summary>
            <form onsubmit={form.onsubmit.clone()}>
                <FormError message={error.map(|e| form_message(loader, e))} />
                <TextField id="participant-search" kind="search" label={fl!(loader, "participant-search")} value={(*search).clone()}
                    on_change={Callback::from({ let search = search.clone(); move |v| search.set(v) })} />
                <SelectField id="participant-organization" label={fl!(loader, "participant-organization")} value={form.draft.organization_id.clone()}
                    on_change={field(|d, v| d.organization_id = v)} error={error.and_then(|e| e.field("organization_id"))} required=true>
                    <option value="" selected={form.draft.organization_id.is_empty()}>
                        { if options.is_empty() { fl!(loader, "participant-none-found") } else { fl!(loader, "participant-choose") } }
                    </option>
                    { for options.iter().map(|o| html! {
                        <option value={o.id.to_string()} selected={form.draft.organization_id == o.id.to_string()}>
                            { format!("{} ({})", o.name, o.municipality_name) }
                        </option>
                    }) }
                </SelectField>
                <SelectField id="participant-role" label={fl!(loader, "participant-role")} value={form.draft.role.clone()}
                    on_change={field(|d, v| d.role = v)} error={error.and_then(|e| e.field("role"))}>
                    { for ParticipantRole::ALL.iter().map(|role| html! {
                        <option value={role.as_str()} selected={form.draft.role == role.as_str()}>{ participant_role_name(loader, *role) }</option>
                    }) }
                </SelectField>
                <button type="submit" class="button" disabled={form.busy}>{ fl!(loader, "participant-add") }</button>
            </form>
        </details>
    }
}

#[derive(Clone, PartialEq)]
struct IndicatorDraft {
    name: String,
    unit: String,
    baseline: String,
    target: String,
    direction: String,
}

impl Default for IndicatorDraft {
    fn default() -> Self {
        Self {
            name: String::new(),
            unit: String::new(),
            baseline: String::new(),
            target: String::new(),
            direction: Direction::Increase.as_str().to_owned(),
        }
    }
}

fn indicator_body(draft: &IndicatorDraft) -> CreateIndicator {
    CreateIndicator {
        name: draft.name.clone(),
        unit: draft.unit.clone(),
        // The fields only let numbers through; NaN is sent as null, which the API refuses.
        baseline: parse_decimal(&draft.baseline).unwrap_or(f64::NAN),
        target: parse_decimal(&draft.target).unwrap_or(f64::NAN),
        direction: Direction::parse(&draft.direction).unwrap_or(Direction::Increase),
    }
}

#[component]
fn Indicators(props: &EditableProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let indicators = use_get(services::labs::indicators(&props.id));
    let reload = indicators.reload.clone();
    let id = props.id.clone();
    let form = use_create_form(
        Callback::from(move |draft: IndicatorDraft| {
            services::labs::create_indicator(&id, &indicator_body(&draft))
        }),
        Callback::from(move |_: Indicator| reload.emit(())),
    );
    let field = |update: fn(&mut IndicatorDraft, String)| setter(&form.draft, update);
    let error = form.error.as_ref();
    html! {
        <section aria-labelledby="indicators-heading">
            <h2 id="indicators-heading">{ fl!(loader, "lab-indicators") }</h2>
            { fetched(loader, &indicators, |page| html! {
                <>
                    if page.items.is_empty() {
                        <p class="status">{ fl!(loader, "lab-indicators-empty") }</p>
                    }
                    <ul class="indicator-list">
                        { for page.items.iter().map(|indicator| html! {
                            <li key={indicator.id.to_string()}>
                                <h3>{ &indicator.name }</h3>
                                if let Some(progress) = indicator.progress {
                                    <p class="meta">{ fl!(loader, "indicator-progress", percent = format!("{:.0}", progress * 100.0)) }</p>
                                }
                                <IndicatorChart indicator={indicator.clone()} />
                                if props.can_edit {
                                    <MeasurementForm lab={props.id.clone()} indicator={indicator.clone()} on_added={indicators.reload.clone()} />
                                }
                            </li>
                        }) }
                    </ul>
                </>
            }) }
            if props.can_edit {
                <details class="add-form">
                    <summary>{ fl!(loader, "indicator-new") }</summary>
                    <form onsubmit={form.onsubmit.clone()}>
                        <FormError message={error.map(|e| form_message(loader, e))} />
                        <TextField id="indicator-name" label={fl!(loader, "indicator-name")} value={form.draft.name.clone()}
                            on_change={field(|d, v| d.name = v)} error={error.and_then(|e| e.field("name"))} required=true />
                        <TextField id="indicator-unit" label={fl!(loader, "indicator-unit")} value={form.draft.unit.clone()}
                            hint={fl!(loader, "indicator-unit-hint")}
                            on_change={field(|d, v| d.unit = v)} error={error.and_then(|e| e.field("unit"))} />
                        <TextField id="indicator-baseline" label={fl!(loader, "indicator-baseline")} value={form.draft.baseline.clone()}
                            on_change={field(|d, v| d.baseline = v)} error={error.and_then(|e| e.field("baseline"))} required=true decimal=true />
                        <TextField id="indicator-target" label={fl!(loader, "indicator-target")} value={form.draft.target.clone()}
                            on_change={field(|d, v| d.target = v)} error={error.and_then(|e| e.field("target"))} required=true decimal=true />
                        <SelectField id="indicator-direction" label={fl!(loader, "indicator-direction")} value={form.draft.direction.clone()}
                            on_change={field(|d, v| d.direction = v)} error={error.and_then(|e| e.field("direction"))}>
                            <option value="increase" selected={form.draft.direction == "increase"}>{ fl!(loader, "indicator-direction-increase") }</option>
                            <option value="decrease" selected={form.draft.direction == "decrease"}>{ fl!(loader, "indicator-direction-decrease") }</option>
                        </SelectField>
                        <button type="submit" class="button" disabled={form.busy}>{ fl!(loader, "indicator-create") }</button>
                    </form>
                </details>
            }
        </section>
    }
}

#[derive(Clone, PartialEq, Default)]
struct MeasurementDraft {
    measured_on: String,
    value: String,
    note: String,
}

fn measurement_body(draft: &MeasurementDraft) -> serde_json::Value {
    // The date field only lets a date through; anything else would be refused by the API.
    serde_json::json!({
        "measured_on": draft.measured_on,
        "value": parse_decimal(&draft.value),
        "note": draft.note,
    })
}

#[derive(Properties, PartialEq)]
struct MeasurementFormProps {
    lab: String,
    indicator: Indicator,
    on_added: Callback<()>,
}

/// A host records a new measurement of an indicator.
#[component]
fn MeasurementForm(props: &MeasurementFormProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let on_added = props.on_added.clone();
    let (lab, indicator) = (props.lab.clone(), props.indicator.id);
    let form = use_create_form(
        Callback::from(move |draft: MeasurementDraft| {
            services::labs::add_measurement(&lab, indicator, &measurement_body(&draft))
        }),
        Callback::from(move |_: Indicator| on_added.emit(())),
    );
    let field = |update: fn(&mut MeasurementDraft, String)| setter(&form.draft, update);
    let error = form.error.as_ref();
    let id = |name: &str| format!("measurement-{}-{name}", props.indicator.id);
    let value_label = if props.indicator.unit.is_empty() {
        fl!(loader, "indicator-value")
    } else {
        format!(
            "{} ({})",
            fl!(loader, "indicator-value"),
            props.indicator.unit
        )
    };
    html! {
        <details class="add-form">
            <summary>{ fl!(loader, "measurement-new", indicator = props.indicator.name.clone()) }</summary>
            <form onsubmit={form.onsubmit.clone()}>
                <FormError message={error.map(|e| form_message(loader, e))} />
                <TextField id={id("date")} kind="date" label={fl!(loader, "indicator-date")} value={form.draft.measured_on.clone()}
                    on_change={field(|d, v| d.measured_on = v)} error={error.and_then(|e| e.field("measured_on"))} required=true />
                <TextField id={id("value")} label={value_label} value={form.draft.value.clone()}
                    on_change={field(|d, v| d.value = v)} error={error.and_then(|e| e.field("value"))} required=true decimal=true />
                <TextField id={id("note")} label={fl!(loader, "measurement-note")} value={form.draft.note.clone()}
                    on_change={field(|d, v| d.note = v)} error={error.and_then(|e| e.field("note"))} />
                <button type="submit" class="button" disabled={form.busy}>{ fl!(loader, "measurement-create") }</button>
            </form>
        </details>
    }
}

#[derive(Clone, PartialEq, Default)]
struct NeedDraft {
    title: String,
    description: String,
    tags: String,
}

fn need_body(draft: &NeedDraft) -> CreateNeed {
    CreateNeed {
        title: draft.title.clone(),
        description: draft.description.clone(),
        challenge_area: None,
        municipality_code: None,
        tags: split_tags(&draft.tags),
    }
}

#[component]
fn Needs(props: &EditableProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let needs = use_get(services::labs::needs(&props.id));
    let reload = needs.reload.clone();
    let id = props.id.clone();
    let form = use_create_form(
        Callback::from(move |draft: NeedDraft| {
            services::labs::create_need(&id, &need_body(&draft))
        }),
        Callback::from(move |_: Need| reload.emit(())),
    );
    let field = |update: fn(&mut NeedDraft, String)| setter(&form.draft, update);
    let error = form.error.as_ref();
    html! {
        <section aria-labelledby="needs-heading">
            <h2 id="needs-heading">{ fl!(loader, "lab-needs") }</h2>
            { fetched(loader, &needs, |page| html! {
                <>
                    if page.items.is_empty() {
                        <p class="status">{ fl!(loader, "lab-needs-empty") }</p>
                    }
                    <ul class="card-list">
                        { for page.items.iter().map(|need| html! {
                            <li class="card" key={need.id.to_string()}>
                                <h3 class="card__title">
                                    <Link<Route> to={Route::Need { id: need.id.to_string() }}>{ &need.title }</Link<Route>>
                                </h3>
                                <p class="badge">{ need_status_name(loader, need.status) }</p>
                                if !need.description.is_empty() { <p>{ &need.description }</p> }
                                if !need.tags.is_empty() {
                                    <ul class="tags" aria-label={fl!(loader, "need-tags")}>
                                        { for need.tags.iter().map(|tag| html! { <li key={tag.clone()}>{ tag }</li> }) }
                                    </ul>
                                }
                            </li>
                        }) }
                    </ul>
                </>
            }) }
            if props.can_edit {
                <details class="add-form">
                    <summary>{ fl!(loader, "need-new") }</summary>
                    <form onsubmit={form.onsubmit.clone()}>
                        <FormError message={error.map(|e| form_message(loader, e))} />
                        <TextField id="need-title" label={fl!(loader, "form-title")} value={form.draft.title.clone()}
                            on_change={field(|d, v| d.title = v)} error={error.and_then(|e| e.field("title"))} required=true />
                        <TextAreaField id="need-description" label={fl!(loader, "form-description")} value={form.draft.description.clone()}
                            on_change={field(|d, v| d.description = v)} error={error.and_then(|e| e.field("description"))} />
                        <TextField id="need-tags" label={fl!(loader, "need-tags")} value={form.draft.tags.clone()}
                            hint={fl!(loader, "need-tags-hint")}
                            on_change={field(|d, v| d.tags = v)} error={error.and_then(|e| e.field("tags"))} />
                        <button type="submit" class="button" disabled={form.busy}>{ fl!(loader, "need-create") }</button>
                    </form>
                </details>
            }
        </section>
    }
}

#[derive(Clone, PartialEq, Default)]
struct IdeaDraft {
    title: String,
    body: String,
    /// The organisation the idea is posted on behalf of; empty for the person alone.
    organization: String,
}

fn idea_body(draft: &IdeaDraft) -> CreateIdea {
    CreateIdea {
        title: draft.title.clone(),
        body: draft.body.clone(),
        organization_id: draft.organization.parse().ok(),
    }
}

#[derive(Properties, PartialEq)]
struct OnBehalfFieldProps {
    value: String,
    on_change: Callback<String>,
    error: Option<String>,
}

/// "Post as": the person alone or one of their organisations (only for people who
/// belong to one).
#[component]
fn OnBehalfField(props: &OnBehalfFieldProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let mine = use_get(services::me::organizations());
    let Fetch::Loaded(page) = &mine.state else {
        return html! {};
    };
    if page.items.is_empty() {
        return html! {};
    }
    html! {
        <SelectField id="idea-organization" label={fl!(loader, "idea-on-behalf")} value={props.value.clone()}
            on_change={props.on_change.clone()} error={props.error.clone()}>
            <option value="" selected={props.value.is_empty()}>{ fl!(loader, "idea-on-behalf-me") }</option>
            { for page.items.iter().map(|mine| {
                let id = mine.organization.id.to_string();
                html! { <option value={id.clone()} selected={props.value == id}>{ &mine.organization.name }</option> }
            }) }
        </SelectField>
    }
}

#[component]
fn Ideas(props: &SectionProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let session = use_session();
    let ideas = use_paged_get(services::labs::ideas_by_votes(&props.id));
    let reload = ideas.first.reload.clone();
    let id = props.id.clone();
    let form = use_create_form(
        Callback::from(move |draft: IdeaDraft| {
            services::labs::create_idea(&id, &idea_body(&draft))
        }),
        Callback::from(move |_: Idea| reload.emit(())),
    );
    let field = |update: fn(&mut IdeaDraft, String)| setter(&form.draft, update);
    let error = form.error.as_ref();
    html! {
        <section aria-labelledby="ideas-heading">
            <h2 id="ideas-heading">{ fl!(loader, "lab-ideas") }</h2>
            { fetched(loader, &ideas.first, |page| html! {
                <>
                    if page.items.is_empty() {
                        <p class="status">{ fl!(loader, "lab-ideas-empty") }</p>
                    }
                    <ul class="card-list">
                        { for page.items.iter().chain(ideas.more.iter()).map(|idea| html! {
                            <li class="card" key={idea.id.to_string()}>
                                <h3 class="card__title">
                                    <Link<Route> to={Route::Idea { id: idea.id.to_string() }}>{ &idea.title }</Link<Route>>
                                </h3>
                                <p class="meta">
                                    { idea_status_name(loader, idea.status) }
                                    { " · " }{ fl!(loader, "idea-votes", count = idea.vote_count) }
                                    { " · " }{ fl!(loader, "idea-comments", count = idea.comment_count) }
                                </p>
                            </li>
                        }) }
                    </ul>
                    { ideas.more_controls(loader, fl!(loader, "lab-ideas-more")) }
                </>
            }) }
            if session.me().is_some() {
                <form class="add-form" aria-labelledby="idea-new-heading" onsubmit={form.onsubmit.clone()}>
                    <h3 id="idea-new-heading">{ fl!(loader, "idea-new") }</h3>
                    <FormError message={error.map(|e| form_message(loader, e))} />
                    <TextField id="idea-title" label={fl!(loader, "form-title")} value={form.draft.title.clone()}
                        on_change={field(|d, v| d.title = v)} error={error.and_then(|e| e.field("title"))} required=true />
                    <TextAreaField id="idea-body" label={fl!(loader, "idea-body")} value={form.draft.body.clone()}
                        on_change={field(|d, v| d.body = v)} error={error.and_then(|e| e.field("body"))} />
                    <OnBehalfField value={form.draft.organization.clone()} on_change={field(|d, v| d.organization = v)}
                        error={error.and_then(|e| e.field("organization_id"))} />
                    <button type="submit" class="button" disabled={form.busy}>{ fl!(loader, "idea-submit") }</button>
                </form>
            } else {
                <p><Link<Route> to={Route::SignIn}>{ fl!(loader, "idea-sign-in") }</Link<Route>></p>
            }
        </section>
    }
}
