//! The platform admins' verification queue: organisations waiting to be checked, and the
//! decision on each — verify it, or turn it down with a reason mailed to its owners.

use actix_web::{HttpResponse, get, post, web};
use chrono::{DateTime, Utc};
use diesel_async::AsyncConnection as _;
use shared::limits;
use shared::{Organization, OrganizationReview, Page, Problem, RejectOrganization, ReviewState};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::auth::Caller;
use crate::authz::{self, OrgAction};
use crate::db::{self, Db};
use crate::domain::validation::FieldErrors;
use crate::error::ApiError;
use crate::extract::Body;
use crate::mail::{self, Links, Recipient, compose};
use crate::openapi::problems::{BadRequest, NotFound, Unauthorized, Unprocessable};
use crate::pagination::{self, PageParams};

pub fn configure(config: &mut ServiceConfig) {
    config
        .service(list_organization_reviews)
        .service(verify_organization)
        .service(reject_organization);
}

#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct ReviewFilter {
    /// `pending` (the default): waiting to be checked; `rejected`: turned down and not
    /// changed since.
    state: Option<ReviewState>,
}

/// The verification queue: unverified organisations with their members, the longest
/// waiting first (platform admins).
#[utoipa::path(
    tag = "admin",
    security(("bearer_jwt" = [])),
    params(ReviewFilter, PageParams),
    responses(
        (status = 200, description = "A page of organisations to check.", body = Page<OrganizationReview>),
        BadRequest, Unauthorized,
        (status = 403, description = "Not a platform admin.", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/admin/organizations")]
async fn list_organization_reviews(
    db: Db,
    caller: Caller,
    query: web::Query<ReviewFilter>,
    page: web::Query<PageParams>,
) -> Result<web::Json<Page<OrganizationReview>>, ApiError> {
    authz::platform_admin(&caller)?;
    let limit = page.limit()?;
    let after = page.after::<(DateTime<Utc>, Uuid)>()?;
    let state = query.state.unwrap_or(ReviewState::Pending);
    let mut conn = db.get().await?;
    let items = db::organizations::reviews(&mut conn, state, after, limit + 1).await?;
    Ok(web::Json(pagination::page(items, limit, |review| {
        (review.organization.created_at, review.organization.id)
    })))
}

/// Mark an organisation as verified (platform admins).
#[utoipa::path(
    tag = "admin",
    security(("bearer_jwt" = [])),
    responses(
        (status = 200, description = "The organisation, verified.", body = Organization),
        Unauthorized,
        (status = 403, description = "Not a platform admin.", body = Problem, content_type = "application/problem+json"),
        NotFound,
    ),
)]
#[post("/admin/organizations/{id}/verify")]
async fn verify_organization(
    db: Db,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<Organization>, ApiError> {
    let mut conn = db.get().await?;
    authz::organization(&mut conn, &caller, *id, OrgAction::Verify).await?;
    let id = *id;
    let organization = conn
        .transaction::<_, ApiError, _>(async move |conn| {
            let organization = db::organizations::verify(conn, id).await?;
            db::audit::record(
                conn,
                &caller,
                "organization.verified",
                "organization",
                id,
                serde_json::json!({}),
            )
            .await?;
            Ok(organization)
        })
        .await?;
    Ok(web::Json(organization))
}

/// Turn an unverified organisation down (platform admins).
///
/// Its owners are mailed the reason, in their own language. It leaves the queue until its
/// owners change it (`PATCH /organizations/{id}`), which puts it back.
#[utoipa::path(
    tag = "admin",
    security(("bearer_jwt" = [])),
    request_body = RejectOrganization,
    responses(
        (status = 204, description = "Turned down; its owners are being mailed."),
        BadRequest, Unauthorized,
        (status = 403, description = "Not a platform admin.", body = Problem, content_type = "application/problem+json"),
        NotFound,
        (status = 409, description = "The organisation is verified already.", body = Problem, content_type = "application/problem+json"),
        Unprocessable,
    ),
)]
#[post("/admin/organizations/{id}/reject")]
async fn reject_organization(
    db: Db,
    links: web::Data<Links>,
    caller: Caller,
    id: web::Path<Uuid>,
    body: Body<RejectOrganization>,
) -> Result<HttpResponse, ApiError> {
    let mut conn = db.get().await?;
    let organization = authz::organization(&mut conn, &caller, *id, OrgAction::Verify)
        .await?
        .organization;
    let reason = body.reason.trim();
    let mut errors = FieldErrors::default();
    errors.length(reason, "reason", limits::REQUIRED_REASON);
    errors.finish()?;
    let link = links.page(&format!("/organizations/{}", organization.id));
    conn.transaction::<_, ApiError, _>(async |conn| {
        if !db::organizations::reject(conn, organization.id, reason).await? {
            return Err(ApiError::conflict_on(
                "id",
                "verified",
                &crate::t!("problem-organization-verified-already"),
            ));
        }
        let details = serde_json::json!({ "reason": reason });
        db::audit::record(
            conn,
            &caller,
            "organization.rejected",
            "organization",
            organization.id,
            details,
        )
        .await?;
        for owner in db::organizations::owners(conn, organization.id).await? {
            let recipient = Recipient::of(&owner);
            let composed =
                compose::organization_rejected(recipient, &organization.name, reason, &link);
            mail::enqueue(conn, recipient, &composed).await?;
        }
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
