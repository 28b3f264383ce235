//! The pages that mailed links lead to, and the way to ask for one: verifying an e-mail
//! address, *Glömt lösenord?*, *Välj nytt lösenord*, and stopping notification mail.

use i18n_embed_fl::fl;
use serde::Deserialize;
use shared::{ConfirmPasswordReset, RequestPasswordReset, VerifyEmail};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{self, ApiError};
use crate::app::Route;
use crate::components::Loading;
use crate::components::form::{FormError, TextField};
use crate::i18n::{form_message, use_i18n, use_title};
use crate::services;
use crate::session::use_session;

/// The `?token=…` of a mailed link.
#[derive(Debug, Clone, PartialEq, Deserialize)]
struct TokenQuery {
    token: String,
}

#[hook]
fn use_token() -> Option<String> {
    use_location()
        .and_then(|location| location.query::<TokenQuery>().ok())
        .map(|query| query.token)
}

/// The message of a refused mailed link, or of a form's refusal.
fn refusal(loader: &i18n_embed::fluent::FluentLanguageLoader, error: &ApiError) -> String {
    error
        .field("token")
        .unwrap_or_else(|| form_message(loader, error))
}

/// `/verify-email?token=…`: verifies the address as soon as the page opens.
#[component]
pub fn VerifyEmailPage() -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    use_title(fl!(loader, "verify-title"));
    let session = use_session();
    let token = use_token();
    let outcome = use_state(|| None::<Result<(), ApiError>>);
    {
        let (outcome, token, session) = (outcome.clone(), token.clone(), session.clone());
        use_effect_with((), move |_| {
            let body = VerifyEmail {
                token: token.unwrap_or_default().into(),
            };
            wasm_bindgen_futures::spawn_local(async move {
                let result = api::send(&services::auth::verify_email(&body), None, None).await;
                // A signed-in person's profile now says the address is verified.
                if result.is_ok()
                    && let Some(token) = session.token()
                    && let Ok(me) = api::fetch(&services::me::get(), Some(&token)).await
                {
                    session.set_profile(me);
                }
                outcome.set(Some(result));
            });
        });
    }
    let body = match &*outcome {
        None => html! { <Loading text={fl!(loader, "verify-busy")} /> },
        Some(Ok(())) => html! {
            <>
                <p role="status">{ fl!(loader, "verify-done") }</p>
                <p><Link<Route> to={Route::Account}>{ fl!(loader, "account-title") }</Link<Route>></p>
            </>
        },
        Some(Err(error)) => html! {
            <>
                <p class="form-error" role="alert">{ refusal(loader, error) }</p>
                <p>{ fl!(loader, "verify-ask-again") }{ " " }<Link<Route> to={Route::Account}>{ fl!(loader, "account-title") }</Link<Route>></p>
            </>
        },
    };
    html! {
        <section class="narrow" aria-labelledby="page-title">
            <h1 id="page-title">{ fl!(loader, "verify-title") }</h1>
            { body }
        </section>
    }
}

/// *Glömt lösenord?*: asks for a link by mail. The answer is the same whether or not the
/// address has an account.
#[component]
pub fn ForgotPassword() -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    use_title(fl!(loader, "forgot-title"));
    let email = use_state(String::new);
    let error = use_state(|| None::<ApiError>);
    let sent = use_state(|| None::<String>);
    let busy = use_state(|| false);
    let onsubmit = {
        let (email, error, sent, busy) = (email.clone(), error.clone(), sent.clone(), busy.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *busy {
                return;
            }
            busy.set(true);
            let address = (*email).clone();
            let body = RequestPasswordReset {
                email: address.clone(),
            };
            let (error, sent, busy) = (error.clone(), sent.clone(), busy.clone());
            api::spawn(
                services::auth::request_password_reset(&body),
                None,
                Callback::from(move |result: Result<(), ApiError>| {
                    busy.set(false);
                    match result {
                        Ok(()) => {
                            error.set(None);
                            sent.set(Some(address.clone()));
                        }
                        Err(failure) => error.set(Some(failure)),
                    }
                }),
            );
        })
    };
    let content = match &*sent {
        Some(address) => html! {
            <p role="status">{ fl!(loader, "forgot-sent", email = address.clone()) }</p>
        },
        None => html! {
            <form {onsubmit}>
                <p>{ fl!(loader, "forgot-intro") }</p>
                <FormError message={error.as_ref().filter(|e| e.field("email").is_none()).map(|e| form_message(loader, e))} />
                <TextField id="email" kind="email" label={fl!(loader, "form-email")} value={(*email).clone()}
                    on_change={Callback::from({ let email = email.clone(); move |v| email.set(v) })}
                    error={error.as_ref().and_then(|e| e.field("email"))} autocomplete="email" required=true />
                <button type="submit" class="button" disabled={*busy}>{ fl!(loader, "forgot-submit") }</button>
            </form>
        },
    };
    html! {
        <section class="narrow" aria-labelledby="page-title">
            <h1 id="page-title">{ fl!(loader, "forgot-title") }</h1>
            { content }
            <p><Link<Route> to={Route::SignIn}>{ fl!(loader, "forgot-back") }</Link<Route>></p>
        </section>
    }
}

