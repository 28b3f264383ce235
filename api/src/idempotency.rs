//! Writes that lose nothing, part two: `Idempotency-Key` on `POST`.
//!
//! A partner system whose connection drops cannot know whether its `POST` arrived. It
//! retries with the same `Idempotency-Key`, and gets the first answer back instead of a
//! second lab or idea. Keys belong to the caller (a person or an API key), are kept 24
//! hours in Postgres (so every instance sees them), and are bound to the request: the
//! same key with a different method, path or body is a 422. While the first request is
//! still running, a retry gets 409.
//!
//! Exactly once, even through a crash: the claim of the key, all the handler's writes
//! (its connections are the request's, see `db::request`) and the stored answer are one
//! transaction. A successful answer commits them together; any other answer rolls the
//! request back, so a corrected retry runs afresh; an instance that dies mid-request
//! leaves nothing, neither the work nor a key stuck "in progress".

use actix_web::body::{self, BoxBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::http::{Method, StatusCode};
use actix_web::middleware::Next;
use actix_web::{FromRequest, HttpMessage, HttpResponse, ResponseError, web};
use diesel_async::{AsyncConnection, AsyncPgConnection, TransactionManager};
use sha2::{Digest, Sha256};

use crate::auth::Caller;
use crate::db::idempotency::{Claim, StoredResponse};
use crate::db::request::RequestTransaction;
use crate::db::{self, Pool, PooledConnection};
use crate::error::{ApiError, JSON_BODY_LIMIT};

/// The request header.
pub const HEADER: &str = "idempotency-key";

/// Set on a response that repeats a stored answer.
pub const REPLAYED_HEADER: &str = "idempotent-replayed";

/// The longest key accepted.
pub const MAX_KEY_LENGTH: usize = 255;

/// The middleware: wraps `/api/v1`.
pub async fn middleware(
    mut request: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    let key = match request.headers().get(HEADER) {
        Some(value) if request.method() == Method::POST => value.to_str().ok().map(str::to_owned),
        _ => return Ok(next.call(request).await?.map_into_boxed_body()),
    };
    let Some(key) = key.filter(|key| valid_key(key)) else {
        return Ok(refuse(
            request,
            ApiError::invalid_parameter(
                "Idempotency-Key",
                "format",
                crate::t!("parameter-idempotency-key", max = MAX_KEY_LENGTH),
            ),
        ));
    };
    let caller = match request.extract::<Caller>().await {
        Ok(caller) => caller,
        Err(error) => return Ok(refuse(request, error)),
    };
    // Nothing an anonymous caller may post creates anything twice (sign-up refuses a
    // second account for the same e-mail), so there is nothing to remember.
    let Some(owner) = caller.owner() else {
        return Ok(next.call(request).await?.map_into_boxed_body());
    };
    // Read the body to fingerprint the request, then hand it on unchanged.
    let (http_request, payload) = request.parts_mut();
    let body = match web::Bytes::from_request(http_request, payload).await {
        Ok(body) if body.len() <= JSON_BODY_LIMIT => body,
        _ => return Ok(refuse(request, ApiError::PayloadTooLarge)),
    };
    let hash = request_hash(request.method(), &request.uri().to_string(), &body);
    request.set_payload(Payload::from(body));

    let Some(pool) = request.app_data::<web::Data<Pool>>().cloned() else {
        return Ok(refuse(
            request,
            ApiError::Unexpected(anyhow::anyhow!("the app has no pool")),
        ));
    };
    let claimed = async {
        let mut conn = pool.get().await?;
        TransactionManagerOf::begin_transaction(&mut *conn).await?;
        let claim = db::idempotency::claim(&mut conn, &owner, &key, &hash).await?;
        Ok::<_, ApiError>((conn, claim))
    }
    .await;
    let (mut conn, claim) = match claimed {
        Ok(claimed) => claimed,
        Err(error) => return Ok(refuse(request, error)),
    };
    if !matches!(claim, Claim::New) {
        roll_back(&mut conn).await;
    }
    match claim {
        Claim::Mismatch => Ok(refuse(
            request,
            ApiError::invalid_field(
                "Idempotency-Key",
                "reused",
                crate::t!("field-idempotency-key-reused"),
            ),
        )),
        Claim::InProgress => Ok(refuse(
            request,
            ApiError::Conflict {
                detail: crate::t!("problem-idempotency-key-in-flight"),
                errors: Vec::new(),
            },
        )),
        Claim::Replay(stored) => {
            let (request, _) = request.into_parts();
            Ok(ServiceResponse::new(request, replay(&stored)))
        }
        Claim::New => {
            let transaction = RequestTransaction::new(conn);
            request.extensions_mut().insert(transaction.clone());
            let response = next.call(request).await?;
            response
                .request()
                .extensions_mut()
                .remove::<RequestTransaction>();
            let Some(conn) = transaction.take() else {
                return Ok(
                    response.error_response(ApiError::Unexpected(anyhow::anyhow!(
                        "a handler kept the request's connection"
                    ))),
                );
            };
            finish(conn, Claimed { owner, key, hash }, response).await
        }
    }
}

/// The transaction manager of our connections: begins, commits and rolls back the
/// request's transaction.
type TransactionManagerOf = <AsyncPgConnection as AsyncConnection>::TransactionManager;

/// A key this request holds.
struct Claimed {
    owner: String,
    key: String,
    hash: Vec<u8>,
}

/// Stores a successful answer and commits the request's work with it; rolls back anything
/// else. A commit that fails turns the answer into that failure: the client must not be
/// told of work that did not happen.
async fn finish(
    mut conn: PooledConnection,
    claimed: Claimed,
    response: ServiceResponse<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    if !response.status().is_success() {
        roll_back(&mut conn).await;
        return Ok(response.map_into_boxed_body());
    }
    let (request, response) = response.into_parts();
    let (head, response_body) = response.into_parts();
    let bytes = body::to_bytes(response_body)
        .await
        .map_err(|_| ApiError::Unexpected(anyhow::anyhow!("could not read a response body")))?;
    let stored = StoredResponse {
        status: i16::try_from(head.status().as_u16()).unwrap_or(i16::MAX),
        location: header_text(head.headers(), header::LOCATION),
        etag: header_text(head.headers(), header::ETAG),
        body: bytes.to_vec(),
    };
    let committed = async {
        let Claimed { owner, key, hash } = &claimed;
        db::idempotency::store(&mut conn, owner, key, hash, &stored).await?;
        TransactionManagerOf::commit_transaction(&mut *conn).await
    }
    .await;
    if let Err(error) = committed {
        // A failed commit has ended the transaction; a failed store has not.
        if TransactionManagerOf::transaction_manager_status_mut(&mut *conn)
            .transaction_depth()
            .is_ok_and(|depth| depth.is_some())
        {
            roll_back(&mut conn).await;
        }
        return Ok(ServiceResponse::new(
            request,
            ApiError::from(error).error_response(),
        ));
    }
    let response = head.set_body(BoxBody::new(bytes));
    Ok(ServiceResponse::new(request, response))
}

/// Ends the request's transaction without its work. Done at once, not left to the pool:
/// until then the connection would keep the key's lock and the rows the handler touched.
async fn roll_back(conn: &mut PooledConnection) {
    if let Err(error) = TransactionManagerOf::rollback_transaction(&mut **conn).await {
        // The connection is then broken and the pool discards it; Postgres rolls back.
        tracing::warn!(%error, "could not roll back an idempotent request's transaction");
    }
}

fn header_text(headers: &header::HeaderMap, name: HeaderName) -> Option<String> {
    headers
        .get(name)
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned)
}

