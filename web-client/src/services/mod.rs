//! One typed function per API read, by resource (as the Yew RealWorld app's `services`):
//! pages ask these what to fetch and never build a path or pick the answer's type
//! themselves. A [`Read`] carries both, and `api::use_get` takes nothing else.

pub mod ideas;
pub mod labs;
pub mod matches;
pub mod me;
pub mod needs;
pub mod offerings;
pub mod organizations;
pub mod reference;

use std::fmt::Display;
use std::marker::PhantomData;

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

/// A path segment from an id (a UUID or the route's text of one).
fn segment(id: impl Display) -> String {
    js_sys::encode_uri_component(&id.to_string()).into()
}
