//! The signed-in person's in-app notifications.

use actix_web::{HttpResponse, get, post, web};
use chrono::{DateTime, Utc};
use shared::Notifications;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::auth::Caller;
use crate::db::{self, Pool};
use crate::error::ApiError;
use crate::openapi::problems::{BadRequest, Forbidden, NotFound, Unauthorized};
use crate::pagination::{self, PageParams};

pub fn configure(config: &mut ServiceConfig) {
    config
        .service(list_notifications)
        .service(mark_all_notifications_read)
        .service(mark_notification_read);
}

/// Your notifications, newest first, with how many are unread.
#[utoipa::path(
    tag = "notifications",
    security(("bearer_jwt" = [])),
    params(PageParams),
    responses((status = 200, description = "A page of notifications.", body = Notifications), BadRequest, Unauthorized, Forbidden),
)]
#[get("/notifications")]
async fn list_notifications(
    pool: web::Data<Pool>,
    caller: Caller,
    page: web::Query<PageParams>,
) -> Result<web::Json<Notifications>, ApiError> {
    let user_id = caller.person()?.user_id;
    let limit = page.limit()?;
    let after = page.after::<(DateTime<Utc>, Uuid)>()?;
    let mut conn = pool.get().await?;
    let items = db::notifications::list(&mut conn, user_id, after, limit + 1).await?;
    let page = pagination::page(items, limit, |n| (n.created_at, n.id));
    Ok(web::Json(Notifications {
        items: page.items,
        next_cursor: page.next_cursor,
        unread_count: db::notifications::unread_count(&mut conn, user_id).await?,
    }))
}

/// Mark one notification read.
#[utoipa::path(
    tag = "notifications",
    security(("bearer_jwt" = [])),
    responses((status = 204, description = "Read."), Unauthorized, Forbidden, NotFound),
)]
#[post("/notifications/{id}/read")]
async fn mark_notification_read(
    pool: web::Data<Pool>,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let user_id = caller.person()?.user_id;
    let mut conn = pool.get().await?;
    if !db::notifications::mark_read(&mut conn, user_id, *id).await? {
        return Err(ApiError::NotFound);
    }
    Ok(HttpResponse::NoContent().finish())
}

/// Mark all your notifications read.
#[utoipa::path(
    tag = "notifications",
    security(("bearer_jwt" = [])),
    responses((status = 204, description = "All read."), Unauthorized, Forbidden),
)]
#[post("/notifications/read-all")]
async fn mark_all_notifications_read(
    pool: web::Data<Pool>,
    caller: Caller,
) -> Result<HttpResponse, ApiError> {
    let user_id = caller.person()?.user_id;
    let mut conn = pool.get().await?;
    db::notifications::mark_all_read(&mut conn, user_id).await?;
    Ok(HttpResponse::NoContent().finish())
}
