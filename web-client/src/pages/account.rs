use i18n_embed_fl::fl;
use shared::{
    ChangeEmail, DeleteAccount, Locale, MailFrequency, Me, MyOrganization, NotificationKind,
    NotificationSetting, NotificationSettings, UpdateMe, UpdateNotificationSettings,
};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{self, ApiError, Fetch, use_get};
use crate::app::Route;
use crate::components::form::{FormError, SelectField, TextField};
use crate::components::status;
use crate::components::{ErrorMessage, Loading};
use crate::i18n::{Language, form_message, role_name, use_i18n, use_title};
use crate::services;
use crate::session::use_session;

/// The organisations the signed-in person belongs to, for a page that creates something
/// for one of them (`title` names the page, `why` says why it needs an organisation); or
/// what the page shows instead: "sign in first", loading, an error, or the way to create
/// an organisation first.
#[hook]
pub fn use_acting_organizations(title: String, why: String) -> Result<Vec<MyOrganization>, Html> {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let session = use_session();
    let mine = use_get(services::me::organizations());
    if session.me().is_none() {
        return Err(html! { <SignInFirst /> });
    }
    match &mine.state {
        Fetch::Loading => Err(html! { <Loading text={fl!(loader, "session-loading")} /> }),
        Fetch::Failed(_) => Err(html! { <ErrorMessage on_retry={mine.reload.clone()} /> }),
        Fetch::Loaded(page) if page.items.is_empty() => Err(html! {
            <section class="narrow">
                <h1>{ title }</h1>
                <p>{ why }</p>
                <Link<Route> to={Route::NewOrganization} classes="button">{ fl!(loader, "account-create-organization") }</Link<Route>>
            </section>
        }),
        Fetch::Loaded(page) => Ok(page.items.clone()),
    }
}

/// Shown instead of a page that needs a signed-in person.
#[component]
pub fn SignInFirst() -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let session = use_session();
    if session.restoring() {
        return html! { <Loading text={fl!(loader, "session-loading")} /> };
    }
    html! {
        <section aria-labelledby="page-title">
            <h1 id="page-title">{ fl!(loader, "account-signed-out") }</h1>
            <p>
                <Link<Route> to={Route::SignIn}>{ fl!(loader, "nav-sign-in") }</Link<Route>>
                { " · " }
                <Link<Route> to={Route::Register}>{ fl!(loader, "nav-register") }</Link<Route>>
            </p>
        </section>
    }
}

/// The signed-in person's profile and organisations.
#[component]
pub fn Account() -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    use_title(fl!(loader, "account-title"));
    let session = use_session();
    match session.me() {
        None => html! { <SignInFirst /> },
        Some(me) => html! {
            <>
                <h1>{ fl!(loader, "account-title") }</h1>
                if !me.email_verified {
                    <Unverified email={me.email.clone()} />
                }
                <Profile me={me.clone()} />
                <ChangeEmailForm current={me.email.clone()} />
                <MailSettings />
                <MyOrganizations />
                <MyData />
            </>
        },
    }
}

#[derive(Properties, PartialEq)]
struct UnverifiedProps {
    email: String,
}

