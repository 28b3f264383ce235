//! An organisation's webhooks, for its owners and admins: added with the events chosen (the
//! secret shown once), switched off and on, the secret rotated, a ping sent, removed, and
//! each one's delivery log with redelivery.

use shared::webhooks::EVENT_TYPES;
use shared::{CreateWebhook, UpdateWebhook, Webhook, WebhookDelivery, WebhookWithSecret};

use super::*;
use crate::forms::act_then_reload;

#[component]
pub(super) fn Webhooks(props: &SectionProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let session = use_session();
    let webhooks = use_get(services::webhooks::list(&props.id));
    let url = use_state(String::new);
    let description = use_state(String::new);
    let events = use_state(|| vec!["match.requested".to_owned()]);
    // The secret, shown once: after the webhook is added or its secret rotated.
    let secret = use_state(|| None::<WebhookWithSecret>);
    let status = use_state(|| None::<String>);
    let error = use_state(|| None::<ApiError>);
    let shown_log = use_state(|| None::<String>);

    let onsubmit = {
        let (url, description, events, secret, status, error, reload, id) = (
            url.clone(),
            description.clone(),
            events.clone(),
            secret.clone(),
            status.clone(),
            error.clone(),
            webhooks.reload.clone(),
            props.id.clone(),
        );
        let session = session.clone();
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let request = CreateWebhook {
                url: (*url).clone(),
                description: (*description).clone(),
                events: (*events).clone(),
                enabled: None,
            };
            let creating = services::webhooks::create(&id, &request);
            let (session, url, description, secret, status, error, reload) = (
                session.clone(),
                url.clone(),
                description.clone(),
                secret.clone(),
                status.clone(),
                error.clone(),
                reload.clone(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                match api::send(&creating, session.token().as_deref(), None).await {
                    Ok(created) => {
                        url.set(String::new());
                        description.set(String::new());
                        error.set(None);
                        status.set(None);
                        secret.set(Some(created));
                        reload.emit(());
                    }
                    Err(failure) => error.set(Some(failure)),
                }
            });
        })
    };
    let toggle_event = |event_type: &'static str| {
        let events = events.clone();
        Callback::from(move |event: Event| {
            let checked = event.target_unchecked_into::<HtmlInputElement>().checked();
            let mut next: Vec<String> = (*events)
                .iter()
                .filter(|e| *e != event_type)
                .cloned()
                .collect();
            if checked {
                next.push(event_type.to_owned());
            }
            events.set(next);
        })
    };
    let said = |text: String| {
        let status = status.clone();
        Callback::from(move |_| status.set(Some(text.clone())))
    };
    let item = |webhook: &Webhook| {
        let id = webhook.id.to_string();
        let name = if webhook.description.is_empty() {
            webhook.url.clone()
        } else {
            webhook.description.clone()
        };
        let switch = act_then_reload(
            &session,
            services::webhooks::update(
                &props.id,
                &id,
                &UpdateWebhook {
                    url: None,
                    description: None,
                    events: None,
                    enabled: Some(!webhook.enabled),
                },
            ),
            Some(webhook.version),
            &error,
            &webhooks.reload,
            Callback::noop(),
        );
        let rotate = act_then_reload(
            &session,
            services::webhooks::rotate_secret(&props.id, &id),
            None,
            &error,
            &webhooks.reload,
            {
                let secret = secret.clone();
                Callback::from(move |rotated| secret.set(Some(rotated)))
            },
        );
        let ping = act_then_reload(
            &session,
            services::webhooks::ping(&props.id, &id),
            None,
            &error,
            &webhooks.reload,
            said(fl!(loader, "webhook-ping-sent", name = name.clone())),
        );
        let remove = act_then_reload(
            &session,
            services::webhooks::remove(&props.id, &id),
            None,
            &error,
            &webhooks.reload,
            Callback::noop(),
        );
        let log_shown = shown_log.as_deref() == Some(id.as_str());
        let show_log = {
            let (shown_log, id) = (shown_log.clone(), id.clone());
            Callback::from(move |_: MouseEvent| {
                shown_log.set(if log_shown { None } else { Some(id.clone()) })
            })
        };
        let state = match (&webhook.disabled_reason, webhook.enabled) {
            (Some(reason), false) if reason == "gone" => fl!(loader, "webhook-disabled-gone"),
            (Some(_), false) => fl!(loader, "webhook-disabled-failing"),
            (None, false) => fl!(loader, "webhook-off"),
            (_, true) => match webhook.failing_since {
                Some(since) => fl!(
                    loader,
                    "webhook-failing",
                    since = since.format("%Y-%m-%d %H:%M").to_string()
                ),
                None => fl!(loader, "webhook-on"),
            },
        };
        html! {
            <li key={id.clone()} class="webhook">
                <p>
                    <strong>{ &name }</strong>
                    if !webhook.description.is_empty() {
                        { format!(" – {}", webhook.url) }
                    }
                </p>
                <p class="meta">{ format!("{} – {state}", webhook.events.join(", ")) }</p>
                <p class="actions">
                    <button type="button" class="button button--small" onclick={switch}
                        aria-label={format!("{} {name}", if webhook.enabled { fl!(loader, "webhook-switch-off") } else { fl!(loader, "webhook-switch-on") })}>
                        { if webhook.enabled { fl!(loader, "webhook-switch-off") } else { fl!(loader, "webhook-switch-on") } }
                    </button>
                    <button type="button" class="button button--small" onclick={ping}
                        aria-label={format!("{} {name}", fl!(loader, "webhook-ping"))}>
                        { fl!(loader, "webhook-ping") }
                    </button>
                    <button type="button" class="button button--small" onclick={rotate}
                        aria-label={format!("{} {name}", fl!(loader, "webhook-rotate"))}>
                        { fl!(loader, "webhook-rotate") }
                    </button>
                    <button type="button" class="button button--small" onclick={show_log}
                        aria-expanded={log_shown.to_string()}
                        aria-label={format!("{} {name}", fl!(loader, "webhook-deliveries"))}>
                        { fl!(loader, "webhook-deliveries") }
                    </button>
                    <button type="button" class="button button--small" onclick={remove}
                        aria-label={format!("{} {name}", fl!(loader, "webhook-remove"))}>
                        { fl!(loader, "webhook-remove") }
                    </button>
                </p>
                if log_shown {
                    <Deliveries organization={props.id.clone()} webhook={id.clone()} name={name.clone()} />
                }
            </li>
        }
    };
    let list = match &webhooks.state {
        Fetch::Loading => html! { <Loading text={fl!(loader, "webhooks-loading")} /> },
        Fetch::Failed(_) => html! { <ErrorMessage on_retry={webhooks.reload.clone()} /> },
        Fetch::Loaded(page) if page.items.is_empty() => {
            html! { <p>{ fl!(loader, "webhooks-none") }</p> }
        }
        Fetch::Loaded(page) => html! {
            <ul class="plain-list">{ for page.items.iter().map(item) }</ul>
        },
    };
    html! {
        <section aria-labelledby="webhooks-heading">
            <h2 id="webhooks-heading">{ fl!(loader, "webhooks") }</h2>
            <p>{ fl!(loader, "webhooks-intro") }</p>
            if let Some(shown) = &*secret {
                <div class="secret" role="status">
                    <p>{ fl!(loader, "webhook-secret", url = shown.webhook.url.clone()) }</p>
                    <p><code id="webhook-secret">{ shown.secret.expose().to_owned() }</code></p>
                </div>
            }
            <p role="status" class="status-message">{ status.as_deref().unwrap_or_default() }</p>
            { list }
            <form {onsubmit} class="inline-form" aria-labelledby="add-webhook-heading">
                <h3 id="add-webhook-heading">{ fl!(loader, "webhook-add") }</h3>
                <FormError message={error.as_ref().map(|e| form_message(loader, e))} />
                <TextField id="webhook-url" label={fl!(loader, "webhook-url")} value={(*url).clone()}
                    on_change={Callback::from({ let url = url.clone(); move |v| url.set(v) })}
                    error={error.as_ref().and_then(|e| e.field("url"))} />
                <TextField id="webhook-description" label={fl!(loader, "webhook-description")} value={(*description).clone()}
                    on_change={Callback::from({ let description = description.clone(); move |v| description.set(v) })}
                    error={error.as_ref().and_then(|e| e.field("description"))} />
                <fieldset>
                    <legend>{ fl!(loader, "webhook-events") }</legend>
                    { for EVENT_TYPES.into_iter().map(|event_type| html! {
                        <label class="checkbox">
                            <input type="checkbox" name="webhook-event" value={event_type}
                                checked={events.iter().any(|e| e == event_type)} onchange={toggle_event(event_type)} />
                            { format!(" {event_type}") }
                        </label>
                    }) }
                    if let Some(message) = error.as_ref().and_then(|e| e.field("events")) {
                        <p class="field-error">{ message }</p>
                    }
                </fieldset>
                <button type="submit" class="button">{ fl!(loader, "webhook-add") }</button>
            </form>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct DeliveriesProps {
    organization: String,
    webhook: String,
    name: String,
}

/// A webhook's newest deliveries, each with its attempts, and a way to send one again.
#[component]
fn Deliveries(props: &DeliveriesProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let session = use_session();
    let deliveries = use_get(services::webhooks::deliveries(
        &props.organization,
        &props.webhook,
    ));
    let error = use_state(|| None::<ApiError>);
    let refresh = {
        let reload = deliveries.reload.clone();
        Callback::from(move |_: MouseEvent| reload.emit(()))
    };
    let row = |delivery: &WebhookDelivery| {
        let redeliver = act_then_reload(
            &session,
            services::webhooks::redeliver(&props.organization, &props.webhook, delivery.id),
            None,
            &error,
            &deliveries.reload,
            Callback::noop(),
        );
        let last =
            delivery
                .attempts
                .last()
                .map(|attempt| match (attempt.status_code, &attempt.error) {
                    (Some(code), _) => fl!(
                        loader,
                        "webhook-attempt-status",
                        code = code,
                        ms = attempt.duration_ms
                    ),
                    (None, Some(error)) => error.clone(),
                    (None, None) => String::new(),
                });
        html! {
            <tr key={delivery.id.to_string()}>
                <td>{ delivery.created_at.format("%Y-%m-%d %H:%M:%S").to_string() }</td>
                <td>{ &delivery.event_type }</td>
                <td>{ delivery_status(loader, &delivery.status) }</td>
                <td>{ delivery.attempts.len() }</td>
                <td>{ last.unwrap_or_default() }</td>
                <td>
                    <button type="button" class="button button--small" onclick={redeliver}
                        aria-label={format!("{} {} {}", fl!(loader, "webhook-redeliver"), delivery.event_type, delivery.created_at.format("%H:%M:%S"))}>
                        { fl!(loader, "webhook-redeliver") }
                    </button>
                </td>
            </tr>
        }
    };
    let body = match &deliveries.state {
        Fetch::Loading => html! { <Loading text={fl!(loader, "webhook-deliveries-loading")} /> },
        Fetch::Failed(_) => html! { <ErrorMessage on_retry={deliveries.reload.clone()} /> },
        Fetch::Loaded(page) if page.items.is_empty() => {
            html! { <p>{ fl!(loader, "webhook-deliveries-none") }</p> }
        }
        Fetch::Loaded(page) => html! {
            <table class="deliveries">
                <caption>{ fl!(loader, "webhook-deliveries-of", name = props.name.clone()) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ fl!(loader, "webhook-delivery-created") }</th>
                        <th scope="col">{ fl!(loader, "webhook-delivery-event") }</th>
                        <th scope="col">{ fl!(loader, "webhook-delivery-status") }</th>
                        <th scope="col">{ fl!(loader, "webhook-delivery-attempts") }</th>
                        <th scope="col">{ fl!(loader, "webhook-delivery-last") }</th>
                        <th scope="col"><span class="visually-hidden">{ fl!(loader, "webhook-redeliver") }</span></th>
                    </tr>
                </thead>
                <tbody>{ for page.items.iter().map(row) }</tbody>
            </table>
        },
    };
    html! {
        <div class="webhook-deliveries">
            <FormError message={error.as_ref().map(|e| form_message(loader, e))} />
            { body }
            <button type="button" class="button button--small" onclick={refresh}>
                { fl!(loader, "webhook-deliveries-refresh") }
            </button>
        </div>
    }
}

/// A delivery's status in words.
fn delivery_status(loader: &i18n_embed::fluent::FluentLanguageLoader, status: &str) -> String {
    match status {
        "pending" => fl!(loader, "webhook-delivery-pending"),
        "succeeded" => fl!(loader, "webhook-delivery-succeeded"),
        "failed" => fl!(loader, "webhook-delivery-failed"),
        other => other.to_owned(),
    }
}
