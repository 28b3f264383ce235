//! `Body<T>`: the JSON body of a request, which must be a JSON object. (serde would also
//! accept an array for a struct, field by field; a partner's `[null, null]` is a mistake
//! to report, not a request to apply.)

use std::ops::Deref;

use actix_web::dev::Payload;
use actix_web::{FromRequest, HttpRequest, web};
use futures_util::future::LocalBoxFuture;
use serde::de::DeserializeOwned;

use crate::error::ApiError;

/// A request body that was a JSON object of `T`'s shape.
#[derive(Debug)]
pub struct Body<T>(pub T);

impl<T> Deref for Body<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: DeserializeOwned + 'static> FromRequest for Body<T> {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Self, actix_web::Error>>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        // The JSON extractor does the reading, with its size limit and error handler.
        let json = web::Json::<serde_json::Value>::from_request(request, payload);
        Box::pin(async move {
            let value = json.await?.into_inner();
            if !value.is_object() {
                return Err(
                    ApiError::MalformedBody("The body must be a JSON object.".to_owned()).into(),
                );
            }
            if contains_nul(&value) {
                return Err(ApiError::MalformedBody(NUL_MESSAGE.to_owned()).into());
            }
            serde_json::from_value(value).map(Body).map_err(|error| {
                ApiError::MalformedBody(format!(
                    "The body is not valid JSON for this operation: {error}"
                ))
                .into()
            })
        })
    }
}

/// Postgres text cannot hold the NUL character, and no person types one.
pub const NUL_MESSAGE: &str = "Text may not contain the NUL character (\\u0000).";

/// Whether any string or key of a JSON value contains NUL.
fn contains_nul(value: &serde_json::Value) -> bool {
    match value {
        serde_json::Value::String(text) => text.contains('\0'),
        serde_json::Value::Array(items) => items.iter().any(contains_nul),
        serde_json::Value::Object(map) => map
            .iter()
            .any(|(key, value)| key.contains('\0') || contains_nul(value)),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nul_is_found_anywhere_in_a_body() {
        assert!(contains_nul(&serde_json::json!({"name": "a\u{0}b"})));
        assert!(contains_nul(&serde_json::json!({"list": [{"x\u{0}": 1}]})));
        assert!(!contains_nul(
            &serde_json::json!({"name": "Hyresbostäder", "n": 1, "list": ["a"]})
        ));
    }
}
