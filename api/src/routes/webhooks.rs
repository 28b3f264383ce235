//! An organisation's webhooks (its owners and admins, and its keys with `webhooks:manage`):
//! where events are sent, which ones, and the secret that signs them.

use actix_web::http::header::{ETAG, LOCATION};
use actix_web::{HttpResponse, HttpResponseBuilder, delete, get, patch, post, web};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use shared::{
    CreateWebhook, Page, UpdateWebhook, Webhook, WebhookDelivery, WebhookWithSecret, limits,
};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::auth::Caller;
use crate::authz::{self, OrgAction};
use crate::config::WebhookPolicy;
use crate::db::webhooks::WebhookFields;
use crate::db::{self, Db};
use crate::domain::validation::FieldErrors;
use crate::domain::webhooks::{self as rules, EVENT_TYPES};
use crate::error::ApiError;
use crate::extract::Body;
use crate::openapi::IfMatchHeader;
use crate::openapi::problems::{
    BadRequest, Forbidden, NotFound, PreconditionFailed, PreconditionRequired, Unauthorized,
    Unprocessable,
};
use crate::outbound;
use crate::preconditions::{IfMatch, Tagged, etag};

pub fn configure(config: &mut ServiceConfig) {
    config
        .service(list_organization_webhooks)
        .service(create_organization_webhook)
        .service(get_organization_webhook)
        .service(update_organization_webhook)
        .service(delete_organization_webhook)
        .service(rotate_organization_webhook_secret)
        .service(ping_organization_webhook)
        .service(list_organization_webhook_deliveries)
        .service(redeliver_organization_webhook_delivery);
}

/// How long a rotated-out secret still signs beside the new one.
const ROTATION_OVERLAP: chrono::Duration = chrono::Duration::hours(24);

/// The events, each known and named once, in the order of [`EVENT_TYPES`].
fn checked_events(errors: &mut FieldErrors, events: &[String]) -> Vec<String> {
    errors.check(
        !events.is_empty(),
        "events",
        "required",
        &crate::t!("field-events-required"),
    );
    if let Some(unknown) = events.iter().find(|e| !EVENT_TYPES.contains(&e.as_str())) {
        errors.add(
            "events",
            "unknown",
            crate::t!(
                "field-event-unknown",
                event = format!("{unknown:?}"),
                events = EVENT_TYPES.join(", ")
            ),
        );
    }
    EVENT_TYPES
        .iter()
        .filter(|known| events.iter().any(|e| e == *known))
        .map(|known| (*known).to_owned())
        .collect()
}

/// Checks the fields of a webhook, its URL resolved: every address must be one it may call.
async fn check_fields(
    policy: WebhookPolicy,
    url: &str,
    description: &str,
    events: &[String],
) -> Result<Vec<String>, ApiError> {
    let mut errors = FieldErrors::default();
    errors.length(url, "url", limits::WEBHOOK_URL);
    errors.length(description, "description", limits::WEBHOOK_DESCRIPTION);
    let events = checked_events(&mut errors, events);
    let checked = match rules::check_url(url, policy.allow_private) {
        Ok(parsed) => outbound::resolve(&parsed, policy).await.map(|_| ()),
        Err(problem) => Err(problem),
    };
    if let Err(problem) = checked {
        errors.add("url", "not_allowed", problem.message());
    }
    errors.finish()?;
    Ok(events)
}

/// A webhook with its secret, in an answer no cache keeps.
fn with_secret(
    mut response: HttpResponseBuilder,
    webhook: Webhook,
    secret: String,
) -> HttpResponse {
    response
        .insert_header((ETAG, etag(webhook.version)))
        .json(WebhookWithSecret {
            webhook,
            secret: secret.into(),
        })
}

/// Refuses a caller who may not manage the organisation's webhooks.
async fn may_manage(
    conn: &mut AsyncPgConnection,
    caller: &Caller,
    organization_id: Uuid,
) -> Result<(), ApiError> {
    authz::organization(conn, caller, organization_id, OrgAction::ManageWebhooks)
        .await
        .map(|_| ())
}

