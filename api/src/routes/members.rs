//! An organisation's members. Owners and admins manage them; an organisation always keeps
//! at least one owner.

use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, delete, get, patch, post, web};
use diesel_async::AsyncConnection;
use shared::{AddMember, Member, Page, Problem, Role, UpdateMember};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::auth::Caller;
use crate::authz::{self, OrgAction};
use crate::db::{self, Db};
use crate::domain::accounts::normalize_email;
use crate::error::ApiError;
use crate::extract::Body;
use crate::openapi::problems::{BadRequest, NotFound, Unauthorized};

pub fn configure(config: &mut ServiceConfig) {
    config
        .service(list_organization_members)
        .service(add_organization_member)
        .service(change_member_role)
        .service(remove_organization_member);
}

fn last_owner() -> ApiError {
    ApiError::Conflict {
        detail: crate::t!("problem-last-owner"),
        errors: Vec::new(),
    }
}

/// The members of an organisation (visible to its members).
#[utoipa::path(
    tag = "organizations",
    security(("bearer_jwt" = []), ("api_key" = [])),
    responses(
        (status = 200, description = "A complete list.", body = Page<Member>),
        Unauthorized,
        (status = 403, description = "Not a member of it.", body = Problem, content_type = "application/problem+json"),
        NotFound,
    ),
)]
#[get("/organizations/{id}/members")]
async fn list_organization_members(
    db: Db,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<Page<Member>>, ApiError> {
    let mut conn = db.get().await?;
    authz::organization(&mut conn, &caller, *id, OrgAction::ViewMembers).await?;
    Ok(web::Json(Page::complete(
        db::organizations::members(&mut conn, *id).await?,
    )))
}

/// Add a registered person as a member (owners and admins).
#[utoipa::path(
    tag = "organizations",
    security(("bearer_jwt" = [])),
    request_body = AddMember,
    responses(
        (status = 201, description = "The new member.", body = Member, headers(("Location" = String))),
        BadRequest, Unauthorized,
        (status = 403, description = "Not an owner or admin, or an admin granting ownership.", body = Problem, content_type = "application/problem+json"),
        NotFound,
        (status = 409, description = "Already a member.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No account has that e-mail address, or an owner or admin to be whose address is not verified.", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/organizations/{id}/members")]
async fn add_organization_member(
    db: Db,
    caller: Caller,
    id: web::Path<Uuid>,
    body: Body<AddMember>,
) -> Result<HttpResponse, ApiError> {
    let mut conn = db.get().await?;
    let access = authz::organization(&mut conn, &caller, *id, OrgAction::ManageMembers).await?;
    authz::manage_member(access.role, None, Some(body.role))?;
    let user = db::users::find_by_email(&mut conn, &normalize_email(&body.email))
        .await?
        .ok_or_else(|| {
            ApiError::invalid_field("email", "unknown", crate::t!("field-no-such-account"))
        })?;
    authz::may_hold_role(user.email_verified_at.is_some(), body.role)?;
    let (organization_id, organization_name) = (*id, access.organization.name.clone());
    conn.transaction::<_, ApiError, _>(async |conn| {
        if !db::organizations::add_member(conn, organization_id, user.id, body.role).await? {
            return Err(ApiError::conflict_on(
                "email",
                "member",
                &crate::t!("field-member-already"),
            ));
        }
        let details = serde_json::json!({"user_id": user.id, "role": body.role.as_str()});
        db::audit::record(
            conn,
            &caller,
            "membership.added",
            "organization",
            organization_id,
            details,
        )
        .await?;
        // The new member hears of it (not someone adding themselves, which takes an admin).
        if Some(user.id) != caller.user_id() {
            let details = serde_json::json!({
                "organization_name": organization_name, "role": body.role.as_str(),
            });
            db::notifications::notify(
                conn,
                user.id,
                shared::NotificationKind::MemberAdded,
                "organization",
                organization_id,
                details,
            )
            .await?;
        }
        Ok(())
    })
    .await?;
    let member = db::organizations::member(&mut conn, *id, user.id)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(HttpResponse::Created()
        .insert_header((
            LOCATION,
            format!("/api/v1/organizations/{id}/members/{}", user.id),
        ))
        .json(member))
}

/// Change a member's role (owners and admins; only owners touch owners).
#[utoipa::path(
    tag = "organizations",
    security(("bearer_jwt" = [])),
    request_body = UpdateMember,
    responses(
        (status = 200, description = "The member, changed.", body = Member),
        BadRequest, Unauthorized,
        (status = 403, description = "Not allowed to change this member.", body = Problem, content_type = "application/problem+json"),
        NotFound,
        (status = 409, description = "It would leave the organisation without an owner.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "An owner or admin to be whose e-mail address is not verified.", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[patch("/organizations/{id}/members/{user_id}")]
async fn change_member_role(
    db: Db,
    caller: Caller,
    path: web::Path<(Uuid, Uuid)>,
    body: Body<UpdateMember>,
) -> Result<web::Json<Member>, ApiError> {
    let (organization_id, user_id) = path.into_inner();
    let new_role = body.role;
    let mut conn = db.get().await?;
    let access = authz::organization(
        &mut conn,
        &caller,
        organization_id,
        OrgAction::ManageMembers,
    )
    .await?;
    let actor = access.role;
    conn.transaction::<_, ApiError, _>(async move |conn| {
            let owners = db::organizations::count_owners_for_update(conn, organization_id).await?;
            let target = db::organizations::role_of(conn, organization_id, user_id).await?.ok_or(ApiError::NotFound)?;
            authz::manage_member(actor, Some(target), Some(new_role))?;
            let verified = db::users::find(conn, user_id).await?.is_some_and(|user| user.email_verified_at.is_some());
            authz::may_hold_role(verified, new_role)?;
            if target == Role::Owner && new_role != Role::Owner && owners <= 1 {
                return Err(last_owner());
            }
            db::organizations::set_role(conn, organization_id, user_id, new_role).await?;
            let details = serde_json::json!({"user_id": user_id, "from": target.as_str(), "to": new_role.as_str()});
            db::audit::record(conn, &caller, "membership.role_changed", "organization", organization_id, details).await?;
            Ok(())
    })
    .await?;
    let member = db::organizations::member(&mut conn, organization_id, user_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(web::Json(member))
}

/// Remove a member (owners and admins), or leave yourself.
#[utoipa::path(
    tag = "organizations",
    security(("bearer_jwt" = [])),
    responses(
        (status = 204, description = "Removed."),
        Unauthorized,
        (status = 403, description = "Not allowed to remove this member.", body = Problem, content_type = "application/problem+json"),
        NotFound,
        (status = 409, description = "It would leave the organisation without an owner.", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[delete("/organizations/{id}/members/{user_id}")]
async fn remove_organization_member(
    db: Db,
    caller: Caller,
    path: web::Path<(Uuid, Uuid)>,
) -> Result<HttpResponse, ApiError> {
    let (organization_id, user_id) = path.into_inner();
    let leaving_myself = caller.user_id() == Some(user_id);
    let action = if leaving_myself {
        OrgAction::ViewMembers
    } else {
        OrgAction::ManageMembers
    };
    let mut conn = db.get().await?;
    let access = authz::organization(&mut conn, &caller, organization_id, action).await?;
    let actor = access.role;
    conn.transaction::<_, ApiError, _>(async move |conn| {
        let owners = db::organizations::count_owners_for_update(conn, organization_id).await?;
        let target = db::organizations::role_of(conn, organization_id, user_id)
            .await?
            .ok_or(ApiError::NotFound)?;
        if !leaving_myself {
            authz::manage_member(actor, Some(target), None)?;
        }
        if target == Role::Owner && owners <= 1 {
            return Err(last_owner());
        }
        db::organizations::remove_member(conn, organization_id, user_id).await?;
        let details = serde_json::json!({"user_id": user_id, "role": target.as_str()});
        db::audit::record(
            conn,
            &caller,
            "membership.removed",
            "organization",
            organization_id,
            details,
        )
        .await?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
