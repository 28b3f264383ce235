//! A lab's page: overview, phase and its history, participants, indicators, needs, ideas.

use gloo_net::http::Method;
use i18n_embed_fl::fl;
use shared::{
    ChallengeArea, ChangePhase, CreateIdea, CreateNeed, Idea, Indicator, Lab, Need, Page,
    Participant, PhaseChange,
};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{self, ApiError, Fetch, use_get};
use crate::app::Route;
use crate::components::form::{FormError, SelectField, TextAreaField, TextField};
use crate::components::{ErrorMessage, IndicatorChart, Loading};
use crate::i18n::{
    area_name, form_message, idea_status_name, need_status_name, participant_role_name, phase_name,
    use_i18n, use_title,
};
use crate::session::use_session;

#[derive(Properties, PartialEq)]
pub struct LabPageProps {
    pub id: String,
}

#[component]
pub fn LabPage(props: &LabPageProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let lab = use_get::<Lab>(format!("/labs/{}", props.id));
    let areas = use_get::<Page<ChallengeArea>>("/challenge-areas".to_owned());
    use_title(match &lab.state {
        Fetch::Loaded(lab) => lab.title.clone(),
        _ => fl!(loader, "lab-loading"),
    });
    let lab_value = match &lab.state {
        Fetch::Loading => return html! { <Loading text={fl!(loader, "lab-loading")} /> },
        Fetch::Failed(error) if error.status() == Some(404) => {
            return html! { <p class="status" role="alert">{ fl!(loader, "lab-not-found") }</p> };
        }
        Fetch::Failed(_) => return html! { <ErrorMessage on_retry={lab.reload.clone()} /> },
        Fetch::Loaded(value) => value.clone(),
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
            <Participants id={props.id.clone()} />
            <Indicators id={props.id.clone()} />
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
    let history = use_get::<Page<PhaseChange>>(format!("/labs/{}/history", props.lab.id));
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
            api::spawn_send::<_, Lab>(
                Method::POST,
                format!("/labs/{id}/phase"),
                session.token(),
                Some(body),
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
            if let Fetch::Loaded(history) = &history.state {
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
            }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct SectionProps {
    id: String,
}

#[component]
fn Participants(props: &SectionProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let participants = use_get::<Page<Participant>>(format!("/labs/{}/participants", props.id));
    html! {
        <section aria-labelledby="participants-heading">
            <h2 id="participants-heading">{ fl!(loader, "lab-participants") }</h2>
            if let Fetch::Loaded(page) = &participants.state {
                <ul class="plain-list">
                    { for page.items.iter().map(|p| html! {
                        <li key={p.organization.id.to_string()}>
                            <Link<Route> to={Route::Organization { id: p.organization.id.to_string() }}>{ &p.organization.name }</Link<Route>>
                            { format!(" – {}", participant_role_name(loader, p.role)) }
                        </li>
                    }) }
                </ul>
            }
        </section>
    }
}

#[component]
fn Indicators(props: &SectionProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let indicators = use_get::<Page<Indicator>>(format!("/labs/{}/indicators", props.id));
    let Fetch::Loaded(page) = &indicators.state else {
        return html! {};
    };
    html! {
        <section aria-labelledby="indicators-heading">
            <h2 id="indicators-heading">{ fl!(loader, "lab-indicators") }</h2>
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
                    </li>
                }) }
            </ul>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct NeedsProps {
    id: String,
    can_edit: bool,
}

#[component]
fn Needs(props: &NeedsProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let session = use_session();
    let needs = use_get::<Page<Need>>(format!("/labs/{}/needs", props.id));
    let title = use_state(String::new);
    let description = use_state(String::new);
    let error = use_state(|| None::<ApiError>);
    let onsubmit = {
        let (title, description, error, reload, path, session) = (
            title.clone(),
            description.clone(),
            error.clone(),
            needs.reload.clone(),
            format!("/labs/{}/needs", props.id),
            session.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let body = CreateNeed {
                title: (*title).clone(),
                description: (*description).clone(),
                challenge_area: None,
                municipality_code: None,
                tags: Vec::new(),
            };
            let (title, description, error, reload) = (
                title.clone(),
                description.clone(),
                error.clone(),
                reload.clone(),
            );
            api::spawn_send::<_, Need>(
                Method::POST,
                path.clone(),
                session.token(),
                Some(body),
                Callback::from(move |result: Result<Need, ApiError>| match result {
                    Ok(_) => {
                        title.set(String::new());
                        description.set(String::new());
                        error.set(None);
                        reload.emit(());
                    }
                    Err(failure) => error.set(Some(failure)),
                }),
            );
        })
    };
    html! {
        <section aria-labelledby="needs-heading">
            <h2 id="needs-heading">{ fl!(loader, "lab-needs") }</h2>
            if let Fetch::Loaded(page) = &needs.state {
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
            }
            if props.can_edit {
                <details class="add-form">
                    <summary>{ fl!(loader, "need-new") }</summary>
                    <form {onsubmit}>
                        <FormError message={error.as_ref().map(|e| form_message(loader, e))} />
                        <TextField id="need-title" label={fl!(loader, "form-title")} value={(*title).clone()}
                            on_change={Callback::from({ let title = title.clone(); move |v| title.set(v) })}
                            error={error.as_ref().and_then(|e| e.field("title"))} required=true />
                        <TextAreaField id="need-description" label={fl!(loader, "form-description")} value={(*description).clone()}
                            on_change={Callback::from({ let description = description.clone(); move |v| description.set(v) })}
                            error={error.as_ref().and_then(|e| e.field("description"))} />
                        <button type="submit" class="button">{ fl!(loader, "need-create") }</button>
                    </form>
                </details>
            }
        </section>
    }
}

#[component]
fn Ideas(props: &SectionProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let session = use_session();
    let ideas = use_get::<Page<Idea>>(format!("/labs/{}/ideas?sort=most_voted&limit=50", props.id));
    let title = use_state(String::new);
    let body = use_state(String::new);
    let error = use_state(|| None::<ApiError>);
    let onsubmit = {
        let (title, body, error, reload, path, session) = (
            title.clone(),
            body.clone(),
            error.clone(),
            ideas.reload.clone(),
            format!("/labs/{}/ideas", props.id),
            session.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let request = CreateIdea {
                title: (*title).clone(),
                body: (*body).clone(),
                organization_id: None,
            };
            let (title, body, error, reload) =
                (title.clone(), body.clone(), error.clone(), reload.clone());
            api::spawn_send::<_, Idea>(
                Method::POST,
                path.clone(),
                session.token(),
                Some(request),
                Callback::from(move |result: Result<Idea, ApiError>| match result {
                    Ok(_) => {
                        title.set(String::new());
                        body.set(String::new());
                        error.set(None);
                        reload.emit(());
                    }
                    Err(failure) => error.set(Some(failure)),
                }),
            );
        })
    };
    html! {
        <section aria-labelledby="ideas-heading">
            <h2 id="ideas-heading">{ fl!(loader, "lab-ideas") }</h2>
            if let Fetch::Loaded(page) = &ideas.state {
                if page.items.is_empty() {
                    <p class="status">{ fl!(loader, "lab-ideas-empty") }</p>
                }
                <ul class="card-list">
                    { for page.items.iter().map(|idea| html! {
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
            }
            if session.me().is_some() {
                <form class="add-form" aria-labelledby="idea-new-heading" {onsubmit}>
                    <h3 id="idea-new-heading">{ fl!(loader, "idea-new") }</h3>
                    <FormError message={error.as_ref().map(|e| form_message(loader, e))} />
                    <TextField id="idea-title" label={fl!(loader, "form-title")} value={(*title).clone()}
                        on_change={Callback::from({ let title = title.clone(); move |v| title.set(v) })}
                        error={error.as_ref().and_then(|e| e.field("title"))} required=true />
                    <TextAreaField id="idea-body" label={fl!(loader, "idea-body")} value={(*body).clone()}
                        on_change={Callback::from({ let body = body.clone(); move |v| body.set(v) })}
                        error={error.as_ref().and_then(|e| e.field("body"))} />
                    <button type="submit" class="button">{ fl!(loader, "idea-submit") }</button>
                </form>
            } else {
                <p><Link<Route> to={Route::SignIn}>{ fl!(loader, "idea-sign-in") }</Link<Route>></p>
            }
        </section>
    }
}
