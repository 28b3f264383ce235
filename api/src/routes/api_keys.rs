//! Partner systems' API keys of an organisation (its owners and admins).

use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, delete, get, post, put, web};
use diesel_async::AsyncConnection as _;
use shared::limits;
use shared::{ApiKey, CreateApiKey, CreatedApiKey, Page, Problem, SetApiKeyRateLimit};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::auth::caller::API_KEY_PREFIX;
use crate::auth::{Caller, secrets};
use crate::authz::{self, OrgAction};
use crate::db::{self, Db};
use crate::domain::validation::FieldErrors;
use crate::error::ApiError;
use crate::extract::Body;
use crate::openapi::problems::{NotFound, Unauthorized, Unprocessable};

pub fn configure(config: &mut ServiceConfig) {
    config
        .service(create_api_key)
        .service(list_api_keys)
        .service(revoke_api_key)
        .service(change_api_key_rate_limit);
}

/// How many characters of a key are kept to recognise it by.
const SHOWN_PREFIX: usize = 10;

/// Create an API key. Its secret is in this response only: it is stored as a hash.
#[utoipa::path(
    tag = "api-keys",
    security(("bearer_jwt" = [])),
    request_body = CreateApiKey,
    responses(
        (status = 201, description = "The key and its secret.", body = CreatedApiKey, headers(("Location" = String))),
        (status = 400, description = "Malformed JSON or an unknown scope.", body = Problem, content_type = "application/problem+json"),
        Unauthorized,
        (status = 403, description = "Not an owner or admin of it, or your e-mail address is not verified.", body = Problem, content_type = "application/problem+json"),
        NotFound, Unprocessable,
    ),
)]
#[post("/organizations/{id}/api-keys")]
async fn create_api_key(
    db: Db,
    caller: Caller,
    id: web::Path<Uuid>,
    body: Body<CreateApiKey>,
) -> Result<HttpResponse, ApiError> {
    let mut errors = FieldErrors::default();
    errors.length(&body.name, "name", limits::API_KEY_NAME);
    errors.check(
        !body.scopes.is_empty(),
        "scopes",
        "required",
        &crate::t!("field-scopes-required"),
    );
    errors.finish()?;
    let mut conn = db.get().await?;
    authz::organization(&mut conn, &caller, *id, OrgAction::ManageApiKeys).await?;
    let created_by = authz::verified_person(&mut conn, &caller).await?;
    let secret = secrets::generate(API_KEY_PREFIX);
    let mut scopes = body.scopes.clone();
    scopes.sort_by_key(|scope| scope.as_str());
    scopes.dedup();
    let prefix: String = secret.chars().take(SHOWN_PREFIX).collect();
    let api_key = db::api_keys::insert(
        &mut conn,
        *id,
        body.name.trim(),
        &prefix,
        &secrets::hash(&secret),
        &scopes,
        created_by,
    )
    .await?;
    db::audit::record(
        &mut conn,
        &caller,
        "api_key.created",
        "organization",
        *id,
        serde_json::json!({"api_key_id": api_key.id}),
    )
    .await?;
    Ok(HttpResponse::Created()
        .insert_header((
            LOCATION,
            format!("/api/v1/organizations/{id}/api-keys/{}", api_key.id),
        ))
        .json(CreatedApiKey {
            api_key,
            secret: secret.into(),
        }))
}

/// The organisation's API keys, newest first, never with their secrets.
#[utoipa::path(
    tag = "api-keys",
    security(("bearer_jwt" = [])),
    responses(
        (status = 200, description = "A complete list.", body = Page<ApiKey>),
        Unauthorized,
        (status = 403, description = "Not an owner or admin of it.", body = Problem, content_type = "application/problem+json"),
        NotFound,
    ),
)]
#[get("/organizations/{id}/api-keys")]
async fn list_api_keys(
    db: Db,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<Page<ApiKey>>, ApiError> {
    let mut conn = db.get().await?;
    authz::organization(&mut conn, &caller, *id, OrgAction::ManageApiKeys).await?;
    Ok(web::Json(Page::complete(
        db::api_keys::of_organization(&mut conn, *id).await?,
    )))
}

/// Revoke an API key: it stops working at once.
#[utoipa::path(
    tag = "api-keys",
    security(("bearer_jwt" = [])),
    responses(
        (status = 204, description = "Revoked (also when it was already)."),
        Unauthorized,
        (status = 403, description = "Not an owner or admin of it.", body = Problem, content_type = "application/problem+json"),
        NotFound,
    ),
)]
#[delete("/organizations/{id}/api-keys/{key_id}")]
async fn revoke_api_key(
    db: Db,
    caller: Caller,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    let (organization_id, key_id) = path.into_inner();
    let mut conn = db.get().await?;
    authz::organization(
        &mut conn,
        &caller,
        organization_id,
        OrgAction::ManageApiKeys,
    )
    .await?;
    if !db::api_keys::revoke(&mut conn, organization_id, key_id).await? {
        return Err(ApiError::NotFound);
    }
    db::audit::record(
        &mut conn,
        &caller,
        "api_key.revoked",
        "organization",
        organization_id,
        serde_json::json!({"api_key_id": key_id}),
    )
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// The most a key's own limit may be.
const MAX_RATE_LIMIT: i32 = 100_000;

/// Give an API key its own limit of requests a minute, or (`null`) the platform's default
/// again (platform admins only).
#[utoipa::path(
    tag = "api-keys",
    security(("bearer_jwt" = [])),
    request_body = SetApiKeyRateLimit,
    responses(
        (status = 200, description = "The key with its limit.", body = ApiKey),
        Unauthorized,
        (status = 403, description = "Not a platform admin.", body = Problem, content_type = "application/problem+json"),
        NotFound, Unprocessable,
    ),
)]
#[put("/organizations/{id}/api-keys/{key_id}/rate-limit")]
async fn change_api_key_rate_limit(
    db: Db,
    caller: Caller,
    path: web::Path<(Uuid, Uuid)>,
    body: Body<SetApiKeyRateLimit>,
) -> Result<web::Json<ApiKey>, ApiError> {
    let (organization_id, key_id) = path.into_inner();
    let mut conn = db.get().await?;
    authz::organization(&mut conn, &caller, organization_id, OrgAction::LimitApiKeys).await?;
    let limit = body.requests_per_minute;
    let mut errors = FieldErrors::default();
    errors.check(
        limit.is_none_or(|limit| (1..=MAX_RATE_LIMIT).contains(&limit)),
        "requests_per_minute",
        "out_of_range",
        &crate::t!("field-rate-limit", max = MAX_RATE_LIMIT),
    );
    errors.finish()?;
    let key = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let key = db::api_keys::set_rate_limit(conn, organization_id, key_id, limit)
                .await?
                .ok_or(ApiError::NotFound)?;
            let details = serde_json::json!({"api_key_id": key_id, "requests_per_minute": limit});
            db::audit::record(
                conn,
                &caller,
                "api_key.rate_limit_set",
                "organization",
                organization_id,
                details,
            )
            .await?;
            Ok(key)
        })
        .await?;
    Ok(web::Json(key))
}
