use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed_fl::fl;
use yew::prelude::*;

use crate::api::{Fetch, UseGet};
use crate::i18n::use_i18n;

#[derive(Properties, PartialEq)]
pub struct LoadingProps {
    /// What is being loaded, e.g. "Loading challenge areas …".
    pub text: AttrValue,
}

/// A polite live region that tells screen readers something is loading.
#[component]
pub fn Loading(props: &LoadingProps) -> Html {
    html! {
        <p class="status status--loading" role="status" aria-live="polite">{ props.text.clone() }</p>
    }
}

#[derive(Properties, PartialEq)]
pub struct ErrorMessageProps {
    pub on_retry: Callback<()>,
}

/// The generic error message, with a button to try again.
#[component]
pub fn ErrorMessage(props: &ErrorMessageProps) -> Html {
    let i18n = use_i18n();
    let on_retry = props.on_retry.reform(|_: MouseEvent| ());
    html! {
        <div class="status status--error" role="alert">
            <p>{ fl!(i18n.loader(), "error-generic") }</p>
            <button type="button" onclick={on_retry}>{ fl!(i18n.loader(), "error-retry") }</button>
        </div>
    }
}

/// A part of a page fetched on its own: its loading and error states, or `render` of what
/// was fetched. One node whatever the state, so that Yew never places the content beside a
/// status it is removing (which panics).
pub fn fetched<T>(
    loader: &FluentLanguageLoader,
    fetch: &UseGet<T>,
    render: impl FnOnce(&T) -> Html,
) -> Html {
    match &fetch.state {
        Fetch::Loading => html! { <Loading text={fl!(loader, "section-loading")} /> },
        Fetch::Failed(_) => html! { <ErrorMessage on_retry={fetch.reload.clone()} /> },
        Fetch::Loaded(value) => render(value),
    }
}
