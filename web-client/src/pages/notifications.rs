//! The notification bell (unread count) and the list of notifications.

use gloo_net::http::Method;
use i18n_embed_fl::fl;
use shared::Notifications;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{self, ApiError, Fetch, use_get};
use crate::app::Route;
use crate::components::{ErrorMessage, Loading};
use crate::i18n::use_i18n;
use crate::session::use_session;

/// The bell in the header: a link to the notifications, saying how many are unread.
#[component]
pub fn NotificationBell() -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let notifications = use_get::<Notifications>("/notifications?limit=1".to_owned());
    let unread = match &notifications.state {
        Fetch::Loaded(page) => page.unread_count,
        _ => 0,
    };
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
        _ => Route::Idea { id },
    }
}

#[component]
pub fn NotificationsPage() -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    crate::i18n::use_title(fl!(loader, "notifications-title"));
    let session = use_session();
    let notifications = use_get::<Notifications>("/notifications?limit=100".to_owned());
    let read_all = {
        let (session, reload) = (session.clone(), notifications.reload.clone());
        Callback::from(move |_: MouseEvent| {
            let reload = reload.clone();
            api::spawn_send::<(), ()>(
                Method::POST,
                "/notifications/read-all".to_owned(),
                session.token(),
                None,
                Callback::from(move |_: Result<(), ApiError>| reload.emit(())),
            );
        })
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
                                let title = n.details.get("offering_title").or_else(|| n.details.get("idea_title"))
                                    .and_then(|v| v.as_str()).unwrap_or_default().to_owned();
                                html! {
                                    <li key={n.id.to_string()} class={classes!((!n.read).then_some("notifications__unread"))}>
                                        <Link<Route> to={target(&n.subject_type, n.subject_id.to_string())}>
                                            { notification_text(loader, &n.kind, &title) }
                                        </Link<Route>>
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
        _ => fl!(loader, "notification-other", title = title),
    }
}
