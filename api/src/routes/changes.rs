//! The changes feed: incremental sync for partners that mirror what they may see.

use actix_web::{get, web};
use chrono::{DateTime, Utc};
use serde::Deserialize;
use shared::{Change, ObjectType, Page};
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Caller;
use crate::authz::Viewer;
use crate::db::changes::{Key, Recorded};
use crate::db::{self, Db};
use crate::domain::changes::as_seen;
use crate::error::ApiError;
use crate::events::{self, Subject};
use crate::openapi::problems::BadRequest;
use crate::pagination::{self, PageParams};

pub fn configure(config: &mut ServiceConfig) {
    config.service(list_changes);
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct ChangesQuery {
    /// Only changes at or after this time (RFC 3339): the `at` of the last change read,
    /// or a little before it (see the partner guide).
    since: Option<DateTime<Utc>>,
}

/// The latest change of every organisation, lab, need, idea, offering, match, method and
/// adoption you may see, oldest first: each object once, at its latest change. One you may
/// no longer see (deleted, made members-only, a lab your organisation left) is `deleted`.
/// A page may hold fewer than `limit` changes; read on while `next_cursor` is not null.
#[utoipa::path(
    tag = "changes",
    params(ChangesQuery, PageParams),
    responses((status = 200, description = "A page of changes.", body = Page<Change>), BadRequest),
)]
#[get("/changes")]
async fn list_changes(
    db: Db,
    caller: Caller,
    query: web::Query<ChangesQuery>,
    page: web::Query<PageParams>,
) -> Result<web::Json<Page<Change>>, ApiError> {
    let limit = page.limit()?;
    let mut after = page.after::<Key>()?;
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    let mut items = Vec::new();
    loop {
        let rows = db::changes::after(&mut conn, query.since, after.as_ref(), limit).await?;
        let exhausted = i64::try_from(rows.len()).unwrap_or(i64::MAX) < limit;
        for row in rows {
            after = Some(row.key());
            if let Some(change) = told(&mut conn, &viewer, row).await? {
                items.push(change);
            }
            if i64::try_from(items.len()).unwrap_or(i64::MAX) == limit {
                let next_cursor = after.as_ref().and_then(pagination::cursor);
                return Ok(web::Json(Page { items, next_cursor }));
            }
        }
        if exhausted {
            return Ok(web::Json(Page {
                items,
                next_cursor: None,
            }));
        }
    }
}

/// The change as the viewer is told it, if at all.
async fn told(
    conn: &mut diesel_async::AsyncPgConnection,
    viewer: &Viewer,
    row: Recorded,
) -> Result<Option<Change>, ApiError> {
    let visible = match row.object_type {
        ObjectType::Organization => {
            events::may_see(conn, viewer, Subject::Organization(row.id)).await?
        }
        ObjectType::Lab => events::may_see(conn, viewer, Subject::Lab(row.id)).await?,
        ObjectType::Need => events::may_see(conn, viewer, Subject::Need(row.id)).await?,
        ObjectType::Idea => events::may_see(conn, viewer, Subject::Idea(row.id)).await?,
        ObjectType::Offering => events::may_see(conn, viewer, Subject::Offering(row.id)).await?,
        ObjectType::Match => events::may_see(conn, viewer, Subject::Match(row.id)).await?,
        ObjectType::Method => events::may_see(conn, viewer, Subject::Method(row.id)).await?,
        ObjectType::Adoption => events::may_see(conn, viewer, Subject::Adoption(row.id)).await?,
    };
    Ok(as_seen(row.change, visible).map(|change| Change {
        object_type: row.object_type,
        id: row.id,
        change,
        at: row.at,
    }))
}