/// One of the organisation's webhooks; a 404 for another organisation's.
async fn webhook_of(
    conn: &mut AsyncPgConnection,
    organization_id: Uuid,
    webhook_id: Uuid,
) -> Result<Webhook, ApiError> {
    db::webhooks::find(conn, organization_id, webhook_id)
        .await?
        .ok_or(ApiError::NotFound)
}

/// Writes a change of one of the organisation's webhooks to the audit log.
async fn audit(
    conn: &mut AsyncPgConnection,
    caller: &Caller,
    action: &str,
    organization_id: Uuid,
    details: serde_json::Value,
) -> Result<(), ApiError> {
    db::audit::record(
        conn,
        caller,
        action,
        "organization",
        organization_id,
        details,
    )
    .await?;
    Ok(())
}

/// The organisation's webhooks, oldest first (never with their secrets).
#[utoipa::path(
    tag = "webhooks",
    security(("bearer_jwt" = []), ("api_key" = ["webhooks:manage"])),
    responses(
        (status = 200, description = "A complete list.", body = Page<Webhook>),
        Unauthorized, Forbidden, NotFound,
    ),
)]
#[get("/organizations/{id}/webhooks")]
async fn list_organization_webhooks(
    db: Db,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<Page<Webhook>>, ApiError> {
    let mut conn = db.get().await?;
    may_manage(&mut conn, &caller, *id).await?;
    Ok(web::Json(Page::complete(
        db::webhooks::of_organization(&mut conn, *id).await?,
    )))
}

/// Add a webhook. Its URL must be `https` and lead to public addresses only. The secret that
/// signs its deliveries is in this answer only.
#[utoipa::path(
    tag = "webhooks",
    security(("bearer_jwt" = []), ("api_key" = ["webhooks:manage"])),
    request_body = CreateWebhook,
    responses(
        (status = 201, description = "The webhook and its secret.", body = WebhookWithSecret, headers(("Location" = String), ("ETag" = String))),
        BadRequest, Unauthorized, Forbidden, NotFound, Unprocessable,
    ),
)]
#[post("/organizations/{id}/webhooks")]
async fn create_organization_webhook(
    db: Db,
    policy: web::Data<WebhookPolicy>,
    caller: Caller,
    id: web::Path<Uuid>,
    body: Body<CreateWebhook>,
) -> Result<HttpResponse, ApiError> {
    let mut conn = db.get().await?;
    may_manage(&mut conn, &caller, *id).await?;
    let events = check_fields(**policy, &body.url, &body.description, &body.events).await?;
    let fields = WebhookFields {
        url: body.url.trim(),
        description: body.description.trim(),
        events: &events,
        enabled: body.enabled.unwrap_or(true),
    };
    let secret = rules::new_secret();
    let webhook = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let webhook =
                db::webhooks::insert(conn, *id, &fields, &secret, caller.user_id()).await?;
            let details = serde_json::json!({"webhook_id": webhook.id, "url": webhook.url});
            audit(conn, &caller, "webhook.created", *id, details).await?;
            Ok(webhook)
        })
        .await?;
    let location = format!("/api/v1/organizations/{id}/webhooks/{}", webhook.id);
    let mut response = HttpResponse::Created();
    response.insert_header((LOCATION, location));
    Ok(with_secret(response, webhook, secret))
}