fn replay(stored: &StoredResponse) -> HttpResponse {
    let status = u16::try_from(stored.status)
        .ok()
        .and_then(|status| StatusCode::from_u16(status).ok())
        .unwrap_or(StatusCode::OK);
    let mut response = HttpResponse::build(status);
    response.insert_header((
        HeaderName::from_static(REPLAYED_HEADER),
        HeaderValue::from_static("true"),
    ));
    if let Some(location) = &stored.location {
        response.insert_header((header::LOCATION, location.as_str()));
    }
    if let Some(etag) = &stored.etag {
        response.insert_header((header::ETAG, etag.as_str()));
    }
    if stored.body.is_empty() {
        response.finish()
    } else {
        response
            .content_type("application/json")
            .body(stored.body.clone())
    }
}

fn refuse(request: ServiceRequest, error: ApiError) -> ServiceResponse<BoxBody> {
    let (request, _) = request.into_parts();
    ServiceResponse::new(request, error.error_response())
}

fn valid_key(key: &str) -> bool {
    (1..=MAX_KEY_LENGTH).contains(&key.len()) && key.bytes().all(|byte| byte.is_ascii_graphic())
}

/// What makes two requests "the same": method, path with query, and body.
fn request_hash(method: &Method, uri: &str, body: &[u8]) -> Vec<u8> {
    let mut hasher = Sha256::new();
    hasher.update(method.as_str());
    hasher.update([0]);
    hasher.update(uri);
    hasher.update([0]);
    hasher.update(body);
    hasher.finalize().to_vec()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_visible_ascii_of_sensible_length() {
        assert!(valid_key("3f2b8c1e-0d7a-4c59-9f00-1a2b3c4d5e6f"));
        assert!(!valid_key(""));
        assert!(!valid_key("has space"));
        assert!(!valid_key("å"));
        assert!(!valid_key(&"k".repeat(256)));
    }

    #[test]
    fn the_same_body_on_another_path_is_another_request() {
        let body = br#"{"title":"x"}"#;
        assert_eq!(
            request_hash(&Method::POST, "/api/v1/labs", body),
            request_hash(&Method::POST, "/api/v1/labs", body)
        );
        assert_ne!(
            request_hash(&Method::POST, "/api/v1/labs", body),
            request_hash(&Method::POST, "/api/v1/needs", body)
        );
    }
}
