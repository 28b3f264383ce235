//! The audit log: every entry for platform admins, an organisation's own for its owners.

use actix_web::{get, web};
use chrono::{DateTime, Utc};
use diesel_async::AsyncPgConnection;
use shared::{AuditEntry, Page, Problem};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::auth::Caller;
use crate::authz::{self, OrgAction};
use crate::db::{self, Db};
use crate::error::ApiError;
use crate::openapi::problems::{BadRequest, NotFound, Unauthorized};
use crate::pagination::{self, PageParams};

pub fn configure(config: &mut ServiceConfig) {
    config
        .service(list_audit_entries)
        .service(list_organization_audit_entries);
}

/// The filters both logs share.
#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct AuditQuery {
    /// One action (`lab.phase_changed`), or ending in a dot every action on one kind of
    /// subject (`lab.`).
    #[param(pattern = "^[a-z_.]{1,60}$")]
    action: Option<String>,
    /// Only entries about this kind of object (`organization`, `lab`, `need`, `offering`,
    /// `match`, `idea`, `comment`, `method`, `adoption`, `user`).
    #[param(pattern = "^[a-z_]{1,60}$")]
    subject_type: Option<String>,
    /// Only entries about this object.
    subject_id: Option<Uuid>,
    /// Only what this person did.
    actor: Option<Uuid>,
    /// From this time on (RFC 3339).
    since: Option<DateTime<Utc>>,
    /// Before this time (RFC 3339).
    until: Option<DateTime<Utc>>,
}

impl AuditQuery {
    fn filter(&self, organization_id: Option<Uuid>) -> Result<db::audit::Filter, ApiError> {
        Ok(db::audit::Filter {
            organization_id,
            action: word_param("action", self.action.as_deref(), true)?,
            subject_type: word_param("subject_type", self.subject_type.as_deref(), false)?,
            subject_id: self.subject_id,
            actor_user_id: self.actor,
            since: self.since,
            until: self.until,
        })
    }
}

/// An action or subject type: lower-case letters and `_` (and `.` in an action), 1–60.
fn word_param(name: &str, value: Option<&str>, dots: bool) -> Result<Option<String>, ApiError> {
    let Some(value) = value else { return Ok(None) };
    let well_formed = (1..=60).contains(&value.len())
        && value
            .chars()
            .all(|c| c.is_ascii_lowercase() || c == '_' || (dots && c == '.'));
    if well_formed {
        Ok(Some(value.to_owned()))
    } else {
        Err(ApiError::invalid_parameter(
            name,
            "format",
            crate::t!("parameter-audit-word"),
        ))
    }
}

#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct OrganizationParam {
    /// Only entries concerning this organisation: about its objects (itself, its labs,
    /// needs, offerings, matches, methods, adoptions) or made with its API keys.
    organization: Option<Uuid>,
}

async fn read(
    conn: &mut AsyncPgConnection,
    filter: db::audit::Filter,
    page: &PageParams,
) -> Result<Page<AuditEntry>, ApiError> {
    let limit = page.limit()?;
    let after = page.after::<(DateTime<Utc>, Uuid)>()?;
    let items = db::audit::list(conn, &filter, after, limit + 1).await?;
    Ok(pagination::page(items, limit, |entry| {
        (entry.created_at, entry.id)
    }))
}

/// The whole audit log, newest first (platform admins).
#[utoipa::path(
    tag = "admin",
    security(("bearer_jwt" = [])),
    params(AuditQuery, OrganizationParam, PageParams),
    responses(
        (status = 200, description = "A page of the log.", body = Page<AuditEntry>),
        BadRequest, Unauthorized,
        (status = 403, description = "Not a platform admin.", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/admin/audit-log")]
async fn list_audit_entries(
    db: Db,
    caller: Caller,
    query: web::Query<AuditQuery>,
    organization: web::Query<OrganizationParam>,
    page: web::Query<PageParams>,
) -> Result<web::Json<Page<AuditEntry>>, ApiError> {
    authz::platform_admin(&caller)?;
    let filter = query.filter(organization.organization)?;
    let mut conn = db.get().await?;
    Ok(web::Json(read(&mut conn, filter, &page).await?))
}

/// An organisation's own audit log, newest first (its owners and platform admins): what
/// was done to its objects, and what its API keys did.
#[utoipa::path(
    tag = "organizations",
    security(("bearer_jwt" = [])),
    params(AuditQuery, PageParams),
    responses(
        (status = 200, description = "A page of the organisation's log.", body = Page<AuditEntry>),
        BadRequest, Unauthorized,
        (status = 403, description = "Not an owner of it.", body = Problem, content_type = "application/problem+json"),
        NotFound,
    ),
)]
#[get("/organizations/{id}/audit-log")]
async fn list_organization_audit_entries(
    db: Db,
    caller: Caller,
    id: web::Path<Uuid>,
    query: web::Query<AuditQuery>,
    page: web::Query<PageParams>,
) -> Result<web::Json<Page<AuditEntry>>, ApiError> {
    let filter = query.filter(Some(*id))?;
    let mut conn = db.get().await?;
    authz::organization(&mut conn, &caller, *id, OrgAction::ReadAuditLog).await?;
    Ok(web::Json(read(&mut conn, filter, &page).await?))
}