/// One webhook (never with its secret).
#[utoipa::path(
    tag = "webhooks",
    security(("bearer_jwt" = []), ("api_key" = ["webhooks:manage"])),
    responses(
        (status = 200, description = "The webhook.", body = Webhook, headers(("ETag" = String))),
        Unauthorized, Forbidden, NotFound,
    ),
)]
#[get("/organizations/{id}/webhooks/{webhook_id}")]
async fn get_organization_webhook(
    db: Db,
    caller: Caller,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<Tagged<Webhook>, ApiError> {
    let (organization_id, webhook_id) = path.into_inner();
    let mut conn = db.get().await?;
    may_manage(&mut conn, &caller, organization_id).await?;
    webhook_of(&mut conn, organization_id, webhook_id)
        .await
        .map(Tagged)
}

/// Change a webhook: its URL (checked again), description, events, or whether it is sent
/// events. Send the version you read in `If-Match`.
#[utoipa::path(
    tag = "webhooks",
    security(("bearer_jwt" = []), ("api_key" = ["webhooks:manage"])),
    params(IfMatchHeader),
    request_body = UpdateWebhook,
    responses(
        (status = 200, description = "The webhook, changed.", body = Webhook, headers(("ETag" = String))),
        BadRequest, Unauthorized, Forbidden, NotFound, PreconditionFailed, Unprocessable, PreconditionRequired,
    ),
)]
#[patch("/organizations/{id}/webhooks/{webhook_id}")]
async fn update_organization_webhook(
    db: Db,
    policy: web::Data<WebhookPolicy>,
    caller: Caller,
    path: web::Path<(Uuid, Uuid)>,
    if_match: IfMatch,
    body: Body<UpdateWebhook>,
) -> Result<Tagged<Webhook>, ApiError> {
    let (organization_id, webhook_id) = path.into_inner();
    let mut conn = db.get().await?;
    may_manage(&mut conn, &caller, organization_id).await?;
    let current = webhook_of(&mut conn, organization_id, webhook_id).await?;
    let url = crate::patch::text(&body.url, &current.url);
    let description = crate::patch::text(&body.description, &current.description);
    let events = crate::patch::value(&body.events, &current.events);
    let events = check_fields(**policy, url, description, events).await?;
    let fields = WebhookFields {
        url,
        description,
        events: &events,
        enabled: body.enabled.unwrap_or(current.enabled),
    };
    let webhook = conn
        .transaction::<_, ApiError, _>(async |conn| {
            if_match.check_locked(db::webhooks::lock_version(conn, webhook_id).await?)?;
            db::webhooks::update(conn, webhook_id, &fields).await?;
            let details = serde_json::json!({"webhook_id": webhook_id, "enabled": fields.enabled});
            audit(conn, &caller, "webhook.updated", organization_id, details).await?;
            webhook_of(conn, organization_id, webhook_id).await
        })
        .await?;
    Ok(Tagged(webhook))
}

/// Delete a webhook: it is sent nothing more.
#[utoipa::path(
    tag = "webhooks",
    security(("bearer_jwt" = []), ("api_key" = ["webhooks:manage"])),
    responses(
        (status = 204, description = "Deleted."),
        Unauthorized, Forbidden, NotFound,
    ),
)]
#[delete("/organizations/{id}/webhooks/{webhook_id}")]
async fn delete_organization_webhook(
    db: Db,
    caller: Caller,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    let (organization_id, webhook_id) = path.into_inner();
    let mut conn = db.get().await?;
    may_manage(&mut conn, &caller, organization_id).await?;
    conn.transaction::<_, ApiError, _>(async |conn| {
        if !db::webhooks::delete(conn, organization_id, webhook_id).await? {
            return Err(ApiError::NotFound);
        }
        let details = serde_json::json!({"webhook_id": webhook_id});
        audit(conn, &caller, "webhook.deleted", organization_id, details).await
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Give a webhook a new secret, shown in this answer only. For 24 hours deliveries are
/// signed with both the new and the old secret, so the receiver can switch without losing
/// any.
#[utoipa::path(
    tag = "webhooks",
    security(("bearer_jwt" = []), ("api_key" = ["webhooks:manage"])),
    responses(
        (status = 200, description = "The webhook and its new secret.", body = WebhookWithSecret, headers(("ETag" = String))),
        Unauthorized, Forbidden, NotFound,
    ),
)]
#[post("/organizations/{id}/webhooks/{webhook_id}/rotate-secret")]
async fn rotate_organization_webhook_secret(
    db: Db,
    caller: Caller,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    let (organization_id, webhook_id) = path.into_inner();
    let mut conn = db.get().await?;
    may_manage(&mut conn, &caller, organization_id).await?;
    let secret = rules::new_secret();
    let webhook = conn
        .transaction::<_, ApiError, _>(async |conn| {
            db::webhooks::lock_version(conn, webhook_id).await?;
            webhook_of(conn, organization_id, webhook_id).await?;
            let old_until = chrono::Utc::now() + ROTATION_OVERLAP;
            db::webhooks::rotate_secret(conn, webhook_id, &secret, old_until).await?;
            let details = serde_json::json!({"webhook_id": webhook_id});
            audit(
                conn,
                &caller,
                "webhook.secret_rotated",
                organization_id,
                details,
            )
            .await?;
            webhook_of(conn, organization_id, webhook_id).await
        })
        .await?;
    Ok(with_secret(HttpResponse::Ok(), webhook, secret))
}

/// The delivery just put in the outbox, as the log shows it.
async fn queued(
    conn: &mut AsyncPgConnection,
    webhook_id: Uuid,
    delivery_id: Uuid,
) -> Result<HttpResponse, ApiError> {
    let delivery = db::webhooks::deliveries(conn, webhook_id, DELIVERY_LOG)
        .await?
        .into_iter()
        .find(|delivery| delivery.id == delivery_id)
        .ok_or(ApiError::NotFound)?;
    Ok(HttpResponse::Accepted().json(delivery))
}

/// How many deliveries the log shows.
const DELIVERY_LOG: i64 = 50;

/// Send the webhook a `webhook.ping` event now, to try the endpoint out. It is delivered,
/// signed and retried like any event, whether or not the webhook is subscribed to it.
#[utoipa::path(
    tag = "webhooks",
    security(("bearer_jwt" = []), ("api_key" = ["webhooks:manage"])),
    responses(
        (status = 202, description = "The ping, on its way.", body = WebhookDelivery),
        Unauthorized, Forbidden, NotFound,
    ),
)]
#[post("/organizations/{id}/webhooks/{webhook_id}/ping")]
async fn ping_organization_webhook(
    db: Db,
    caller: Caller,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    let (organization_id, webhook_id) = path.into_inner();
    let mut conn = db.get().await?;
    may_manage(&mut conn, &caller, organization_id).await?;
    let webhook = webhook_of(&mut conn, organization_id, webhook_id).await?;
    let message_id = rules::new_message_id();
    let body = rules::payload(
        &message_id,
        rules::PING,
        chrono::Utc::now(),
        serde_json::json!({"webhook_id": webhook.id, "organization_id": organization_id}),
    );
    let delivery =
        db::webhooks::enqueue(&mut conn, webhook.id, rules::PING, &body, &message_id).await?;
    queued(&mut conn, webhook.id, delivery).await
}

