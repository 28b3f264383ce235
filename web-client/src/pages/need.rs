//! A need's page: the need and, for the organisations that may ask, the ranked offerings
//! with their reasons and a way to request a match.

use i18n_embed_fl::fl;
use shared::{CreateMatch, Match, Need, NeedStatus, UpdateNeed};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{self, ApiError, Fetch, use_get};
use crate::app::Route;
use crate::components::TagList;
use crate::components::form::{FormError, SelectField, TextAreaField, TextField};
use crate::components::status;
use crate::components::{ReasonList, ReportButton};
use crate::forms::{setter, split_tags, use_versioned_save};
use crate::i18n::{form_message, need_status_name, use_i18n, use_title};
use crate::services;
use crate::session::use_session;

#[derive(Properties, PartialEq)]
pub struct NeedPageProps {
    pub id: String,
}

#[component]
pub fn NeedPage(props: &NeedPageProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let need = use_get(services::needs::get(&props.id));
    let suggestions = use_get(services::needs::suggestions(&props.id));
    let session = use_session();
    use_title(match &need.state {
        Fetch::Loaded(need) => need.title.clone(),
        _ => fl!(loader, "need-loading"),
    });
    let value = match status::object(&need, fl!(loader, "need-loading"), None) {
        Ok(value) => value,
        Err(instead) => return instead,
    };
    html! {
        <article aria-labelledby="need-title">
            <p class="breadcrumb"><Link<Route> to={Route::Lab { id: value.lab.id.to_string() }}>{ &value.lab.title }</Link<Route>></p>
            <h1 id="need-title">{ &value.title }</h1>
            <p class="meta">{ &value.organization.name }{ " · " }{ &value.municipality_name }</p>
            <p class="badge">{ need_status_name(loader, value.status) }</p>
            if value.hidden {
                <p class="notice" role="status">{ fl!(loader, "need-hidden") }</p>
            }
            <p class="prose">{ &value.description }</p>
            <TagList tags={value.tags.clone()} />
            if session.me().is_some() && !value.can_edit && !value.hidden {
                <ReportButton target_type={shared::ReportTarget::Need} target_id={value.id} />
            }
            if value.can_edit {
                <NeedStatusForm need={value.clone()} on_saved={Callback::from({ let reload = need.reload.clone(); move |_: Need| reload.emit(()) })} />
            }
            <section aria-labelledby="suggestions-heading">
                <h2 id="suggestions-heading">{ fl!(loader, "need-suggestions") }</h2>
                { status::list(&suggestions, fl!(loader, "need-suggestions-loading"), fl!(loader, "suggestions-empty"), |page| html! {
                        <ol class="suggestions">
                            { for page.items.iter().map(|s| html! {
                                <li key={s.offering.id.to_string()} class="suggestion">
                                    <h3><Link<Route> to={Route::Offering { id: s.offering.id.to_string() }}>{ &s.offering.title }</Link<Route>></h3>
                                    <p class="meta">{ &s.offering.organization.name }</p>
                                    <ReasonList score={s.score} reasons={s.reasons.clone()} />
                                    <RequestMatch need={value.id.to_string()} offering={s.offering.id.to_string()} title={s.offering.title.clone()} />
                                </li>
                            }) }
                        </ol>
                    }) }
            </section>
        </article>
    }
}

/// What the lab's hosts change on a need's page: its status and its tags.
#[derive(Clone, PartialEq)]
struct NeedDraft {
    status: String,
    tags: String,
}

#[derive(Properties, PartialEq)]
struct NeedStatusFormProps {
    need: Need,
    on_saved: Callback<Need>,
}

