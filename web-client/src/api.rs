//! The one way the client talks to the API: every request goes through [`send`], which adds
//! the access token and turns failures into one error type carrying the API's problem+json.

use gloo_net::http::{Method, RequestBuilder, Response};
use serde::de::DeserializeOwned;
use shared::{FieldError, Page, Problem};

use crate::services::{Read, Write};

/// A failed request.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The API answered with an error.
    Problem(Problem),
    /// No answer, or one we could not read.
    Network(String),
}

impl ApiError {
    /// The API's message for one field of a form, if it has one.
    pub fn field(&self, field: &str) -> Option<String> {
        match self {
            ApiError::Problem(problem) => problem
                .errors
                .iter()
                .find(|error: &&FieldError| error.field == field)
                .map(|error| error.message.clone()),
            ApiError::Network(_) => None,
        }
    }

    /// Whether the change was refused because someone else changed the resource first.
    pub fn is_stale(&self) -> bool {
        self.status() == Some(412)
    }

    /// The HTTP status of the problem, if the API answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            ApiError::Problem(problem) => Some(problem.status),
            ApiError::Network(_) => None,
        }
    }
}

async fn respond(
    request: Result<gloo_net::http::Request, gloo_net::Error>,
) -> Result<Response, ApiError> {
    let request = request.map_err(|error| ApiError::Network(error.to_string()))?;
    let response = request
        .send()
        .await
        .map_err(|error| ApiError::Network(error.to_string()))?;
    if response.ok() {
        return Ok(response);
    }
    match response.json::<Problem>().await {
        Ok(problem) => Err(ApiError::Problem(problem)),
        Err(_) => Err(ApiError::Network(format!("HTTP {}", response.status()))),
    }
}

/// The page's language (`<html lang>`, kept by `i18n`), for texts the API writes.
fn page_language() -> String {
    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element())
        .and_then(|html| html.get_attribute("lang"))
        .unwrap_or_else(|| "sv".to_owned())
}

fn builder(method: Method, path: &str, token: Option<&str>) -> RequestBuilder {
    let builder = RequestBuilder::new(&format!("/api/v1{path}"))
        .method(method)
        .header("Accept", "application/json")
        .header("Accept-Language", &page_language());
    match token {
        Some(token) => builder.header("Authorization", &format!("Bearer {token}")),
        None => builder,
    }
}

/// Reads an answer's text: JSON, or nothing (204, or a 202 without a body).
async fn text(response: Response) -> Result<String, ApiError> {
    response
        .text()
        .await
        .map_err(|error| ApiError::Network(error.to_string()))
}

/// Reads an answer's JSON; nothing is `null`, which a `()` answer reads as itself.
// The one generic step of a request: what the request and its answer need is compiled once,
// not again for each of the many types the pages read.
fn parse<T: DeserializeOwned>(text: &str) -> Result<T, serde_json::Error> {
    serde_json::from_str(if text.is_empty() { "null" } else { text })
}

/// An answer that is not the JSON expected.
fn unreadable(error: serde_json::Error) -> ApiError {
    ApiError::Network(error.to_string())
}

/// `GET`s a read and its answer.
pub async fn fetch<T: DeserializeOwned>(
    read: &Read<T>,
    token: Option<&str>,
) -> Result<T, ApiError> {
    parse(&get(read.path(), token).await?).map_err(unreadable)
}

async fn get(path: &str, token: Option<&str>) -> Result<String, ApiError> {
    text(respond(builder(Method::GET, path, token).build()).await?).await
}

/// Sends a change and reads its answer. A `PATCH` of a versioned resource carries
/// `If-Match: "<version>"`, so that a change someone else made since `version` is not
/// overwritten: the API answers 412 instead (see [`ApiError::is_stale`]).
pub async fn send<T: DeserializeOwned>(
    write: &Write<T>,
    token: Option<&str>,
    version: Option<i32>,
) -> Result<T, ApiError> {
    let text = send_text(
        &write.method,
        &write.path,
        write.body.as_ref(),
        token,
        version,
    )
    .await?;
    parse(&text).map_err(unreadable)
}

async fn send_text(
    method: &Method,
    path: &str,
    body: Option<&serde_json::Value>,
    token: Option<&str>,
    version: Option<i32>,
) -> Result<String, ApiError> {
    let mut request = builder(method.clone(), path, token);
    if let Some(version) = version {
        request = request.header("If-Match", &format!("\"{version}\""));
    }
    let request = match body {
        Some(body) => request.json(body),
        None => request.build(),
    };
    text(respond(request).await?).await
}

/// Sends a change in the background and hands its result to `done`: what every form and
/// button that changes something does.
pub fn spawn<T>(write: Write<T>, token: Option<String>, done: yew::Callback<Result<T, ApiError>>)
where
    T: DeserializeOwned + 'static,
{
    wasm_bindgen_futures::spawn_local(async move {
        done.emit(send(&write, token.as_deref(), None).await);
    });
}

/// `path` with the given query parameters (those with a value), properly encoded.
pub fn with_query(path: &str, parameters: &[(&str, Option<String>)]) -> String {
    let Ok(search) = web_sys::UrlSearchParams::new() else {
        return path.to_owned();
    };
    for (name, value) in parameters {
        if let Some(value) = value.as_deref().filter(|value| !value.is_empty()) {
            search.append(name, value);
        }
    }
    let query = String::from(search.to_string());
    if query.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{query}")
    }
}