/// *Välj nytt lösenord* (`/reset-password?token=…`): sets a new password; every session
/// ends, so the person signs in again with it.
#[component]
pub fn ResetPassword() -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    use_title(fl!(loader, "reset-title"));
    let token = use_token();
    let password = use_state(String::new);
    let error = use_state(|| None::<ApiError>);
    let done = use_state(|| false);
    let busy = use_state(|| false);
    let onsubmit = {
        let (password, error, done, busy) =
            (password.clone(), error.clone(), done.clone(), busy.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            if *busy {
                return;
            }
            busy.set(true);
            let body = ConfirmPasswordReset {
                token: token.clone().unwrap_or_default().into(),
                password: (*password).clone().into(),
            };
            let (error, done, busy) = (error.clone(), done.clone(), busy.clone());
            api::spawn(
                services::auth::confirm_password_reset(&body),
                None,
                Callback::from(move |result: Result<(), ApiError>| {
                    busy.set(false);
                    match result {
                        Ok(()) => done.set(true),
                        Err(failure) => error.set(Some(failure)),
                    }
                }),
            );
        })
    };
    let content = if *done {
        html! {
            <>
                <p role="status">{ fl!(loader, "reset-done") }</p>
                <p><Link<Route> to={Route::SignIn} classes="button">{ fl!(loader, "login-title") }</Link<Route>></p>
            </>
        }
    } else {
        let general = error
            .as_ref()
            .filter(|e| e.field("password").is_none())
            .map(|e| refusal(loader, e));
        html! {
            <form {onsubmit}>
                <FormError message={general} />
                <TextField id="password" kind="password" label={fl!(loader, "reset-password")} value={(*password).clone()}
                    on_change={Callback::from({ let password = password.clone(); move |v| password.set(v) })}
                    error={error.as_ref().and_then(|e| e.field("password"))}
                    hint={Some(fl!(loader, "reset-hint"))} autocomplete="new-password" required=true />
                <button type="submit" class="button" disabled={*busy}>{ fl!(loader, "reset-submit") }</button>
                <p><Link<Route> to={Route::ForgotPassword}>{ fl!(loader, "reset-ask-again") }</Link<Route>></p>
            </form>
        }
    };
    html! {
        <section class="narrow" aria-labelledby="page-title">
            <h1 id="page-title">{ fl!(loader, "reset-title") }</h1>
            { content }
        </section>
    }
}

/// `/unsubscribe?token=…`: stops the notification mail the link came with — on a press of
/// the button, not on opening the page (mail scanners open links).
#[component]
pub fn UnsubscribePage() -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    use_title(fl!(loader, "unsubscribe-title"));
    let token = use_token().unwrap_or_default();
    let outcome = use_state(|| None::<Result<(), ApiError>>);
    let busy = use_state(|| false);
    let onclick = {
        let (outcome, busy) = (outcome.clone(), busy.clone());
        Callback::from(move |_: MouseEvent| {
            busy.set(true);
            let (outcome, busy) = (outcome.clone(), busy.clone());
            api::spawn(
                services::me::unsubscribe(&token),
                None,
                Callback::from(move |result| {
                    busy.set(false);
                    outcome.set(Some(result));
                }),
            );
        })
    };
    let body = match &*outcome {
        Some(Ok(())) => html! {
            <>
                <p role="status">{ fl!(loader, "unsubscribe-done") }</p>
                <p><Link<Route> to={Route::Account}>{ fl!(loader, "unsubscribe-settings") }</Link<Route>></p>
            </>
        },
        _ => html! {
            <>
                if let Some(Err(error)) = &*outcome {
                    <p class="form-error" role="alert">{ form_message(loader, error) }</p>
                }
                <p>{ fl!(loader, "unsubscribe-intro") }</p>
                <button type="button" class="button" {onclick} disabled={*busy}>{ fl!(loader, "unsubscribe-submit") }</button>
            </>
        },
    };
    html! {
        <section class="narrow" aria-labelledby="page-title">
            <h1 id="page-title">{ fl!(loader, "unsubscribe-title") }</h1>
            { body }
        </section>
    }
}