/// Says what waits for a verified address, and mails the link again.
#[component]
fn Unverified(props: &UnverifiedProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let session = use_session();
    let outcome = use_state(|| None::<Result<(), ApiError>>);
    let resend = {
        let outcome = outcome.clone();
        Callback::from(move |_: MouseEvent| {
            let outcome = outcome.clone();
            api::spawn(
                services::me::send_verification_email(),
                session.token(),
                Callback::from(move |result| outcome.set(Some(result))),
            );
        })
    };
    html! {
        <section class="notice" aria-labelledby="verify-heading">
            <h2 id="verify-heading">{ fl!(loader, "account-verify-heading") }</h2>
            <p>{ fl!(loader, "account-verify-text", email = props.email.clone()) }</p>
            <button type="button" class="button button--secondary" onclick={resend}>{ fl!(loader, "account-verify-resend") }</button>
            { match &*outcome {
                Some(Ok(())) => html! { <p role="status">{ fl!(loader, "account-verify-sent", email = props.email.clone()) }</p> },
                Some(Err(error)) => html! { <p class="form-error" role="alert">{ form_message(loader, error) }</p> },
                None => html! {},
            } }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ProfileProps {
    me: Me,
}

#[component]
fn Profile(props: &ProfileProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let session = use_session();
    let name = use_state(|| props.me.display_name.clone());
    let locale = use_state(|| props.me.locale);
    let error = use_state(|| None::<ApiError>);
    let saved = use_state(|| false);
    let onsubmit = {
        let (name, locale, error, saved, i18n) = (
            name.clone(),
            locale.clone(),
            error.clone(),
            saved.clone(),
            i18n.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let request = UpdateMe {
                display_name: Some((*name).clone()),
                locale: Some(*locale),
            };
            let (session, error, saved, i18n) =
                (session.clone(), error.clone(), saved.clone(), i18n.clone());
            let version = session.me().map_or(0, |me| me.version);
            wasm_bindgen_futures::spawn_local(async move {
                match api::send(
                    &services::me::update(&request),
                    session.token().as_deref(),
                    Some(version),
                )
                .await
                {
                    Ok(me) => {
                        i18n.set_language(if me.locale == Locale::En {
                            Language::English
                        } else {
                            Language::Swedish
                        });
                        session.set_profile(me);
                        error.set(None);
                        saved.set(true);
                    }
                    Err(failure) => {
                        saved.set(false);
                        error.set(Some(failure));
                    }
                }
            });
        })
    };
    html! {
        <section aria-labelledby="profile-heading">
            <h2 id="profile-heading">{ fl!(loader, "account-profile") }</h2>
            <p>{ &props.me.email }</p>
            <form {onsubmit}>
                <FormError message={error.as_ref().map(|e| form_message(loader, e))} />
                <TextField id="display_name" label={fl!(loader, "form-display-name")} value={(*name).clone()}
                    on_change={Callback::from({ let name = name.clone(); move |v| name.set(v) })}
                    error={error.as_ref().and_then(|e| e.field("display_name"))} autocomplete="name" />
                <SelectField id="locale" label={fl!(loader, "account-language")} value={locale.as_str().to_owned()}
                    on_change={Callback::from({ let locale = locale.clone(); move |v: String| locale.set(Locale::parse(&v).unwrap_or_default()) })}>
                    <option value="sv" selected={*locale == Locale::Sv}>{ "Svenska" }</option>
                    <option value="en" selected={*locale == Locale::En}>{ "English" }</option>
                </SelectField>
                <button type="submit" class="button">{ fl!(loader, "account-save") }</button>
                if *saved {
                    <p role="status">{ fl!(loader, "form-saved") }</p>
                }
            </form>
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ChangeEmailProps {
    current: String,
}

/// Moving the account to another address: a link is mailed there, and the account moves
/// once it is followed.
#[component]
fn ChangeEmailForm(props: &ChangeEmailProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let session = use_session();
    let email = use_state(String::new);
    let password = use_state(String::new);
    let outcome = use_state(|| None::<Result<String, ApiError>>);
    let onsubmit = {
        let (email, password, outcome) = (email.clone(), password.clone(), outcome.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let body = ChangeEmail {
                email: (*email).clone(),
                password: (*password).clone().into(),
            };
            let (outcome, sent_to, password) = (
                outcome.clone(),
                body.email.trim().to_owned(),
                password.clone(),
            );
            api::spawn(
                services::me::change_email(&body),
                session.token(),
                Callback::from(move |result: Result<(), ApiError>| {
                    if result.is_ok() {
                        password.set(String::new());
                    }
                    outcome.set(Some(result.map(|()| sent_to.clone())));
                }),
            );
        })
    };
    let error = match &*outcome {
        Some(Err(failure)) => Some(failure),
        _ => None,
    };
    html! {
        <section aria-labelledby="email-heading">
            <h2 id="email-heading">{ fl!(loader, "account-email-heading") }</h2>
            <p>{ fl!(loader, "account-email-current", email = props.current.clone()) }</p>
            <form {onsubmit}>
                <FormError message={error.filter(|e| e.field("email").is_none() && e.field("password").is_none()).map(|e| form_message(loader, e))} />
                <TextField id="new-email" kind="email" label={fl!(loader, "account-email-new")} value={(*email).clone()}
                    on_change={Callback::from({ let email = email.clone(); move |v| email.set(v) })}
                    error={error.and_then(|e| e.field("email"))} autocomplete="email" required=true />
                <TextField id="email-password" kind="password" label={fl!(loader, "form-password")} value={(*password).clone()}
                    on_change={Callback::from({ let password = password.clone(); move |v| password.set(v) })}
                    error={error.and_then(|e| e.field("password"))} autocomplete="current-password" required=true />
                <button type="submit" class="button button--secondary">{ fl!(loader, "account-email-change") }</button>
                if let Some(Ok(sent_to)) = &*outcome {
                    <p role="status">{ fl!(loader, "account-email-sent", email = sent_to.clone()) }</p>
                }
            </form>
        </section>
    }
}

/// How each kind of notification is mailed: a select per kind.
#[component]
fn MailSettings() -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let settings = use_get(services::me::notification_settings());
    let body = match &settings.state {
        Fetch::Loading => html! { <Loading text={fl!(loader, "mail-settings-loading")} /> },
        Fetch::Failed(_) => html! { <ErrorMessage on_retry={settings.reload.clone()} /> },
        Fetch::Loaded(loaded) => html! { <MailSettingsForm settings={loaded.clone()} /> },
    };
    html! {
        <section aria-labelledby="mail-settings-heading">
            <h2 id="mail-settings-heading">{ fl!(loader, "mail-settings-heading") }</h2>
            <p>{ fl!(loader, "mail-settings-intro") }</p>
            { body }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct MailSettingsFormProps {
    settings: NotificationSettings,
}

#[component]
fn MailSettingsForm(props: &MailSettingsFormProps) -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let draft = use_state(|| props.settings.items.clone());
    let saved = use_state(|| false);
    let save = crate::forms::use_versioned_save(
        draft.clone(),
        props.settings.version,
        Callback::from(|items: Vec<NotificationSetting>| {
            services::me::update_notification_settings(&UpdateNotificationSettings { items })
        }),
        Callback::from({
            let saved = saved.clone();
            move |_: NotificationSettings| saved.set(true)
        }),
        Some(services::me::notification_settings()),
    );
    let choose = |kind: NotificationKind| {
        let (draft, saved) = (draft.clone(), saved.clone());
        Callback::from(move |value: String| {
            let mut next = (*draft).clone();
            if let (Some(setting), Some(frequency)) = (
                next.iter_mut().find(|setting| setting.kind == kind),
                MailFrequency::parse(&value),
            ) {
                setting.frequency = frequency;
            }
            saved.set(false);
            draft.set(next);
        })
    };
    html! {
        <form onsubmit={save.onsubmit.clone()}>
            { save.feedback(loader) }
            { for draft.iter().map(|setting| html! {
                <SelectField key={setting.kind.as_str()} id={format!("mail-{}", setting.kind.as_str())}
                    label={crate::i18n::notification_kind_name(loader, setting.kind)}
                    value={setting.frequency.as_str().to_owned()} on_change={choose(setting.kind)}>
                    { for MailFrequency::ALL.iter().map(|frequency| html! {
                        <option value={frequency.as_str()} selected={*frequency == setting.frequency}>
                            { crate::i18n::mail_frequency_name(loader, *frequency) }
                        </option>
                    }) }
                </SelectField>
            }) }
            <button type="submit" class="button" disabled={save.busy}>{ fl!(loader, "account-save") }</button>
            if *saved {
                <p role="status">{ fl!(loader, "form-saved") }</p>
            }
        </form>
    }
}

#[component]
fn MyOrganizations() -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let session = use_session();
    let mine = use_get(services::me::organizations());
    let list = status::list(
        &mine,
        fl!(loader, "organization-loading"),
        fl!(loader, "account-no-organizations"),
        |page| {
            html! {
                <ul class="plain-list">
                    { for page.items.iter().map(|item| html! {
                        <li key={item.organization.id.to_string()}>
                            <Link<Route> to={Route::Organization { id: item.organization.id.to_string() }}>{ &item.organization.name }</Link<Route>>
                            { format!(" – {}", role_name(loader, item.role)) }
                        </li>
                    }) }
                </ul>
            }
        },
    );
    html! {
        <section aria-labelledby="organizations-heading">
            <h2 id="organizations-heading">{ fl!(loader, "account-organizations") }</h2>
            { list }
            <p><Link<Route> to={Route::NewOrganization} classes="button">{ fl!(loader, "account-create-organization") }</Link<Route>></p>
            <p><Link<Route> to={Route::Moderation}>{ fl!(loader, "account-moderation") }</Link<Route>></p>
            if session.me().is_some_and(|me| me.is_platform_admin) {
                <p><Link<Route> to={Route::VerificationQueue}>{ fl!(loader, "verification-title") }</Link<Route>></p>
                <p><Link<Route> to={Route::AuditLog}>{ fl!(loader, "audit-title") }</Link<Route>></p>
            }
        </section>
    }
}

/// *Mina uppgifter*: everything stored about the person, to download, and deleting the
/// account.
#[component]
fn MyData() -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    let session = use_session();
    let navigator = use_navigator();
    let exported = use_state(|| None::<Result<String, ApiError>>);
    let password = use_state(String::new);
    let error = use_state(|| None::<ApiError>);
    let export = {
        let (exported, session) = (exported.clone(), session.clone());
        Callback::from(move |_: MouseEvent| {
            let (exported, token) = (exported.clone(), session.token());
            wasm_bindgen_futures::spawn_local(async move {
                let result = api::fetch(&services::me::export(), token.as_deref()).await;
                exported.set(Some(
                    result.map(|data| serde_json::to_string_pretty(&data).unwrap_or_default()),
                ));
            });
        })
    };
    let onsubmit = {
        let (password, error, session) = (password.clone(), error.clone(), session.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let body = DeleteAccount {
                password: (*password).clone().into(),
            };
            let (error, session, navigator) = (error.clone(), session.clone(), navigator.clone());
            wasm_bindgen_futures::spawn_local(async move {
                match api::send(
                    &services::me::delete(&body),
                    session.token().as_deref(),
                    None,
                )
                .await
                {
                    Ok(()) => {
                        session.sign_out().await;
                        if let Some(navigator) = navigator {
                            navigator.push(&Route::Start);
                        }
                    }
                    Err(failure) => error.set(Some(failure)),
                }
            });
        })
    };
    html! {
        <section aria-labelledby="my-data-heading">
            <h2 id="my-data-heading">{ fl!(loader, "my-data-heading") }</h2>
            <p>{ fl!(loader, "my-data-intro") }</p>
            <button type="button" class="button button--secondary" onclick={export}>{ fl!(loader, "my-data-export") }</button>
            { match &*exported {
                Some(Ok(json)) => {
                    let href = format!("data:application/json;charset=utf-8,{}", String::from(js_sys::encode_uri_component(json)));
                    html! { <p role="status"><a {href} download="innolabb-data.json">{ fl!(loader, "my-data-save") }</a></p> }
                }
                Some(Err(failure)) => html! { <p class="form-error" role="alert">{ form_message(loader, failure) }</p> },
                None => html! {},
            } }
            <h3>{ fl!(loader, "my-data-delete-heading") }</h3>
            <p>{ fl!(loader, "my-data-delete-intro") }</p>
            <form {onsubmit}>
                <FormError message={error.as_ref().filter(|e| e.field("password").is_none()).map(|e| form_message(loader, e))} />
                <TextField id="delete-password" kind="password" label={fl!(loader, "form-password")} value={(*password).clone()}
                    on_change={Callback::from({ let password = password.clone(); move |v| password.set(v) })}
                    error={error.as_ref().and_then(|e| e.field("password"))} autocomplete="current-password" required=true />
                <button type="submit" class="button button--danger">{ fl!(loader, "my-data-delete") }</button>
            </form>
        </section>
    }
}
