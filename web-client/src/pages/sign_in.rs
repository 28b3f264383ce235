use i18n_embed_fl::fl;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::api::ApiError;
use crate::app::Route;
use crate::components::form::{FormError, TextField};
use crate::i18n::{use_i18n, use_title};
use crate::session::use_session;

#[component]
pub fn SignIn() -> Html {
    let i18n = use_i18n();
    let loader = i18n.loader();
    use_title(fl!(loader, "login-title"));
    let session = use_session();
    let navigator = use_navigator();
    let email = use_state(String::new);
    let password = use_state(String::new);
    let error = use_state(|| None::<ApiError>);
    let busy = use_state(|| false);

    let onsubmit = {
        let (email, password, error, busy) =
            (email.clone(), password.clone(), error.clone(), busy.clone());
        Callback::from(move |event: SubmitEvent| {
            event.prevent_default();
            let (session, navigator, error, busy) = (
                session.clone(),
                navigator.clone(),
                error.clone(),
                busy.clone(),
            );
            let (email, password) = ((*email).clone(), (*password).clone().into());
            busy.set(true);
            wasm_bindgen_futures::spawn_local(async move {
                let result = session.sign_in(email, password).await;
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
    let message = error.as_ref().map(|error| match error.status() {
        Some(401) => fl!(loader, "login-failed"),
        Some(429) => fl!(loader, "login-throttled"),
        _ => fl!(loader, "error-generic"),
    });
    html! {
        <section class="narrow" aria-labelledby="page-title">
            <h1 id="page-title">{ fl!(loader, "login-title") }</h1>
            <form {onsubmit}>
                <FormError {message} />
                <TextField id="email" kind="email" label={fl!(loader, "form-email")} value={(*email).clone()}
                    on_change={Callback::from({ let email = email.clone(); move |v| email.set(v) })}
                    autocomplete="email" required=true />
                <TextField id="password" kind="password" label={fl!(loader, "form-password")} value={(*password).clone()}
                    on_change={Callback::from({ let password = password.clone(); move |v| password.set(v) })}
                    autocomplete="current-password" required=true />
                <button type="submit" class="button" disabled={*busy}>{ fl!(loader, "login-submit") }</button>
            </form>
            <p><Link<Route> to={Route::ForgotPassword}>{ fl!(loader, "login-forgot") }</Link<Route>></p>
            <p><Link<Route> to={Route::Register}>{ fl!(loader, "login-no-account") }</Link<Route>></p>
        </section>
    }
}
