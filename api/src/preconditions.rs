//! Writes that lose nothing, part one: optimistic concurrency with `ETag` and `If-Match`.
//!
//! Every mutable resource carries a `version`. A `GET` sends it as a strong `ETag`
//! (`"3"`); a `PATCH` must send it back in `If-Match`. Without it the answer is 428, with
//! an old one 412 (and the current version), so two editors never overwrite each other
//! unseen. Handlers compare under a row lock ([`IfMatch::check`] inside the transaction that
//! writes), so two requests with the same version cannot both pass.
//!
//! Reads that re-read nothing: [`conditional_reads`] gives every successful JSON answer an
//! `ETag` naming exactly what was sent, and answers a `GET` whose `If-None-Match` names it
//! with `304 Not Modified` and no body, so a partner polling an object learns cheaply that
//! it has not changed.

use std::future::{Ready, ready};

use actix_web::body::{self, BodySize, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderMap, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::{FromRequest, HttpRequest, HttpResponse, Responder, body::BoxBody};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::Serialize;
use sha2::{Digest, Sha256};

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
    /// Parses the header's value: `*`, or a comma-separated list of `"N"` or `"N-<digest>"`
    /// as a `GET` sends them (a weak `W/"N"` is taken as the same version; only the version
    /// counts, since votes and the like change what is shown but not what a change
    /// overwrites). `None` when it is not such a value.
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
                let tag = tag.strip_prefix('"')?.strip_suffix('"')?;
                tag.split_once('-')
                    .map_or(tag, |(version, _digest)| version)
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
                crate::t!("parameter-if-match"),
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
    shared::NotificationSettings,
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

/// The largest answer given a digest `ETag`; bigger ones (none today) go out untagged.
const MAX_TAGGED_BODY: u64 = 4 * 1024 * 1024;

/// The `ETag` of an answer: the object's version (when the handler set one) and a digest of
/// the body, because what a caller sees of an object (its votes, `can_edit`) can change
/// while its version does not; a list or other unversioned answer gets the digest alone.
pub fn entity_tag(version: Option<i32>, body: &[u8]) -> String {
    let digest = URL_SAFE_NO_PAD.encode(&Sha256::digest(body)[..12]);
    match version {
        Some(version) => format!("\"{version}-{digest}\""),
        None => format!("\"{digest}\""),
    }
}

/// Whether an `If-None-Match` value names `tag` (weak comparison, as RFC 9110 asks for
/// `If-None-Match`), or is `*`.
pub fn none_match_names(if_none_match: &str, tag: &str) -> bool {
    if_none_match.trim() == "*"
        || if_none_match.split(',').any(|sent| {
            let sent = sent.trim();
            sent.strip_prefix("W/").unwrap_or(sent) == tag
        })
}

/// The version in an `ETag` a handler set with [`etag`].
fn version_in(headers: &HeaderMap) -> Option<i32> {
    let tag = headers.get(header::ETAG)?.to_str().ok()?;
    tag.strip_prefix('"')?.strip_suffix('"')?.parse().ok()
}

fn is_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|value| value.starts_with("application/json"))
}

/// The middleware on `/api/v1`: tags every successful JSON answer of a read, and of a write
/// that returns a versioned object (so its `ETag` is the one a `GET` would give), and turns
/// a `GET` or `HEAD` whose `If-None-Match` names the tag into a `304`.
pub async fn conditional_reads(
    request: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let read = matches!(*request.method(), Method::GET | Method::HEAD);
    let if_none_match = request
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned);
    let response = next.call(request).await?;
    let version = version_in(response.headers());
    let taggable = response.status().is_success()
        && is_json(response.headers())
        && (read || version.is_some())
        && matches!(response.response().body().size(), BodySize::Sized(size) if size <= MAX_TAGGED_BODY);
    if !taggable {
        return Ok(response.map_into_boxed_body());
    }
    let (request, response) = response.into_parts();
    let (mut head, body) = response.into_parts();
    let bytes = body::to_bytes(body)
        .await
        .map_err(|_| ApiError::Unexpected(anyhow::anyhow!("could not read a response body")))?;
    let tag = entity_tag(version, &bytes);
    let tag_value =
        HeaderValue::from_str(&tag).map_err(|error| ApiError::Unexpected(error.into()))?;
    head.headers_mut().insert(header::ETAG, tag_value);
    if read && if_none_match.is_some_and(|sent| none_match_names(&sent, &tag)) {
        let mut not_modified = HttpResponse::new(StatusCode::NOT_MODIFIED);
        for (name, value) in head.headers() {
            if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
                not_modified
                    .headers_mut()
                    .append(name.clone(), value.clone());
            }
        }
        return Ok(ServiceResponse::new(request, not_modified));
    }
    Ok(ServiceResponse::new(
        request,
        head.set_body(BoxBody::new(bytes)),
    ))
}

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
        assert_eq!(
            IfMatch::parse("\"3-AbC_9\""),
            Some(IfMatch::Versions(vec![3]))
        );
        assert_eq!(IfMatch::parse("\"-3\""), None);
    }

    #[test]
    fn an_entity_tag_changes_with_the_body_and_keeps_the_version() {
        let one = entity_tag(Some(3), b"{\"votes\":1}");
        let two = entity_tag(Some(3), b"{\"votes\":2}");
        assert!(one.starts_with("\"3-") && one.ends_with('"'));
        assert_ne!(one, two);
        assert_eq!(one, entity_tag(Some(3), b"{\"votes\":1}"));
        let list = entity_tag(None, b"[]");
        assert_eq!(list.len(), 2 + 16, "a quoted digest of 12 bytes: {list}");
        assert_eq!(IfMatch::parse(&one), Some(IfMatch::Versions(vec![3])));
    }

    #[test]
    fn if_none_match_compares_weakly_and_takes_lists_and_star() {
        assert!(none_match_names("\"3-x\"", "\"3-x\""));
        assert!(none_match_names("W/\"3-x\"", "\"3-x\""));
        assert!(none_match_names("\"a\", \"3-x\"", "\"3-x\""));
        assert!(none_match_names("*", "\"3-x\""));
        assert!(!none_match_names("\"3-y\"", "\"3-x\""));
        assert!(!none_match_names("\"3\"", "\"3-x\""));
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
