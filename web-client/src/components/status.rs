use i18n_embed::fluent::FluentLanguageLoader;
use i18n_embed_fl::fl;
use yew::prelude::*;

use shared::Page;

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

/// A page's one fetched object, or what the page shows instead: `loading` while it loads,
/// `not_found` (when given) for a 404, else the error with a retry.
pub fn object<T: Clone>(
    fetch: &UseGet<T>,
    loading: String,
    not_found: Option<String>,
) -> Result<T, Html> {
    match &fetch.state {
        Fetch::Loading => Err(html! { <Loading text={loading} /> }),
        Fetch::Failed(error) if error.status() == Some(404) && not_found.is_some() => {
            Err(html! { <p class="status" role="alert">{ not_found }</p> })
        }
        Fetch::Failed(_) => Err(html! { <ErrorMessage on_retry={fetch.reload.clone()} /> }),
        Fetch::Loaded(value) => Ok(value.clone()),
    }
}

/// A fetched list: `loading` while it loads, the error with a retry, `empty` when it has
/// no items, else `render` of the page.
pub fn list<T>(
    fetch: &UseGet<Page<T>>,
    loading: String,
    empty: String,
    render: impl FnOnce(&Page<T>) -> Html,
) -> Html {
    match &fetch.state {
        Fetch::Loading => html! { <Loading text={loading} /> },
        Fetch::Failed(_) => html! { <ErrorMessage on_retry={fetch.reload.clone()} /> },
        Fetch::Loaded(page) if page.items.is_empty() => {
            html! { <p class="status" role="status">{ empty }</p> }
        }
        Fetch::Loaded(page) => render(page),
    }
}
