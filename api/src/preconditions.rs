//! Writes that lose nothing, part one: optimistic concurrency with `ETag` and `If-Match`.
//!
//! Every mutable resource carries a `version`. A `GET` sends it as a strong `ETag`
//! (`"3"`); a `PATCH` must send it back in `If-Match`. Without it the answer is 428, with
//! an old one 412 (and the current version), so two editors never overwrite each other
//! unseen. Handlers compare under a row lock ([`IfMatch::check`] inside the transaction that
//! writes), so two requests with the same version cannot both pass.

use std::future::{Ready, ready};

use actix_web::dev::Payload;
use actix_web::http::header::{self, HeaderValue};
use actix_web::{FromRequest, HttpRequest, HttpResponse, Responder, body::BoxBody};
use serde::Serialize;

use crate::error::ApiError;

/// The `ETag` of a version.
pub fn etag(version: i32) -> HeaderValue {
    HeaderValue::from_str(&format!("\"{version}\"")).unwrap_or(HeaderValue::from_static("\"0\""))
}

/// The versions an `If-Match` header accepts. Extracting it never fails: the handler
/// checks it with [`IfMatch::check`] after authorisation, so that a caller who may not
/// change the resource learns that first (and an unknown one gets its 404).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IfMatch {
    /// No `If-Match`: 428.
    Missing,
    /// Not a list of entity tags: 400.
    Malformed,
    /// `*`: any current version (the client knowingly overwrites).
    Any,
    /// One or more entity tags.
    Versions(Vec<i32>),
}

impl IfMatch {
    /// Parses the header's value: `*`, or a comma-separated list of `"N"` (a weak `W/"N"` is
    /// taken as the same version). `None` when it is not such a value.
    pub fn parse(value: &str) -> Option<Self> {
        let value = value.trim();
        if value == "*" {
            return Some(Self::Any);
        }
        value
            .split(',')
            .map(|tag| {
                let tag = tag.trim();
                let tag = tag.strip_prefix("W/").unwrap_or(tag);
                tag.strip_prefix('"')?
                    .strip_suffix('"')?
                    .parse::<i32>()
                    .ok()
            })
            .collect::<Option<Vec<_>>>()
            .filter(|versions| !versions.is_empty())
            .map(Self::Versions)
    }

    /// The version of the row the change has locked, checked: 404 when the row is gone
    /// (`None`), else as [`IfMatch::check`].
    pub fn check_locked(&self, locked: Option<i32>) -> Result<i32, ApiError> {
        let version = locked.ok_or(ApiError::NotFound)?;
        self.check(version)?;
        Ok(version)
    }

    /// Passes when `current` is a version the client sent; 412 otherwise.
    pub fn check(&self, current: i32) -> Result<(), ApiError> {
        match self {
            Self::Missing => Err(ApiError::PreconditionRequired),
            Self::Malformed => Err(ApiError::invalid_parameter(
                "If-Match",
                "format",
                "must be the ETag you read, such as \"3\"",
            )),
            Self::Any => Ok(()),
            Self::Versions(versions) if versions.contains(&current) => Ok(()),
            Self::Versions(_) => Err(ApiError::PreconditionFailed {
                current_version: current,
            }),
        }
    }
}

impl FromRequest for IfMatch {
    type Error = ApiError;
    type Future = Ready<Result<Self, ApiError>>;

    fn from_request(request: &HttpRequest, _: &mut Payload) -> Self::Future {
        ready(Ok(match request.headers().get(header::IF_MATCH) {
            None => IfMatch::Missing,
            Some(value) => value
                .to_str()
                .ok()
                .and_then(IfMatch::parse)
                .unwrap_or(IfMatch::Malformed),
        }))
    }
}

/// A resource that has a version.
pub trait Versioned {
    fn version(&self) -> i32;
}

/// A JSON response with the resource's version as `ETag`.
pub struct Tagged<T>(pub T);

impl<T: Serialize + Versioned> Responder for Tagged<T> {
    type Body = BoxBody;

    fn respond_to(self, _: &HttpRequest) -> HttpResponse {
        HttpResponse::Ok()
            .insert_header((header::ETAG, etag(self.0.version())))
            .json(self.0)
    }
}

/// A `201 Created` with `Location` and `ETag`.
pub fn created<T: Serialize + Versioned>(location: String, resource: &T) -> HttpResponse {
    HttpResponse::Created()
        .insert_header((header::LOCATION, location))
        .insert_header((header::ETAG, etag(resource.version())))
        .json(resource)
}

macro_rules! versioned {
    ($($type:ty),+) => {
        $(impl Versioned for $type {
            fn version(&self) -> i32 {
                self.version
            }
        })+
    };
}

versioned!(
    shared::Organization,
    shared::Me,
    shared::Lab,
    shared::Need,
    shared::Idea,
    shared::Offering,
    shared::Webhook,
    shared::Method,
    shared::Adoption
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn if_match_takes_strong_weak_lists_and_star() {
        assert_eq!(IfMatch::parse("\"3\""), Some(IfMatch::Versions(vec![3])));
        assert_eq!(
            IfMatch::parse("W/\"3\", \"4\""),
            Some(IfMatch::Versions(vec![3, 4]))
        );
        assert_eq!(IfMatch::parse("*"), Some(IfMatch::Any));
        assert_eq!(IfMatch::parse("3"), None);
        assert_eq!(IfMatch::parse("\"x\""), None);
        assert_eq!(IfMatch::parse(""), None);
    }

    #[test]
    fn a_stale_version_fails_with_the_current_one() {
        let sent = IfMatch::Versions(vec![2]);
        assert!(sent.check(2).is_ok());
        assert!(matches!(
            sent.check(3),
            Err(ApiError::PreconditionFailed { current_version: 3 })
        ));
        assert!(IfMatch::Any.check(7).is_ok());
        assert!(matches!(
            IfMatch::Missing.check(7),
            Err(ApiError::PreconditionRequired)
        ));
    }
}
