//! Needs: published by a lab's hosts, visible wherever the lab is.

use actix_web::{HttpResponse, get, patch, post, web};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use serde::Deserialize;
use shared::limits;
use shared::{CreateNeed, Need, NeedStatus, Page, UpdateNeed};
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::fields::{self, PlaceParams};
use crate::auth::Caller;
use crate::authz::{self, LabAction, Viewer};
use crate::db::needs::{Filter, NeedFields};
use crate::db::search::Order;
use crate::db::{self, Db};
use crate::domain::labs::normalize_tags;
use crate::domain::validation::FieldErrors;
use crate::error::ApiError;
use crate::events::{self, Subject};
use crate::extract::Body;
use crate::openapi::IfMatchHeader;
use crate::openapi::problems::{
    BadRequest, Forbidden, NotFound, PreconditionFailed, PreconditionRequired, Unauthorized,
    Unprocessable,
};
use crate::pagination::{self, PageParams, SyncParams};
use crate::patch;
use crate::preconditions::{self, IfMatch, Tagged};

pub fn configure(config: &mut ServiceConfig) {
    config
        .service(create_lab_need)
        .service(list_lab_needs)
        .service(list_needs)
        .service(get_need)
        .service(update_need);
}

async fn check_fields(
    conn: &mut AsyncPgConnection,
    fields: &NeedFields<'_>,
    mut errors: FieldErrors,
) -> Result<(), ApiError> {
    errors.length(fields.title, "title", limits::TITLE);
    errors.length(fields.description, "description", limits::DESCRIPTION);
    fields::check_challenge_area(conn, &mut errors, fields.challenge_area).await?;
    fields::check_municipality(conn, &mut errors, fields.municipality_code).await?;
    errors.finish()
}

/// Publish a need of a lab (its hosts). The challenge area and municipality default to the lab's.
#[utoipa::path(
    tag = "needs",
    security(("bearer_jwt" = []), ("api_key" = ["labs:write"])),
    request_body = CreateNeed,
    responses(
        (status = 201, description = "The need, open.", body = Need, headers(("Location" = String), ("ETag" = String))),
        BadRequest, Unauthorized, Forbidden, NotFound, Unprocessable,
    ),
)]
#[post("/labs/{id}/needs")]
async fn create_lab_need(
    db: Db,
    caller: Caller,
    id: web::Path<Uuid>,
    body: Body<CreateNeed>,
) -> Result<HttpResponse, ApiError> {
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    let lab = authz::lab(&mut conn, &viewer, *id, LabAction::Edit)
        .await?
        .lab;
    let mut errors = FieldErrors::default();
    let tags = normalize_tags(&mut errors, &body.tags);
    let fields = NeedFields {
        title: body.title.trim(),
        description: body.description.trim(),
        challenge_area: patch::value(&body.challenge_area, &lab.challenge_area),
        municipality_code: patch::value(&body.municipality_code, &lab.municipality_code),
        tags: &tags,
        status: NeedStatus::Open,
    };
    check_fields(&mut conn, &fields, errors).await?;
    let need_id = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let need_id =
                db::needs::insert(conn, lab.id, lab.host.id, &fields, viewer.user_id()).await?;
            let details = serde_json::json!({ "lab_id": lab.id, "status": fields.status.as_str() });
            db::audit::record(
                conn,
                &viewer.caller,
                "need.created",
                "need",
                need_id,
                details,
            )
            .await?;
            events::emit(conn, "need.created", Subject::Need(need_id)).await?;
            Ok(need_id)
        })
        .await?;
    let need = db::needs::find(&mut conn, &viewer, need_id)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(preconditions::created(
        format!("/api/v1/needs/{need_id}"),
        &need,
    ))
}

