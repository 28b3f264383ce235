//! Organisations: create, list, read, update (their verification: `verification.rs`).

use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, get, patch, post, web};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use serde::Deserialize;
use shared::limits;
use shared::{
    CreateOrganization, Organization, OrganizationKind, Page, Problem, UpdateOrganization,
    org_number,
};
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::fields;
use crate::auth::Caller;
use crate::authz::{self, OrgAction};
use crate::db::organizations::{Filter, Key, OrganizationFields, WriteError};
use crate::db::{self, Db};
use crate::domain::organizations::check_website;
use crate::domain::validation::FieldErrors;
use crate::error::ApiError;
use crate::extract::Body;
use crate::openapi::problems::{
    BadRequest, NotFound, PreconditionFailed, PreconditionRequired, Unauthorized, Unprocessable,
};
use crate::pagination::{self, PageParams, SyncParams, SyncSort};
use crate::patch;
use crate::preconditions::{IfMatch, Tagged};

pub fn configure(config: &mut ServiceConfig) {
    config
        .service(create_organization)
        .service(list_organizations)
        .service(get_organization)
        .service(update_organization);
}

/// Checks the fields both creating and updating set; the municipality must exist.
async fn check_fields(
    conn: &mut AsyncPgConnection,
    fields: &OrganizationFields<'_>,
    mut errors: FieldErrors,
) -> Result<(), ApiError> {
    errors.length(fields.name, "name", limits::TITLE);
    errors.length(fields.description, "description", limits::DESCRIPTION);
    if let Some(website) = fields.website {
        check_website(&mut errors, website);
    }
    fields::check_municipality(conn, &mut errors, fields.municipality_code).await?;
    errors.finish()
}

/// Register an organisation; you become its owner.
#[utoipa::path(
    tag = "organizations",
    security(("bearer_jwt" = [])),
    request_body = CreateOrganization,
    responses(
        (status = 201, description = "The organisation.", body = Organization, headers(("Location" = String))),
        BadRequest, Unauthorized,
        (status = 403, description = "Only a signed-in person with a verified e-mail address may create one.", body = Problem, content_type = "application/problem+json"),
        (status = 409, description = "The organisation number is registered already.", body = Problem, content_type = "application/problem+json"),
        Unprocessable,
    ),
)]
#[post("/organizations")]
async fn create_organization(
    db: Db,
    caller: Caller,
    body: Body<CreateOrganization>,
) -> Result<HttpResponse, ApiError> {
    caller.person()?;
    let mut errors = FieldErrors::default();
    let number = match org_number::parse(&body.org_number) {
        Ok(number) => number,
        Err(_) => {
            errors.add("org_number", "format", crate::t!("field-org-number"));
            String::new()
        }
    };
    let website = body
        .website
        .as_deref()
        .map(str::trim)
        .filter(|w| !w.is_empty());
    let fields = OrganizationFields {
        name: body.name.trim(),
        kind: body.kind,
        municipality_code: &body.municipality_code,
        description: body.description.trim(),
        website,
    };
    let mut conn = db.get().await?;
    let owner = authz::verified_person(&mut conn, &caller).await?;
    check_fields(&mut conn, &fields, errors).await?;
    let organization = conn
        .transaction::<_, ApiError, _>(async move |conn| {
            match db::organizations::insert(conn, &fields, &number, owner).await {
                Ok(organization) => {
                    let details = serde_json::json!({"name": organization.name});
                    db::audit::record(
                        conn,
                        &caller,
                        "organization.created",
                        "organization",
                        organization.id,
                        details,
                    )
                    .await?;
                    Ok(organization)
                }
                Err(WriteError::OrgNumberTaken) => Err(ApiError::conflict_on(
                    "org_number",
                    "taken",
                    &crate::t!("field-org-number-taken"),
                )),
                Err(WriteError::Query(error)) => Err(error.into()),
            }
        })
        .await?;
    Ok(HttpResponse::Created()
        .insert_header((
            LOCATION,
            format!("/api/v1/organizations/{}", organization.id),
        ))
        .json(organization))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct ListQuery {
    /// Only organisations of this kind.
    kind: Option<OrganizationKind>,
    /// Only organisations at home in this municipality (four-digit code).
    #[param(pattern = "^[0-9]{4}$")]
    municipality: Option<String>,
    /// Only organisations at home in this county (two-digit code).
    #[param(pattern = "^[0-9]{2}$")]
    county: Option<String>,
    /// Full-text search in name and description (Swedish stemming).
    #[param(max_length = 200)]
    q: Option<String>,
}

/// List organisations in alphabetical order.
#[utoipa::path(
    tag = "organizations",
    params(ListQuery, PageParams, SyncParams),
    responses(
        (status = 200, description = "A page of organisations.", body = Page<Organization>),
        BadRequest,
    ),
)]
#[get("/organizations")]
async fn list_organizations(
    db: Db,
    query: web::Query<ListQuery>,
    page: web::Query<PageParams>,
    sync: web::Query<SyncParams>,
) -> Result<web::Json<Page<Organization>>, ApiError> {
    let limit = page.limit()?;
    let by_update = sync.sort == Some(SyncSort::UpdatedAt);
    let after = page.after::<Key>()?;
    if after
        .as_ref()
        .is_some_and(|key| matches!(key, Key::Updated(..)) != by_update)
    {
        return Err(fields::foreign_cursor());
    }
    let filter = Filter {
        kind: query.kind,
        municipality_code: fields::municipality_param(query.municipality.as_deref())?,
        county_code: fields::county_param(query.county.as_deref())?,
        query: fields::query_param(query.q.as_deref())?,
        updated_since: sync.updated_since,
    };
    let mut conn = db.get().await?;
    let items = db::organizations::list(&mut conn, &filter, by_update, after, limit + 1).await?;
    Ok(web::Json(pagination::page(items, limit, |organization| {
        Key::of(organization, by_update)
    })))
}