/// The webhook's newest 50 deliveries with their attempts: when, the answer's status code,
/// how long it took, and the first 1 KiB of the answer.
#[utoipa::path(
    tag = "webhooks",
    security(("bearer_jwt" = []), ("api_key" = ["webhooks:manage"])),
    responses(
        (status = 200, description = "The newest deliveries first.", body = Page<WebhookDelivery>),
        Unauthorized, Forbidden, NotFound,
    ),
)]
#[get("/organizations/{id}/webhooks/{webhook_id}/deliveries")]
async fn list_organization_webhook_deliveries(
    db: Db,
    caller: Caller,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<web::Json<Page<WebhookDelivery>>, ApiError> {
    let (organization_id, webhook_id) = path.into_inner();
    let mut conn = db.get().await?;
    may_manage(&mut conn, &caller, organization_id).await?;
    webhook_of(&mut conn, organization_id, webhook_id).await?;
    Ok(web::Json(Page::complete(
        db::webhooks::deliveries(&mut conn, webhook_id, DELIVERY_LOG).await?,
    )))
}

/// Send a delivery again, with the same `webhook-id` (so a receiver that already has it
/// can tell), from the start of the retry schedule.
#[utoipa::path(
    tag = "webhooks",
    security(("bearer_jwt" = []), ("api_key" = ["webhooks:manage"])),
    responses(
        (status = 202, description = "The delivery, on its way again.", body = WebhookDelivery),
        Unauthorized, Forbidden, NotFound,
    ),
)]
#[post("/organizations/{id}/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver")]
async fn redeliver_organization_webhook_delivery(
    db: Db,
    caller: Caller,
    path: web::Path<(Uuid, Uuid, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    let (organization_id, webhook_id, delivery_id) = path.into_inner();
    let mut conn = db.get().await?;
    may_manage(&mut conn, &caller, organization_id).await?;
    webhook_of(&mut conn, organization_id, webhook_id).await?;
    if !db::webhooks::redeliver(&mut conn, webhook_id, delivery_id).await? {
        return Err(ApiError::NotFound);
    }
    queued(&mut conn, webhook_id, delivery_id).await
}
