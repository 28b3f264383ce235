//! One typed function per API operation, by resource (as the Yew RealWorld app's
//! `services`): pages ask these what to fetch or send and never build a path or pick the
//! answer's type themselves. A [`Read`] or a [`Write`] carries both, and the functions of
//! `api` take nothing else.

pub mod admin;
pub mod auth;
pub mod ideas;
pub mod labs;
pub mod matches;
pub mod me;
pub mod methods;
pub mod moderation;
pub mod needs;
pub mod offerings;
pub mod organizations;
pub mod reference;
pub mod search;
pub mod statistics;
pub mod webhooks;

use std::fmt::Display;
use std::marker::PhantomData;

use gloo_net::http::Method;
use serde::Serialize;

/// An API read: the path under `/api/v1` and the type of its answer.
pub struct Read<T> {
    path: String,
    answer: PhantomData<fn() -> T>,
}

impl<T> Read<T> {
    fn new(path: impl Into<String>) -> Self {
        Self {
            path: path.into(),
            answer: PhantomData,
        }
    }

    /// The path with the given query parameters (those with a value), encoded.
    pub(crate) fn with_query(path: &str, parameters: &[(&str, Option<String>)]) -> Self {
        Self::new(crate::api::with_query(path, parameters))
    }

    pub fn path(&self) -> &str {
        &self.path
    }
}

impl<T> Read<shared::Page<T>> {
    /// The next page of a list, after `cursor` (its `next_cursor`).
    pub fn after(&self, cursor: &str) -> Self {
        // Cursors are base64url: safe in a query string as they are.
        let separator = if self.path.contains('?') { '&' } else { '?' };
        Self::new(format!("{}{separator}cursor={cursor}", self.path))
    }
}

// By hand: the answer type need not be cloneable or comparable for the read to be.
impl<T> Clone for Read<T> {
    fn clone(&self) -> Self {
        Self::new(self.path.clone())
    }
}

impl<T> PartialEq for Read<T> {
    fn eq(&self, other: &Self) -> bool {
        self.path == other.path
    }
}

/// An API change: the method, the path under `/api/v1`, the body and the type of its answer
/// (`()` for an answer without a body).
pub struct Write<T> {
    pub(crate) method: Method,
    pub(crate) path: String,
    pub(crate) body: Option<serde_json::Value>,
    answer: PhantomData<fn() -> T>,
}

impl<T> Write<T> {
    fn new(method: Method, path: impl Into<String>, body: Option<&impl Serialize>) -> Self {
        Self {
            method,
            path: path.into(),
            // Serialising the shared DTOs cannot fail (no maps with non-string keys).
            body: body.map(|body| serde_json::to_value(body).unwrap_or_default()),
            answer: PhantomData,
        }
    }

    fn post(path: impl Into<String>, body: &impl Serialize) -> Self {
        Self::new(Method::POST, path, Some(body))
    }

    /// A `POST` without a body (an action such as "read all").
    fn post_empty(path: impl Into<String>) -> Self {
        Self::new(Method::POST, path, None::<&()>)
    }

    /// A `PATCH` of a versioned resource: `api::send` adds `If-Match` when given the version
    /// the form was filled from (`forms::use_versioned_save` does).
    fn patch(path: impl Into<String>, body: &impl Serialize) -> Self {
        Self::new(Method::PATCH, path, Some(body))
    }

    fn put(path: impl Into<String>) -> Self {
        Self::new(Method::PUT, path, None::<&()>)
    }

    fn delete(path: impl Into<String>) -> Self {
        Self::new(Method::DELETE, path, None::<&()>)
    }

    /// A `DELETE` that confirms itself with a body (a password).
    fn delete_with(path: impl Into<String>, body: &impl Serialize) -> Self {
        Self::new(Method::DELETE, path, Some(body))
    }
}

impl<T> Clone for Write<T> {
    fn clone(&self) -> Self {
        Self {
            method: self.method.clone(),
            path: self.path.clone(),
            body: self.body.clone(),
            answer: PhantomData,
        }
    }
}

/// A path segment from an id (a UUID or the route's text of one).
fn segment(id: impl Display) -> String {
    js_sys::encode_uri_component(&id.to_string()).into()
}