/// The state of a request a page shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Fetch<T> {
    Loading,
    Loaded(T),
    Failed(ApiError),
}

/// What [`use_get`] gives a component: the state, and a way to load again.
pub struct UseGet<T> {
    pub state: Fetch<T>,
    pub reload: yew::Callback<()>,
}

/// Fetches a read (with the session's token, if any) when the component mounts and
/// whenever the read or the session changes.
#[yew::hook]
pub fn use_get<T>(read: Read<T>) -> UseGet<T>
where
    T: DeserializeOwned + Clone + PartialEq + 'static,
{
    use yew::prelude::*;

    let session = crate::session::use_session();
    let token = session.token();
    let state = use_state(|| Fetch::<T>::Loading);
    let attempt = use_state(|| 0_u32);
    // Answers can arrive out of order (a search typed letter by letter): only the answer to
    // the latest request is shown.
    let latest = use_mut_ref(|| 0_u64);
    let shown_for = use_mut_ref(|| None::<Read<T>>);
    {
        let state = state.clone();
        use_effect_with((read, token, *attempt), move |(read, token, _)| {
            // A new token (the session restored, or refreshed while a form is being filled
            // in) reads the same thing again: what is shown stays until the answer comes,
            // so nothing typed is thrown away with a remounted form.
            let same = shown_for.borrow().as_ref() == Some(read);
            if !same || !matches!(*state, Fetch::Loaded(_)) {
                state.set(Fetch::Loading);
            }
            *shown_for.borrow_mut() = Some(read.clone());
            let asked = {
                let mut latest = latest.borrow_mut();
                *latest += 1;
                *latest
            };
            let (read, token) = (read.clone(), token.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let answer = match fetch(&read, token.as_deref()).await {
                    Ok(value) => Fetch::Loaded(value),
                    Err(error) => Fetch::Failed(error),
                };
                if *latest.borrow() == asked {
                    state.set(answer);
                }
            });
        });
    }
    let reload = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(*attempt + 1))
    };
    UseGet {
        state: (*state).clone(),
        reload,
    }
}

/// What [`use_paged_get`] gives a list page: the first page's state, the items "show
/// more" added after it, and whether (and how) to show more.
pub struct UsePagedGet<T> {
    pub first: UseGet<Page<T>>,
    pub more: Vec<T>,
    /// There is a next page.
    pub has_more: bool,
    pub show_more: yew::Callback<yew::MouseEvent>,
    /// Showing more failed (the list so far stays).
    pub more_failed: bool,
}

impl<T> UsePagedGet<T> {
    /// What follows the list: the button that shows more (named by `label`) while there
    /// is more, and the message when showing more failed.
    pub fn more_controls(
        &self,
        loader: &i18n_embed::fluent::FluentLanguageLoader,
        label: String,
    ) -> yew::Html {
        use yew::prelude::*;
        html! {
            <>
                if self.has_more {
                    <button type="button" class="button button--secondary" onclick={self.show_more.clone()}>{ label }</button>
                }
                if self.more_failed {
                    <p class="form-error" role="alert">{ i18n_embed_fl::fl!(loader, "error-generic") }</p>
                }
            </>
        }
    }
}

/// A keyset-paged list (with its filters): the first page, and a button's callback that
/// appends the next. A new read starts again from the first page.
#[yew::hook]
pub fn use_paged_get<T>(read: Read<Page<T>>) -> UsePagedGet<T>
where
    T: DeserializeOwned + Clone + PartialEq + 'static,
{
    use yew::prelude::*;

    let session = crate::session::use_session();
    let first = use_get::<Page<T>>(read.clone());
    let more = use_state(Vec::<T>::new);
    let next_cursor = use_state(|| None::<String>);
    let more_failed = use_state(|| false);
    {
        // A new first page replaces what "show more" added.
        let (more, next_cursor) = (more.clone(), next_cursor.clone());
        use_effect_with(first.state.clone(), move |state| {
            more.set(Vec::new());
            next_cursor.set(match state {
                Fetch::Loaded(page) => page.next_cursor.clone(),
                _ => None,
            });
        });
    }
    let show_more = {
        let (more, next_cursor, more_failed) =
            (more.clone(), next_cursor.clone(), more_failed.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(cursor) = (*next_cursor).clone() else {
                return;
            };
            let next = read.after(&cursor);
            let (more, next_cursor, more_failed, token) = (
                more.clone(),
                next_cursor.clone(),
                more_failed.clone(),
                session.token(),
            );
            wasm_bindgen_futures::spawn_local(async move {
                match fetch(&next, token.as_deref()).await {
                    Ok(page) => {
                        let mut items = (*more).clone();
                        items.extend(page.items);
                        more.set(items);
                        next_cursor.set(page.next_cursor);
                        more_failed.set(false);
                    }
                    Err(_) => more_failed.set(true),
                }
            });
        })
    };
    UsePagedGet {
        first,
        more: (*more).clone(),
        has_more: next_cursor.is_some(),
        show_more,
        more_failed: *more_failed,
    }
}