/// The hosts mark a need filled or withdrawn, or change its tags (with `If-Match`).
#[component]
fn NeedStatusForm(props: &NeedStatusFormProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let draft = use_state(|| NeedDraft {
        status: props.need.status.as_str().to_owned(),
        tags: props.need.tags.join(", "),
    });
    let id = props.need.id;
    let make_request = Callback::from(move |draft: NeedDraft| {
        let body = UpdateNeed {
            status: NeedStatus::parse(&draft.status),
            tags: Some(split_tags(&draft.tags)),
            ..UpdateNeed::default()
        };
        services::needs::update(id, &body)
    });
    let save = use_versioned_save::<NeedDraft, Need>(
        draft.clone(),
        props.need.version,
        make_request,
        props.on_saved.clone(),
        Some(services::needs::get(id)),
    );
    let field = |update: fn(&mut NeedDraft, String)| setter(&draft, update);
    let field_error = |name: &str| save.error.as_ref().and_then(|e| e.field(name));
    html! {
        <details class="add-form">
            <summary>{ fl!(loader, "need-edit") }</summary>
            <form onsubmit={save.onsubmit.clone()}>
                { save.feedback(loader) }
                <SelectField id="need-status" label={fl!(loader, "need-status")} value={draft.status.clone()}
                    on_change={field(|d, v| d.status = v)} error={field_error("status")}>
                    { for NeedStatus::ALL.iter().map(|status| html! {
                        <option value={status.as_str()} selected={draft.status == status.as_str()}>{ need_status_name(loader, *status) }</option>
                    }) }
                </SelectField>
                <TextField id="need-tags" label={fl!(loader, "need-tags")} hint={fl!(loader, "need-tags-hint")}
                    value={draft.tags.clone()} on_change={field(|d, v| d.tags = v)} error={field_error("tags")} />
                <button type="submit" class="button" disabled={save.busy}>{ fl!(loader, "need-save") }</button>
            </form>
        </details>
    }
}

#[derive(Properties, PartialEq)]
pub struct RequestMatchProps {
    pub need: String,
    pub offering: String,
    /// What the other side is called (the offering's title on a need's page, and the
    /// need's on an offering's), for screen readers.
    pub title: String,
}

/// "Request match": a message to the other side, folded away until opened. Used on a
/// need's page (by the housing company) and on an offering's (by the actor).
#[component]
pub fn RequestMatch(props: &RequestMatchProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let session = use_session();
    let navigator = use_navigator();
    let message = use_state(String::new);
    let error = use_state(|| None::<ApiError>);
    if session.me().is_none() {
        return html! {};
    }
    let onsubmit = {
        let (message, error, session, navigator) = (
            message.clone(),
            error.clone(),
            session.clone(),
            navigator.clone(),
        );
        let (need, offering) = (props.need.parse().ok(), props.offering.parse().ok());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let (Some(need_id), Some(offering_id)) = (need, offering) else {
                return;
            };
            let body = CreateMatch {
                need_id,
                offering_id,
                message: (*message).clone(),
            };
            let (error, navigator) = (error.clone(), navigator.clone());
            api::spawn(
                services::matches::create(&body),
                session.token(),
                Callback::from(move |result: Result<Match, ApiError>| match result {
                    Ok(created) => {
                        if let Some(navigator) = &navigator {
                            navigator.push(&Route::Match {
                                id: created.id.to_string(),
                            });
                        }
                    }
                    Err(failure) => error.set(Some(failure)),
                }),
            );
        })
    };
    let id = format!("request-{}", props.offering);
    html! {
        <details class="request">
            <summary>{ fl!(loader, "match-request") }<span class="visually-hidden">{ format!(": {}", props.title) }</span></summary>
            <form {onsubmit}>
                <FormError message={error.as_ref().map(|e| form_message(loader, e))} />
                <TextAreaField id={id} label={fl!(loader, "match-message")} rows={3} value={(*message).clone()}
                    on_change={Callback::from({ let message = message.clone(); move |v| message.set(v) })}
                    error={error.as_ref().and_then(|e| e.field("message"))} />
                <button type="submit" class="button">{ fl!(loader, "match-request-submit") }</button>
            </form>
        </details>
    }
}