/// A lab's needs, newest first.
#[utoipa::path(
    tag = "needs",
    params(PageParams, SyncParams),
    responses((status = 200, description = "A page of needs.", body = Page<Need>), BadRequest, NotFound),
)]
#[get("/labs/{id}/needs")]
async fn list_lab_needs(
    db: Db,
    caller: Caller,
    id: web::Path<Uuid>,
    page: web::Query<PageParams>,
    sync: web::Query<SyncParams>,
) -> Result<web::Json<Page<Need>>, ApiError> {
    let limit = page.limit()?;
    let window = fields::window(Order::Newest, &sync, &page)?;
    let (mut conn, viewer) = Viewer::connect_to_read(&db, caller).await?;
    authz::lab(&mut conn, &viewer, *id, LabAction::View).await?;
    let filter = Filter {
        lab: Some(*id),
        ..Filter::default()
    };
    let rows = db::needs::list(&mut conn, &viewer, &filter, window).await?;
    Ok(web::Json(pagination::page_with_keys(rows, limit)))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct ListQuery {
    /// Only needs with this status.
    status: Option<NeedStatus>,
    /// Full-text search (Swedish stems, compounds and synonyms); the best matches come first.
    #[param(max_length = 200)]
    q: Option<String>,
}

/// The needs of every lab you may see: newest first, or the best matches for `q`.
#[utoipa::path(
    tag = "needs",
    params(ListQuery, PlaceParams, PageParams, SyncParams),
    responses((status = 200, description = "A page of needs.", body = Page<Need>), BadRequest),
)]
#[get("/needs")]
async fn list_needs(
    db: Db,
    caller: Caller,
    query: web::Query<ListQuery>,
    place: web::Query<PlaceParams>,
    page: web::Query<PageParams>,
    sync: web::Query<SyncParams>,
) -> Result<web::Json<Page<Need>>, ApiError> {
    let limit = page.limit()?;
    let filter = Filter {
        lab: None,
        place: place.parse()?,
        status: query.status,
        query: fields::query_param(query.q.as_deref())?,
    };
    let window = fields::window(Order::for_query(filter.query.is_some()), &sync, &page)?;
    let (mut conn, viewer) = Viewer::connect_to_read(&db, caller).await?;
    let rows = db::needs::list(&mut conn, &viewer, &filter, window).await?;
    Ok(web::Json(pagination::page_with_keys(rows, limit)))
}

/// One need.
#[utoipa::path(
    tag = "needs",
    responses((status = 200, description = "The need.", body = Need, headers(("ETag" = String))), NotFound),
)]
#[get("/needs/{id}")]
async fn get_need(db: Db, caller: Caller, id: web::Path<Uuid>) -> Result<Tagged<Need>, ApiError> {
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    Ok(Tagged(
        authz::need(&mut conn, &viewer, *id, LabAction::View).await?,
    ))
}

/// Change a need, e.g. mark it filled (its lab's hosts). Send the version you read in `If-Match`.
#[utoipa::path(
    tag = "needs",
    security(("bearer_jwt" = []), ("api_key" = ["labs:write"])),
    params(IfMatchHeader),
    request_body = UpdateNeed,
    responses(
        (status = 200, description = "The need, changed.", body = Need, headers(("ETag" = String))),
        BadRequest, Unauthorized, Forbidden, NotFound, PreconditionFailed, Unprocessable, PreconditionRequired,
    ),
)]
#[patch("/needs/{id}")]
async fn update_need(
    db: Db,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: Body<UpdateNeed>,
) -> Result<Tagged<Need>, ApiError> {
    let id = *id;
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    authz::need(&mut conn, &viewer, id, LabAction::Edit).await?;
    let need = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let version = if_match.check_locked(db::needs::lock_version(conn, id).await?)?;
            let current = db::needs::find(conn, &viewer, id)
                .await?
                .ok_or(ApiError::NotFound)?;
            let mut errors = FieldErrors::default();
            let tags = patch::tags(&mut errors, &body.tags, &current.tags);
            let fields = NeedFields {
                title: patch::text(&body.title, &current.title),
                description: patch::text(&body.description, &current.description),
                challenge_area: patch::value(&body.challenge_area, &current.challenge_area),
                municipality_code: patch::value(&body.municipality_code, &current.municipality_code),
                tags: &tags,
                status: body.status.unwrap_or(current.status),
            };
            check_fields(conn, &fields, errors).await?;
            db::needs::update(conn, id, &fields).await?;
            let details = serde_json::json!({
                "from": current.status.as_str(), "to": fields.status.as_str(), "version": version + 1,
            });
            db::audit::record(conn, &viewer.caller, "need.updated", "need", id, details).await?;
            db::needs::find(conn, &viewer, id)
                .await?
                .ok_or(ApiError::NotFound)
        })
        .await?;
    Ok(Tagged(need))
}
