//! The one way the client talks to the API: every request goes through [`get`], which
//! turns failures into one error type carrying the API's problem+json when there is one.

use gloo_net::http::Request;
use serde::de::DeserializeOwned;
use shared::Problem;

/// A failed request.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The API answered with an error.
    Problem(Problem),
    /// No answer, or one we could not read.
    Network(String),
}

/// `GET /api/v1{path}`.
pub async fn get<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    let response = Request::get(&format!("/api/v1{path}"))
        .header("Accept", "application/json")
        .send()
        .await
        .map_err(|error| ApiError::Network(error.to_string()))?;
    if response.ok() {
        return response
            .json::<T>()
            .await
            .map_err(|error| ApiError::Network(error.to_string()));
    }
    match response.json::<Problem>().await {
        Ok(problem) => Err(ApiError::Problem(problem)),
        Err(_) => Err(ApiError::Network(format!("HTTP {}", response.status()))),
    }
}

/// The state of a request a page shows.
#[derive(Debug, Clone, PartialEq)]
pub enum Fetch<T> {
    Loading,
    Loaded(T),
    Failed(ApiError),
}

/// What [`use_get`] gives a component: the state, and a way to try again.
pub struct UseGet<T> {
    pub state: Fetch<T>,
    pub retry: yew::Callback<()>,
}

/// Fetches `GET /api/v1{path}` when the component mounts and whenever `path` changes.
#[yew::hook]
pub fn use_get<T>(path: String) -> UseGet<T>
where
    T: DeserializeOwned + Clone + PartialEq + 'static,
{
    use yew::prelude::*;

    let state = use_state(|| Fetch::<T>::Loading);
    let attempt = use_state(|| 0_u32);
    {
        let state = state.clone();
        use_effect_with((path, *attempt), move |(path, _)| {
            state.set(Fetch::Loading);
            let path = path.clone();
            wasm_bindgen_futures::spawn_local(async move {
                state.set(match get::<T>(&path).await {
                    Ok(value) => Fetch::Loaded(value),
                    Err(error) => Fetch::Failed(error),
                });
            });
        });
    }
    let retry = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(*attempt + 1))
    };
    UseGet {
        state: (*state).clone(),
        retry,
    }
}
