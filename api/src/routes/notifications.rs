//! The signed-in person's in-app notifications.

use actix_web::{HttpResponse, get, post, web};
use chrono::{DateTime, Utc};
use serde::Deserialize;
use shared::Notifications;
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::auth::Caller;
use crate::db::{self, Pool};
use crate::error::ApiError;
use crate::openapi::problems::{BadRequest, Forbidden, NotFound, Unauthorized};
use crate::pagination;

pub fn configure(config: &mut ServiceConfig) {
    config
        .service(list_notifications)
        .service(mark_all_notifications_read)
        .service(mark_notification_read);
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct ListQuery {
    /// Page size, 1–100 (default 20).
    #[param(minimum = 1, maximum = 100)]
    limit: Option<i64>,
    /// `next_cursor` of the previous page.
    cursor: Option<String>,
}

/// Your notifications, newest first, with how many are unread.
#[utoipa::path(
    tag = "notifications",
    security(("bearer_jwt" = [])),
    params(ListQuery),
    responses((status = 200, description = "A page of notifications.", body = Notifications), BadRequest, Unauthorized, Forbidden),
)]
#[get("/notifications")]
async fn list_notifications(
    pool: web::Data<Pool>,
    caller: Caller,
    query: web::Query<ListQuery>,
) -> Result<web::Json<Notifications>, ApiError> {
    let user_id = caller.person()?.user_id;
    let limit = pagination::limit(query.limit)?;
    let after = pagination::decode::<(DateTime<Utc>, Uuid)>(query.cursor.as_deref())?;
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
