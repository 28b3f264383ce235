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
            serde_json::from_value(value).map(Body).map_err(|error| {
                ApiError::MalformedBody(format!(
                    "The body is not valid JSON for this operation: {error}"
                ))
                .into()
            })
        })
    }
}
