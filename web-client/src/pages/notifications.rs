//! The notification bell (unread count) and the list of notifications.

use gloo_timers::callback::Interval;
use i18n_embed_fl::fl;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{self, ApiError, Fetch, use_get};
use crate::app::Route;
use crate::components::{ErrorMessage, Loading};
use crate::i18n::use_i18n;
use crate::services;
use crate::session::use_session;

/// How many of the signed-in person's notifications are unread, shared by the bell and
/// the notifications page, and a way to ask again after marking some read.
#[derive(Clone, PartialEq)]
pub struct Unread {
    pub count: i64,
    pub refresh: Callback<()>,
}

/// How often the unread count is asked for while a page stays open.
const UNREAD_POLL_MS: u32 = 60_000;

#[derive(Properties, PartialEq)]
pub struct UnreadProviderProps {
    pub children: Html,
}

/// Keeps the unread count current: on sign-in, on every navigation and once a minute.
/// A failed request keeps the last count rather than flashing zero.
#[component]
pub fn UnreadProvider(props: &UnreadProviderProps) -> Html {
    let session = use_session();
    let token = session.token();
    let path = use_location().map(|location| location.path().to_owned());
    let count = use_state(|| 0_i64);
    // Answers can overtake each other (a navigation's question and the one after marking
    // read): only the answer to the latest question counts.
    let latest = use_mut_ref(|| 0_u64);
    let refresh = {
        let (count, token) = (count.setter(), token.clone());
        Callback::from(move |()| {
            let Some(token) = token.clone() else {
                count.set(0);
                return;
            };
            let asked = {
                let mut latest = latest.borrow_mut();
                *latest += 1;
                *latest
            };
            let (count, latest) = (count.clone(), latest.clone());
            wasm_bindgen_futures::spawn_local(async move {
                if let Ok(page) = api::fetch(&services::me::unread_count(), Some(&token)).await
                    && *latest.borrow() == asked
                {
                    count.set(page.unread_count);
                }
            });
        })
    };
    {
        let refresh = refresh.clone();
        use_effect_with((token, path), move |_| {
            refresh.emit(());
            let interval = Interval::new(UNREAD_POLL_MS, move || refresh.emit(()));
            move || drop(interval)
        });
    }
    let unread = Unread {
        count: *count,
        refresh,
    };
    html! {
        <ContextProvider<Unread> context={unread}>{ props.children.clone() }</ContextProvider<Unread>>
    }
}

/// The unread count of [`UnreadProvider`] (zero outside it).
#[hook]
pub fn use_unread() -> Unread {
    use_context::<Unread>().unwrap_or(Unread {
        count: 0,
        refresh: Callback::noop(),
    })
}

/// The bell in the header: a link to the notifications, saying how many are unread.
#[component]
pub fn NotificationBell() -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let unread = use_unread().count;
    let label = fl!(loader, "notifications-unread", count = unread);
    html! {
        <Link<Route> to={Route::Notifications} classes="bell">
            <span aria-hidden="true">{ "🔔" }</span>
            if unread > 0 { <span class="bell__count" aria-hidden="true">{ unread }</span> }
            <span class="visually-hidden">{ label }</span>
        </Link<Route>>
    }
}

/// Where a notification leads.
fn target(subject_type: &str, id: String) -> Route {
    match subject_type {
        "match" => Route::Match { id },
        "organization" => Route::Organization { id },
        "method" => Route::Method { id },
        _ => Route::Idea { id },
    }
}

#[component]
pub fn NotificationsPage() -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    crate::i18n::use_title(fl!(loader, "notifications-title"));
    let session = use_session();
    let unread = use_unread();
    let notifications = use_get(services::me::notifications());
    // Marks notifications read, then asks again for the list and the bell's count.
    let mark_read = {
        let (session, reload, refresh) = (
            session.clone(),
            notifications.reload.clone(),
            unread.refresh.clone(),
        );
        Callback::from(move |marking: services::Write<()>| {
            let (reload, refresh) = (reload.clone(), refresh.clone());
            api::spawn(
                marking,
                session.token(),
                Callback::from(move |_: Result<(), ApiError>| {
                    reload.emit(());
                    refresh.emit(());
                }),
            );
        })
    };
    let read_all = {
        let mark_read = mark_read.clone();
        Callback::from(move |_: MouseEvent| mark_read.emit(services::me::mark_all_read()))
    };
    html! {
        <>
            <h1>{ fl!(loader, "notifications-title") }</h1>
            { match &notifications.state {
                Fetch::Loading => html! { <Loading text={fl!(loader, "notifications-loading")} /> },
                Fetch::Failed(_) => html! { <ErrorMessage on_retry={notifications.reload.clone()} /> },
                Fetch::Loaded(page) if page.items.is_empty() => html! { <p class="status">{ fl!(loader, "notifications-empty") }</p> },
                Fetch::Loaded(page) => html! {
                    <>
                        if page.unread_count > 0 {
                            <button type="button" class="button button--secondary" onclick={read_all}>{ fl!(loader, "notifications-read-all") }</button>
                        }
                        <ul class="plain-list notifications">
                            { for page.items.iter().map(|n| {
                                let title = n.title().to_owned();
                                // Following an unread notification reads it.
                                let onclick = (!n.read).then(|| {
                                    let (mark_read, id) = (mark_read.clone(), n.id);
                                    Callback::from(move |_: MouseEvent| mark_read.emit(services::me::mark_read(id)))
                                });
                                html! {
                                    <li key={n.id.to_string()} class={classes!((!n.read).then_some("notifications__unread"))}>
                                        <span {onclick}><Link<Route> to={target(&n.subject_type, n.subject_id.to_string())}>
                                            if !n.read { <span class="visually-hidden">{ format!("{} ", fl!(loader, "notification-unread-marker")) }</span> }
                                            { notification_text(loader, &n.kind, &title) }
                                        </Link<Route>></span>
                                        <span class="meta">{ format!(" · {}", n.created_at.format("%Y-%m-%d %H:%M")) }</span>
                                    </li>
                                }
                            }) }
                        </ul>
                    </>
                },
            } }
        </>
    }
}

fn notification_text(
    loader: &i18n_embed::fluent::FluentLanguageLoader,
    kind: &str,
    title: &str,
) -> String {
    let title = title.to_owned();
    match kind {
        "match_requested" => fl!(loader, "notification-match_requested", title = title),
        "match_accepted" => fl!(loader, "notification-match_accepted", title = title),
        "match_declined" => fl!(loader, "notification-match_declined", title = title),
        "match_message" => fl!(loader, "notification-match_message", title = title),
        "idea_status_changed" => fl!(loader, "notification-idea_status_changed", title = title),
        "comment_reply" => fl!(loader, "notification-comment_reply", title = title),
        "member_added" => fl!(loader, "notification-member_added", title = title),
        "match_withdrawn" => fl!(loader, "notification-match_withdrawn", title = title),
        "match_started" => fl!(loader, "notification-match_started", title = title),
        "match_completed" => fl!(loader, "notification-match_completed", title = title),
        "method_published" => fl!(loader, "notification-method_published", title = title),
        "method_adopted" => fl!(loader, "notification-method_adopted", title = title),
        "content_hidden" => fl!(loader, "notification-content_hidden", title = title),
        "content_restored" => fl!(loader, "notification-content_restored", title = title),
        "webhook_disabled" => fl!(loader, "notification-webhook_disabled", title = title),
        _ => fl!(loader, "notification-other", title = title),
    }
}
