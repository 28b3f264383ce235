//! The `Caller` extractor: reads `Authorization: Bearer …` once per request and says who
//! is calling. A missing header is an anonymous caller; a bad one is a 401.

use actix_web::body::{BoxBody, MessageBody};
use actix_web::dev::{Payload, ServiceRequest, ServiceResponse};
use actix_web::http::header::AUTHORIZATION;
use actix_web::middleware::Next;
use actix_web::{FromRequest, HttpMessage, HttpRequest, ResponseError, web};
use futures_util::future::LocalBoxFuture;
use shared::Scope;
use uuid::Uuid;

use super::{jwt, secrets};
use crate::config::AuthConfig;
use crate::db::{self, Pool};
use crate::error::ApiError;

/// The prefix of every API key, so that keys are recognisable (and found by secret scanners).
pub const API_KEY_PREFIX: &str = "ilk_";

/// Who is calling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Caller {
    Anonymous,
    Person(Person),
    ApiKey(KeyCaller),
}

/// A signed-in person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Person {
    pub user_id: Uuid,
    /// The session the access token belongs to.
    pub session_id: Uuid,
    pub is_platform_admin: bool,
}

/// A partner system, acting for one organisation within its key's scopes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyCaller {
    pub key_id: Uuid,
    pub organization_id: Uuid,
    pub scopes: Vec<Scope>,
    /// Its own limit of requests a minute, if a platform admin set one.
    pub rate_limit: Option<i32>,
}

impl Caller {
    /// The signed-in person, or 401 (anonymous) / 403 (an API key: this needs a person).
    pub fn person(&self) -> Result<&Person, ApiError> {
        match self {
            Caller::Person(person) => Ok(person),
            Caller::Anonymous => Err(ApiError::unauthorized()),
            Caller::ApiKey(_) => Err(ApiError::Forbidden(crate::t!("problem-people-only"))),
        }
    }

    /// `Ok` for a person or a partner system, 401 for an anonymous caller: what every change
    /// asks first, before it looks at (and so reveals anything about) an object.
    pub fn signed_in(&self) -> Result<(), ApiError> {
        match self {
            Caller::Anonymous => Err(ApiError::unauthorized()),
            _ => Ok(()),
        }
    }

    /// The user id of a person, for audit entries.
    pub fn user_id(&self) -> Option<Uuid> {
        match self {
            Caller::Person(person) => Some(person.user_id),
            _ => None,
        }
    }

    /// The caller's name for what it keeps between requests (its idempotency keys, when it
    /// last changed something): `user:{id}` or `key:{id}`; none for an anonymous caller.
    pub fn owner(&self) -> Option<String> {
        match self {
            Caller::Person(person) => Some(format!("user:{}", person.user_id)),
            Caller::ApiKey(key) => Some(format!("key:{}", key.key_id)),
            Caller::Anonymous => None,
        }
    }

    /// The key id of a partner system, for audit entries.
    pub fn api_key_id(&self) -> Option<Uuid> {
        match self {
            Caller::ApiKey(key) => Some(key.key_id),
            _ => None,
        }
    }
}

impl FromRequest for Caller {
    type Error = ApiError;
    type Future = LocalBoxFuture<'static, Result<Self, ApiError>>;

    fn from_request(request: &HttpRequest, _: &mut Payload) -> Self::Future {
        // Resolved once per request: middleware (idempotency) and the handler both ask.
        if let Some(caller) = request.extensions().get::<Caller>().cloned() {
            return Box::pin(async move { Ok(caller) });
        }
        let request = request.clone();
        Box::pin(async move {
            let caller = resolve(&request).await?;
            request.extensions_mut().insert(caller.clone());
            Ok(caller)
        })
    }
}

/// The middleware on `/api/v1`: credentials that are sent are checked on every route,
/// public ones included, so that a partner whose key was revoked learns it at once instead
/// of reading public data as if anonymous. Only a request without `Authorization` is
/// anonymous.
pub async fn check_credentials(
    mut request: ServiceRequest,
    next: Next<impl MessageBody + 'static>,
) -> Result<ServiceResponse<BoxBody>, actix_web::Error> {
    if request.headers().contains_key(AUTHORIZATION)
        && let Err(error) = request.extract::<Caller>().await
    {
        let (request, _) = request.into_parts();
        return Ok(ServiceResponse::new(request, error.error_response()));
    }
    Ok(next.call(request).await?.map_into_boxed_body())
}

/// Finds out who sent the request from its `Authorization` header.
fn resolve(request: &HttpRequest) -> LocalBoxFuture<'static, Result<Caller, ApiError>> {
    {
        let header = request
            .headers()
            .get(AUTHORIZATION)
            .map(|value| value.to_str().map(str::to_owned));
        let pool = request.app_data::<web::Data<Pool>>().cloned();
        let auth = request.app_data::<web::Data<AuthConfig>>().cloned();
        Box::pin(async move {
            let header = match header {
                None => return Ok(Caller::Anonymous),
                Some(Ok(header)) => header,
                Some(Err(_)) => return Err(ApiError::unauthorized()),
            };
            let (Some(pool), Some(auth)) = (pool, auth) else {
                return Err(ApiError::Unexpected(anyhow::anyhow!(
                    "the app has no pool or auth config"
                )));
            };
            let token = header
                .strip_prefix("Bearer ")
                .map(str::trim)
                .filter(|token| !token.is_empty())
                .ok_or_else(ApiError::unauthorized)?;
            let mut conn = pool.get().await?;
            if token.starts_with(API_KEY_PREFIX) {
                let key = db::api_keys::authenticate(&mut conn, &secrets::hash(token))
                    .await?
                    .ok_or_else(ApiError::unauthorized)?;
                return Ok(Caller::ApiKey(key));
            }
            let claims =
                jwt::verify(auth.jwt_secret(), token).ok_or_else(ApiError::unauthorized)?;
            let user = db::users::find(&mut conn, claims.user_id)
                .await?
                .ok_or_else(ApiError::unauthorized)?;
            Ok(Caller::Person(Person {
                user_id: user.id,
                session_id: claims.session_id,
                is_platform_admin: user.is_platform_admin,
            }))
        })
    }
}