/// One organisation.
#[utoipa::path(
    tag = "organizations",
    responses(
        (status = 200, description = "The organisation.", body = Organization),
        NotFound,
    ),
)]
#[get("/organizations/{id}")]
async fn get_organization(
    db: Db,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<Tagged<Organization>, ApiError> {
    let mut conn = db.get().await?;
    let access = authz::organization(&mut conn, &caller, *id, OrgAction::View).await?;
    Ok(Tagged(access.organization))
}

/// Change an organisation (its owners and admins).
#[utoipa::path(
    tag = "organizations",
    security(("bearer_jwt" = [])),
    params(crate::openapi::IfMatchHeader),
    request_body = UpdateOrganization,
    responses(
        (status = 200, description = "The organisation, changed.", body = Organization),
        BadRequest, Unauthorized,
        (status = 403, description = "Not an owner or admin of it.", body = Problem, content_type = "application/problem+json"),
        NotFound, Unprocessable, PreconditionFailed, PreconditionRequired,
    ),
)]
#[patch("/organizations/{id}")]
async fn update_organization(
    db: Db,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: Body<UpdateOrganization>,
) -> Result<Tagged<Organization>, ApiError> {
    let mut conn = db.get().await?;
    let current = authz::organization(&mut conn, &caller, *id, OrgAction::Edit)
        .await?
        .organization;
    let website = match &body.website {
        Some(website) => Some(website.trim()).filter(|w| !w.is_empty()),
        None => current.website.as_deref(),
    };
    let fields = OrganizationFields {
        name: patch::text(&body.name, &current.name),
        kind: body.kind.unwrap_or(current.kind),
        municipality_code: patch::value(&body.municipality_code, &current.municipality_code),
        description: patch::text(&body.description, &current.description),
        website,
    };
    check_fields(&mut conn, &fields, FieldErrors::default()).await?;
    let id = *id;
    let organization = conn
        .transaction::<_, ApiError, _>(async move |conn| {
            let version =
                if_match.check_locked(db::organizations::lock_version(conn, id).await?)?;
            // The fields not given were merged from a read before the lock: if that read
            // is no longer current, a change slipped in between and must not be undone.
            if version != current.version {
                return Err(ApiError::PreconditionFailed {
                    current_version: version,
                });
            }
            Ok(db::organizations::update(conn, id, &fields).await?)
        })
        .await?;
    Ok(Tagged(organization))
}
