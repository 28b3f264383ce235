//! Matches: the inbox (incoming and outgoing, by state) and a match's page with its state,
//! the actions the caller may take, and the thread.

use i18n_embed_fl::fl;
use serde::{Deserialize, Serialize};
use shared::{
    CreateMatchMessage, Lab, Match, MatchAction, MatchDecision, MatchMessage, MatchState, Page,
};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{self, ApiError, use_get, use_paged_get};
use crate::app::Route;
use crate::components::fetched;
use crate::components::form::{FormError, SelectField, TextAreaField};
use crate::components::status;
use crate::forms::{ListFilters, use_list_filters};
use crate::i18n::{form_message, match_action_name, match_state_name, use_i18n, use_title};
use crate::pages::account::SignInFirst;
use crate::services;
use crate::session::use_session;

/// Which matches the inbox shows; kept in the address (`/matches?direction=outgoing`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
struct Filters {
    /// `outgoing`, or the incoming ones when empty.
    #[serde(skip_serializing_if = "String::is_empty")]
    direction: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    status: String,
}

impl Filters {
    fn outgoing(&self) -> bool {
        self.direction == "outgoing"
    }

    fn read(&self) -> services::Read<Page<Match>> {
        let direction = if self.outgoing() {
            "outgoing"
        } else {
            "incoming"
        };
        services::matches::list(&[
            ("direction", Some(direction.to_owned())),
            ("status", Some(self.status.clone())),
        ])
    }
}

