//! `Body<T>`: the JSON body of a request, which must be a JSON object. (serde would also
//! accept an array for a struct, field by field; a partner's `[null, null]` is a mistake
//! to report, not a request to apply.)

use std::collections::HashMap;
use std::ops::Deref;
use std::sync::LazyLock;

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

impl<T: DeserializeOwned + utoipa::ToSchema + 'static> FromRequest for Body<T> {
    type Error = actix_web::Error;
    type Future = LocalBoxFuture<'static, Result<Self, actix_web::Error>>;

    fn from_request(request: &HttpRequest, payload: &mut Payload) -> Self::Future {
        // The JSON extractor does the reading, with its size limit and error handler.
        let json = web::Json::<serde_json::Value>::from_request(request, payload);
        Box::pin(async move {
            let value = json.await?.into_inner();
            if !value.is_object() {
                return Err(ApiError::MalformedBody(crate::t!("body-not-object")).into());
            }
            if contains_nul(&value) {
                return Err(ApiError::MalformedBody(nul_message()).into());
            }
            too_long(&T::name(), &value)?;
            serde_json::from_value(value).map(Body).map_err(|error| {
                ApiError::MalformedBody(crate::t!("body-not-this-json", error = error.to_string()))
                    .into()
            })
        })
    }
}

/// The longest each text field of each body may be, as the OpenAPI document says
/// (`maxLength`): schema name → `(path, max)`, where a path is `field` or `field.inner`.
/// Read from the document itself, so the promise and the check are one; counted on the
/// text as sent, before the handlers trim it.
static MAX_LENGTHS: LazyLock<HashMap<String, Vec<(String, usize)>>> = LazyLock::new(|| {
    use utoipa::openapi::{RefOr, schema::Schema};
    let document = crate::openapi::document();
    let schemas = document
        .components
        .map(|components| components.schemas)
        .unwrap_or_default();
    // A property's own maximum, or the object it refers to.
    fn referred(schema: &RefOr<Schema>) -> Option<String> {
        match schema {
            RefOr::Ref(reference) => reference.ref_location.rsplit('/').next().map(str::to_owned),
            RefOr::T(Schema::OneOf(one_of)) => one_of.items.iter().find_map(referred),
            _ => None,
        }
    }
    let maxima = |name: &str| -> Vec<(String, usize)> {
        match schemas.get(name) {
            Some(RefOr::T(Schema::Object(object))) => object
                .properties
                .iter()
                .filter_map(|(field, schema)| match schema {
                    RefOr::T(Schema::Object(property)) => {
                        property.max_length.map(|max| (field.clone(), max))
                    }
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        }
    };
    schemas
        .iter()
        .map(|(name, schema)| {
            let mut lengths = maxima(name);
            if let RefOr::T(Schema::Object(object)) = schema {
                for (field, property) in &object.properties {
                    if let Some(inner) = referred(property) {
                        lengths.extend(
                            maxima(&inner)
                                .into_iter()
                                .map(|(path, max)| (format!("{field}.{path}"), max)),
                        );
                    }
                }
            }
            (name.clone(), lengths)
        })
        .collect()
});

/// A 422 naming every text of the body that is longer than its schema allows.
fn too_long(schema: &str, body: &serde_json::Value) -> Result<(), ApiError> {
    let mut errors = crate::domain::validation::FieldErrors::default();
    for (path, max) in MAX_LENGTHS.get(schema).into_iter().flatten() {
        let text = path
            .split('.')
            .try_fold(body, |value, key| value.get(key))
            .and_then(serde_json::Value::as_str);
        if text.is_some_and(|text| text.chars().count() > *max) {
            errors.add(path, "too_long", crate::t!("field-too-long", max = max));
        }
    }
    errors.finish()
}

/// Postgres text cannot hold the NUL character, and no person types one.
pub fn nul_message() -> String {
    crate::t!("text-nul")
}

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
    fn a_text_longer_than_its_documented_maximum_is_refused_as_sent() {
        // `display_name` is at most 100 characters; a tab before it still counts.
        let long = format!("\t{}", "a".repeat(100));
        let refused = too_long("UpdateMe", &serde_json::json!({"display_name": long}));
        assert!(
            matches!(refused, Err(ApiError::Validation(errors)) if errors[0].field == "display_name")
        );
        let fits = "a".repeat(100);
        assert!(too_long("UpdateMe", &serde_json::json!({"display_name": fits})).is_ok());
        // Inside an object the body refers to.
        let staff = "a".repeat(1001);
        let refused = too_long(
            "UpdateMethod",
            &serde_json::json!({"transfer": {"staff": staff}}),
        );
        assert!(
            matches!(refused, Err(ApiError::Validation(errors)) if errors[0].field == "transfer.staff")
        );
    }

    #[test]
    fn nul_is_found_anywhere_in_a_body() {
        assert!(contains_nul(&serde_json::json!({"name": "a\u{0}b"})));
        assert!(contains_nul(&serde_json::json!({"list": [{"x\u{0}": 1}]})));
        assert!(!contains_nul(
            &serde_json::json!({"name": "Hyresbostäder", "n": 1, "list": ["a"]})
        ));
    }
}
