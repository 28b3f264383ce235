//! The signed-in person's in-app notifications, how they are mailed, and one-click
//! unsubscribing from that mail.

use actix_web::{HttpResponse, get, patch, post, web};
use chrono::{DateTime, Utc};
use diesel_async::AsyncConnection as _;
use shared::{
    MailFrequency, NotificationKind, NotificationSettings, Notifications, Problem,
    UpdateNotificationSettings,
};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::auth::Caller;
use crate::auth::unsubscribe::{self, Scope};
use crate::config::AuthConfig;
use crate::db::{self, Db};
use crate::domain::notification_settings::settings;
use crate::error::ApiError;
use crate::extract::Body;
use crate::openapi::problems::{
    BadRequest, Forbidden, NotFound, PersonOnly, PreconditionFailed, PreconditionRequired,
    Unauthorized, Unprocessable,
};
use crate::pagination::{self, PageParams};
use crate::preconditions::{IfMatch, Tagged};

pub fn configure(config: &mut ServiceConfig) {
    config
        .service(list_notifications)
        .service(mark_all_notifications_read)
        .service(mark_notification_read)
        .service(get_notification_settings)
        .service(update_notification_settings)
        .service(unsubscribe_mail);
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
    db: Db,
    caller: Caller,
    page: web::Query<PageParams>,
) -> Result<web::Json<Notifications>, ApiError> {
    let user_id = caller.person()?.user_id;
    let limit = page.limit()?;
    let after = page.after::<(DateTime<Utc>, Uuid)>()?;
    let mut conn = db.get().await?;
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
    db: Db,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<HttpResponse, ApiError> {
    let user_id = caller.person()?.user_id;
    let mut conn = db.get().await?;
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
async fn mark_all_notifications_read(db: Db, caller: Caller) -> Result<HttpResponse, ApiError> {
    let user_id = caller.person()?.user_id;
    let mut conn = db.get().await?;
    db::notifications::mark_all_read(&mut conn, user_id).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// How each kind of notification is mailed to you.
///
/// `immediately` (a mail each), `daily` or `weekly` (one digest of what is still unread,
/// at 06:00 Swedish time, weekly on Mondays), or `never`. Unless changed, match requests
/// and their answers are mailed immediately, everything else daily. Nothing read in the
/// app is mailed, and nothing is mailed twice.
#[utoipa::path(
    tag = "notifications",
    security(("bearer_jwt" = [])),
    responses(
        (status = 200, description = "Every kind's setting.", body = NotificationSettings),
        Unauthorized, PersonOnly,
    ),
)]
#[get("/me/notification-settings")]
async fn get_notification_settings(
    db: Db,
    caller: Caller,
) -> Result<Tagged<NotificationSettings>, ApiError> {
    let user_id = caller.person()?.user_id;
    let mut conn = db.get().await?;
    let (chosen, version) = db::notifications::settings(&mut conn, user_id).await?;
    Ok(Tagged(NotificationSettings {
        items: settings(&chosen),
        version,
    }))
}

/// Change how some kinds of notification are mailed to you; the others stay.
///
/// Notifications not mailed yet follow the new setting.
#[utoipa::path(
    tag = "notifications",
    security(("bearer_jwt" = [])),
    params(crate::openapi::IfMatchHeader),
    request_body = UpdateNotificationSettings,
    responses(
        (status = 200, description = "Every kind's setting, changed.", body = NotificationSettings),
        BadRequest, Unauthorized, PersonOnly, Unprocessable, PreconditionFailed, PreconditionRequired,
    ),
)]
#[patch("/me/notification-settings")]
async fn update_notification_settings(
    db: Db,
    caller: Caller,
    if_match: IfMatch,
    body: Body<UpdateNotificationSettings>,
) -> Result<Tagged<NotificationSettings>, ApiError> {
    let user_id = caller.person()?.user_id;
    let changes: Vec<(NotificationKind, MailFrequency)> = body
        .items
        .iter()
        .map(|setting| (setting.kind, setting.frequency))
        .collect();
    let mut conn = db.get().await?;
    conn.transaction::<_, ApiError, _>(async |conn| {
        if_match.check(db::notifications::lock_settings_version(conn, user_id).await?)?;
        Ok(db::notifications::set_frequencies(conn, user_id, &changes).await?)
    })
    .await?;
    let (chosen, version) = db::notifications::settings(&mut conn, user_id).await?;
    Ok(Tagged(NotificationSettings {
        items: settings(&chosen),
        version,
    }))
}

#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct UnsubscribeParams {
    /// The token of the mail's unsubscribe link.
    token: String,
}

/// Stop notification mail, with the link of a mail (RFC 8058 one-click unsubscribe).
///
/// Works without signing in: the token says whose mail and what (one kind, from a
/// notification; every kind, from a digest) and is signed by the server. Mail clients send
/// `List-Unsubscribe=One-Click` as a form; any body is accepted and ignored. The kinds are
/// set to `never`; they can be turned on again under `/me/notification-settings`.
#[utoipa::path(
    tag = "notifications",
    params(UnsubscribeParams),
    responses(
        (status = 204, description = "No more such mail."),
        (status = 400, description = "The token is not one of this server's.", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/unsubscribe")]
async fn unsubscribe_mail(
    db: Db,
    auth: web::Data<AuthConfig>,
    params: web::Query<UnsubscribeParams>,
) -> Result<HttpResponse, ApiError> {
    let (user_id, scope) =
        unsubscribe::verify(auth.jwt_secret(), &params.token).ok_or_else(|| {
            ApiError::invalid_parameter("token", "invalid", crate::t!("field-token-invalid"))
        })?;
    let kinds: Vec<NotificationKind> = match scope {
        Scope::Kind(kind) => vec![kind],
        Scope::All => NotificationKind::ALL.to_vec(),
    };
    let changes: Vec<(NotificationKind, MailFrequency)> = kinds
        .into_iter()
        .map(|kind| (kind, MailFrequency::Never))
        .collect();
    let mut conn = db.get().await?;
    conn.transaction::<_, ApiError, _>(async |conn| {
        // A deleted account's link changes nothing.
        if db::users::find(conn, user_id).await?.is_some() {
            db::notifications::set_frequencies(conn, user_id, &changes).await?;
        }
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