#[component]
pub fn MatchesPage() -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    use_title(fl!(loader, "matches-title"));
    let session = use_session();
    let ListFilters { applied, apply, .. } = use_list_filters::<Filters>();
    let list = use_paged_get(applied.read());
    if session.me().is_none() {
        return html! { <SignInFirst /> };
    }
    let tab = |outgoing: bool, label: String| {
        let filters = Filters {
            direction: if outgoing { "outgoing" } else { "" }.to_owned(),
            ..applied.clone()
        };
        let apply = apply.clone();
        html! {
            <button type="button" class="button button--secondary" aria-pressed={(applied.outgoing() == outgoing).to_string()}
                onclick={Callback::from(move |_: MouseEvent| apply.emit(filters.clone()))}>{ label }</button>
        }
    };
    let choose_state = {
        let (applied, apply) = (applied.clone(), apply.clone());
        Callback::from(move |status: String| {
            apply.emit(Filters {
                status,
                ..applied.clone()
            })
        })
    };
    html! {
        <>
            <h1>{ fl!(loader, "matches-title") }</h1>
            <div class="tabs" role="group" aria-label={fl!(loader, "matches-direction")}>
                { tab(false, fl!(loader, "matches-incoming")) }
                { tab(true, fl!(loader, "matches-outgoing")) }
            </div>
            <SelectField id="match-state-filter" label={fl!(loader, "matches-state")} value={applied.status.clone()}
                on_change={choose_state}>
                <option value="" selected={applied.status.is_empty()}>{ fl!(loader, "filter-all") }</option>
                { for MatchState::ALL.iter().map(|s| html! {
                    <option value={s.as_str()} selected={applied.status == s.as_str()}>{ match_state_name(loader, *s) }</option>
                }) }
            </SelectField>
            { status::list(&list.first, fl!(loader, "matches-loading"), fl!(loader, "matches-empty"), |page| html! {
                    <>
                        <ul class="card-list">
                            { for page.items.iter().chain(list.more.iter()).map(|m| html! {
                                <li class="card" key={m.id.to_string()}>
                                    <h2 class="card__title"><Link<Route> to={Route::Match { id: m.id.to_string() }}>{ &m.offering.title }</Link<Route>></h2>
                                    <p class="card__need">{ fl!(loader, "matches-for-need", title = m.need.title.clone()) }</p>
                                    <p class="meta">{ format!("{} ↔ {} · {}", m.need_organization.name, m.offering_organization.name, m.updated_at.format("%Y-%m-%d")) }</p>
                                    <p class="badge">{ match_state_name(loader, m.state) }</p>
                                </li>
                            }) }
                        </ul>
                        { list.more_controls(loader, fl!(loader, "matches-more")) }
                    </>
                }) }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct MatchPageProps {
    pub id: String,
}

#[component]
pub fn MatchPage(props: &MatchPageProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let session = use_session();
    let navigator = use_navigator();
    let found = use_get(services::matches::get(&props.id));
    let messages = use_get(services::matches::messages(&props.id));
    let note = use_state(String::new);
    let body = use_state(String::new);
    let error = use_state(|| None::<ApiError>);
    use_title(fl!(loader, "match-title"));
    let value = match status::object(&found, fl!(loader, "matches-loading"), None) {
        Ok(value) => value,
        Err(instead) => return instead,
    };
    let act = |action: MatchAction| {
        let (note, error, reload, session, id) = (
            note.clone(),
            error.clone(),
            found.reload.clone(),
            session.clone(),
            props.id.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let text = Some((*note).clone()).filter(|n| !n.trim().is_empty());
            let decision = MatchDecision {
                reason: text
                    .clone()
                    .filter(|_| matches!(action, MatchAction::Decline | MatchAction::Withdraw)),
                outcome: text.filter(|_| action == MatchAction::Complete),
            };
            let (error, reload, note) = (error.clone(), reload.clone(), note.clone());
            api::spawn(
                services::matches::act(&id, action, &decision),
                session.token(),
                Callback::from(move |result: Result<Match, ApiError>| match result {
                    Ok(_) => {
                        error.set(None);
                        note.set(String::new());
                        reload.emit(());
                    }
                    Err(failure) => error.set(Some(failure)),
                }),
            );
        })
    };
    let to_lab = {
        let (error, session, id, navigator) = (
            error.clone(),
            session.clone(),
            props.id.clone(),
            navigator.clone(),
        );
        Callback::from(move |_: MouseEvent| {
            let (error, navigator) = (error.clone(), navigator.clone());
            api::spawn(
                services::matches::create_lab(&id),
                session.token(),
                Callback::from(move |result: Result<Lab, ApiError>| match result {
                    Ok(lab) => {
                        if let Some(navigator) = &navigator {
                            navigator.push(&Route::Lab {
                                id: lab.id.to_string(),
                            });
                        }
                    }
                    Err(failure) => error.set(Some(failure)),
                }),
            );
        })
    };
    let send = {
        let (body, error, reload, session, id) = (
            body.clone(),
            error.clone(),
            messages.reload.clone(),
            session.clone(),
            props.id.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let request = CreateMatchMessage {
                body: (*body).clone(),
            };
            let (body, error, reload) = (body.clone(), error.clone(), reload.clone());
            api::spawn(
                services::matches::post_message(&id, &request),
                session.token(),
                Callback::from(move |result: Result<MatchMessage, ApiError>| match result {
                    Ok(_) => {
                        body.set(String::new());
                        error.set(None);
                        reload.emit(());
                    }
                    Err(failure) => error.set(Some(failure)),
                }),
            );
        })
    };
    let acting = !value.my_sides.is_empty();
    html! {
        <article aria-labelledby="match-title">
            <h1 id="match-title">{ fl!(loader, "match-title") }</h1>
            <p>
                <Link<Route> to={Route::Need { id: value.need.id.to_string() }}>{ &value.need.title }</Link<Route>>
                { " ↔ " }
                <Link<Route> to={Route::Offering { id: value.offering.id.to_string() }}>{ &value.offering.title }</Link<Route>>
            </p>
            <p class="meta">{ format!("{} ↔ {}", value.need_organization.name, value.offering_organization.name) }</p>
            <p class="badge" id="match-state">{ match_state_name(loader, value.state) }</p>
            if let Some(reason) = &value.reason { <p class="meta">{ fl!(loader, "idea-reason-shown", reason = reason.clone()) }</p> }
            if let Some(outcome) = &value.outcome { <p class="meta">{ fl!(loader, "match-outcome-shown", outcome = outcome.clone()) }</p> }
            <FormError message={error.as_ref().map(|e| form_message(loader, e))} />
            if acting && !value.allowed_actions.is_empty() {
                <section class="inline-form" aria-labelledby="actions-heading">
                    <h2 id="actions-heading">{ fl!(loader, "match-actions") }</h2>
                    <TextAreaField id="match-note" label={fl!(loader, "match-note")} hint={fl!(loader, "match-note-hint")} rows={2}
                        value={(*note).clone()} on_change={Callback::from({ let note = note.clone(); move |v| note.set(v) })}
                        error={error.as_ref().and_then(|e| e.field("reason").or_else(|| e.field("outcome")))} />
                    <div class="actions">
                        { for value.allowed_actions.iter().map(|action| html! {
                            <button type="button" class="button" onclick={act(*action)}>{ match_action_name(loader, *action) }</button>
                        }) }
                    </div>
                </section>
            }
            if acting && value.lab_id.is_none() && matches!(value.state, shared::MatchState::Accepted | shared::MatchState::Active) {
                <button type="button" class="button button--secondary" onclick={to_lab}>{ fl!(loader, "match-to-lab") }</button>
            }
            if let Some(lab) = value.lab_id {
                <p><Link<Route> to={Route::Lab { id: lab.to_string() }}>{ fl!(loader, "match-lab") }</Link<Route>></p>
            }
            <section aria-labelledby="thread-heading">
                <h2 id="thread-heading">{ fl!(loader, "match-thread") }</h2>
                if !value.message.is_empty() {
                    <p class="comment"><span class="comment__author">{ fl!(loader, "match-request-message") }</span>{ " " }{ &value.message }</p>
                }
                { fetched(loader, &messages, |page| html! {
                    <>
                        <ul class="comments">
                            { for page.items.iter().map(|m| html! {
                                <li class="comment" key={m.id.to_string()}>
                                    <p class="comment__author">{ format!("{} ({})", m.author.as_ref().map(|a| a.display_name.clone()).unwrap_or_default(), m.organization.name) }</p>
                                    <p>{ &m.body }</p>
                                </li>
                            }) }
                        </ul>
                    </>
                }) }
                if acting {
                    <form class="comment-form" onsubmit={send}>
                        <TextAreaField id="match-message-body" label={fl!(loader, "match-write")} rows={2} value={(*body).clone()}
                            on_change={Callback::from({ let body = body.clone(); move |v| body.set(v) })}
                            error={error.as_ref().and_then(|e| e.field("body"))} />
                        <button type="submit" class="button button--secondary">{ fl!(loader, "match-send") }</button>
                    </form>
                }
            </section>
        </article>
    }
}
