use i18n_embed_fl::fl;
use shared::RegisterRequest;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::{self, ApiError};
use crate::app::Route;
use crate::components::form::{FormError, TextField};
use crate::i18n::{form_message, use_i18n, use_title};
use crate::services;
use crate::session::use_session;

/// Create an account, then sign in with it.
#[component]
pub fn Register() -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    use_title(fl!(loader, "register-title"));
    let session = use_session();
    let navigator = use_navigator();
    let email = use_state(String::new);
    let name = use_state(String::new);
    let password = use_state(String::new);
    let error = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);

    let watch = crate::forms::use_form_watch();
    let onsubmit = {
        let watch = watch.clone();
        let (email, name, password, error, busy) = (
            email.clone(),
            name.clone(),
            password.clone(),
            error.clone(),
            busy.clone(),
        );
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let request = RegisterRequest {
                email: (*email).clone(),
                password: (*password).clone().into(),
                display_name: (*name).clone(),
                form: Some(watch.signals()),
            };
            let (session, navigator, error, busy) = (
                session.clone(),
                navigator.clone(),
                error.clone(),
                busy.clone(),
            );
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let result = async {
                    api::send(&services::auth::register(&request), None, None).await?;
                    session
                        .sign_in(request.email.clone(), request.password.clone())
                        .await
                }
                .await;
                busy.set(false);
                match result {
                    Ok(()) => {
                        if let Some(navigator) = navigator {
                            navigator.push(&Route::Account);
                        }
                    }
                    Err(failure) => error.set(Some(failure)),
                }
            });
        })
    };
    let field_error = |field: &str| error.as_ref().and_then(|e| e.field(field));
    html! {
        <section class="narrow" aria-labelledby="page-title">
            <h1 id="page-title">{ fl!(loader, "register-title") }</h1>
            <form {onsubmit} novalidate=true>
                { watch.field(loader, "register-homepage") }
                <FormError message={error.as_ref().map(|e| form_message(loader, e))} />
                <TextField id="email" kind="email" label={fl!(loader, "form-email")} value={(*email).clone()}
                    on_change={Callback::from({ let email = email.clone(); move |v| email.set(v) })}
                    error={field_error("email")} autocomplete="email" required=true />
                <TextField id="display_name" label={fl!(loader, "form-display-name")} value={(*name).clone()}
                    on_change={Callback::from({ let name = name.clone(); move |v| name.set(v) })}
                    error={field_error("display_name")} autocomplete="name" required=true />
                <TextField id="password" kind="password" label={fl!(loader, "form-password")} value={(*password).clone()}
                    on_change={Callback::from({ let password = password.clone(); move |v| password.set(v) })}
                    hint={fl!(loader, "form-password-hint")} error={field_error("password")} autocomplete="new-password" required=true />
                <button type="submit" class="button" disabled={*busy}>{ fl!(loader, "register-submit") }</button>
            </form>
            <p><Link<Route> to={Route::SignIn}>{ fl!(loader, "register-have-account") }</Link<Route>></p>
        </section>
    }
}
