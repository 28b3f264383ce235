//! Offerings (the marketplace) and the suggestions that pair needs with offerings.

use actix_web::{HttpRequest, HttpResponse, get, patch, post, web};
use diesel_async::{AsyncConnection, AsyncPgConnection};
use serde::Deserialize;
use shared::limits;
use shared::{
    Coverage, CreateOffering, NeedSuggestion, Offering, OfferingKind, OfferingStatus,
    OfferingSuggestion, Page, Scope, UpdateOffering,
};
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use super::fields::{self, PlaceParams};
use crate::auth::Caller;
use crate::authz::{self, LabAction, OfferingAction, Viewer};
use crate::db::offerings::{Filter, OfferingFields};
use crate::db::search::Order;
use crate::db::{self, Db};
use crate::domain::labs::normalize_tags;
use crate::domain::reference::{CountyCode, MunicipalityCode};
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
use crate::suggestions;

pub fn configure(config: &mut ServiceConfig) {
    config
        .service(create_offering)
        .service(list_offerings)
        .service(get_offering)
        .service(update_offering)
        .service(list_need_suggestions)
        .service(list_offering_suggestions);
}

/// Validates an offering's fields; challenge areas, counties and municipalities must exist.
async fn check_fields(
    conn: &mut AsyncPgConnection,
    fields: &OfferingFields<'_>,
    mut errors: FieldErrors,
) -> Result<(), ApiError> {
    errors.length(fields.title, "title", limits::TITLE);
    errors.length(fields.description, "description", limits::DESCRIPTION);
    fields::check_challenge_areas(conn, &mut errors, fields.challenge_areas).await?;
    let coverage = fields.coverage;
    if !coverage.national && coverage.counties.is_empty() && coverage.municipalities.is_empty() {
        errors.add("coverage", "required", crate::t!("field-coverage-required"));
    }
    if coverage.counties.len() > 21 || coverage.municipalities.len() > 50 {
        errors.add("coverage", "too_many", crate::t!("field-coverage-too-many"));
    }
    for county in &coverage.counties {
        let known = match CountyCode::parse(county) {
            Ok(code) => db::reference::county_exists(conn, code.as_str()).await?,
            Err(_) => false,
        };
        if !known {
            errors.add(
                "coverage.counties",
                "unknown",
                crate::t!("field-county-unknown", code = format!("{county:?}")),
            );
        }
    }
    for municipality in &coverage.municipalities {
        let known = match MunicipalityCode::parse(municipality) {
            Ok(code) => db::reference::municipality_exists(conn, code.as_str()).await?,
            Err(_) => false,
        };
        if !known {
            errors.add(
                "coverage.municipalities",
                "unknown",
                crate::t!(
                    "field-municipality-code-unknown",
                    code = format!("{municipality:?}")
                ),
            );
        }
    }
    errors.finish()
}

/// Offer something to housing companies, for an organisation you belong to.
#[utoipa::path(
    tag = "offerings",
    security(("bearer_jwt" = []), ("api_key" = ["offerings:write"])),
    request_body = CreateOffering,
    responses(
        (status = 201, description = "The offering, active.", body = Offering, headers(("Location" = String), ("ETag" = String))),
        BadRequest, Unauthorized, Forbidden, Unprocessable,
    ),
)]
#[post("/offerings")]
async fn create_offering(
    db: Db,
    caller: Caller,
    body: Body<CreateOffering>,
) -> Result<HttpResponse, ApiError> {
    let mut conn = db.get().await?;
    let organization = authz::acting_organization(
        &mut conn,
        &caller,
        body.organization_id,
        Scope::OfferingsWrite,
        "organization_id",
    )
    .await?;
    let mut errors = FieldErrors::default();
    let tags = normalize_tags(&mut errors, &body.tags);
    let fields = OfferingFields {
        title: body.title.trim(),
        description: body.description.trim(),
        kind: body.kind,
        challenge_areas: &body.challenge_areas,
        coverage: &body.coverage,
        tags: &tags,
        status: OfferingStatus::Active,
    };
    check_fields(&mut conn, &fields, errors).await?;
    let id = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let id = db::offerings::insert(conn, organization, &fields, caller.user_id()).await?;
            let details = serde_json::json!({ "status": fields.status.as_str() });
            db::audit::record(conn, &caller, "offering.created", "offering", id, details).await?;
            events::emit(conn, "offering.created", Subject::Offering(id)).await?;
            Ok(id)
        })
        .await?;
    let viewer = Viewer::load(&mut conn, caller).await?;
    let offering = db::offerings::find(&mut conn, &viewer, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(preconditions::created(
        format!("/api/v1/offerings/{id}"),
        &offering,
    ))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct ListQuery {
    /// Only offerings of this kind.
    kind: Option<OfferingKind>,
    /// Only offerings of this organisation.
    organization: Option<Uuid>,
    /// Only active or only paused offerings.
    status: Option<OfferingStatus>,
    /// Full-text search (Swedish stems, compounds and synonyms); the best matches come first.
    #[param(max_length = 200)]
    q: Option<String>,
}

/// The marketplace: newest first, or the best matches for `q`.
#[utoipa::path(
    tag = "offerings",
    params(ListQuery, PlaceParams, PageParams, SyncParams),
    responses((status = 200, description = "A page of offerings.", body = Page<Offering>), BadRequest),
)]
#[get("/offerings")]
async fn list_offerings(
    db: Db,
    caller: Caller,
    query: web::Query<ListQuery>,
    place: web::Query<PlaceParams>,
    page: web::Query<PageParams>,
    sync: web::Query<SyncParams>,
) -> Result<web::Json<Page<Offering>>, ApiError> {
    let limit = page.limit()?;
    let filter = Filter {
        kind: query.kind,
        place: place.parse()?,
        organization: query.organization,
        status: query.status,
        query: fields::query_param(query.q.as_deref())?,
    };
    let window = fields::window(Order::for_query(filter.query.is_some()), &sync, &page)?;
    let (mut conn, viewer) = Viewer::connect_to_read(&db, caller).await?;
    let rows = db::offerings::list(&mut conn, &viewer, &filter, window).await?;
    Ok(web::Json(pagination::page_with_keys(rows, limit)))
}

/// One offering.
#[utoipa::path(
    tag = "offerings",
    responses((status = 200, description = "The offering.", body = Offering, headers(("ETag" = String))), NotFound),
)]
#[get("/offerings/{id}")]
async fn get_offering(
    db: Db,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<Tagged<Offering>, ApiError> {
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    Ok(Tagged(
        authz::offering(&mut conn, &viewer, *id, OfferingAction::View).await?,
    ))
}

/// Change an offering, e.g. pause it (members of its organisation). Send the version you
/// read in `If-Match`.
#[utoipa::path(
    tag = "offerings",
    security(("bearer_jwt" = []), ("api_key" = ["offerings:write"])),
    params(IfMatchHeader),
    request_body = UpdateOffering,
    responses(
        (status = 200, description = "The offering, changed.", body = Offering, headers(("ETag" = String))),
        BadRequest, Unauthorized, Forbidden, NotFound, PreconditionFailed, Unprocessable, PreconditionRequired,
    ),
)]
#[patch("/offerings/{id}")]
async fn update_offering(
    db: Db,
    caller: Caller,
    id: web::Path<Uuid>,
    if_match: IfMatch,
    body: Body<UpdateOffering>,
) -> Result<Tagged<Offering>, ApiError> {
    let id = *id;
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    authz::offering(&mut conn, &viewer, id, OfferingAction::Edit).await?;
    let offering = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let version = if_match.check_locked(db::offerings::lock_version(conn, id).await?)?;
            let current = authz::offering(conn, &viewer, id, OfferingAction::View).await?;
            let mut errors = FieldErrors::default();
            let tags = patch::tags(&mut errors, &body.tags, &current.tags);
            let coverage: &Coverage = body.coverage.as_ref().unwrap_or(&current.coverage);
            let fields = OfferingFields {
                title: patch::text(&body.title, &current.title),
                description: patch::text(&body.description, &current.description),
                kind: body.kind.unwrap_or(current.kind),
                challenge_areas: patch::value(&body.challenge_areas, &current.challenge_areas),
                coverage,
                tags: &tags,
                status: body.status.unwrap_or(current.status),
            };
            check_fields(conn, &fields, errors).await?;
            db::offerings::update(conn, id, &fields).await?;
            let details = serde_json::json!({
                "from": current.status.as_str(), "to": fields.status.as_str(), "version": version + 1,
            });
            db::audit::record(conn, &viewer.caller, "offering.updated", "offering", id, details)
                .await?;
            authz::offering(conn, &viewer, id, OfferingAction::View).await
        })
        .await?;
    Ok(Tagged(offering))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct SuggestionsQuery {
    /// How many suggestions, 1–50 (default 10).
    #[param(minimum = 1, maximum = 50)]
    limit: Option<i64>,
}

fn suggestion_limit(requested: Option<i64>) -> Result<usize, ApiError> {
    match requested {
        None => Ok(10),
        Some(limit @ 1..=50) => Ok(usize::try_from(limit).unwrap_or(10)),
        Some(_) => Err(ApiError::invalid_parameter(
            "limit",
            "range",
            crate::t!("parameter-limit", max = 50),
        )),
    }
}

/// Offerings that fit a need, best first, each with its score and the reasons for it
/// (in the language of `Accept-Language`: Swedish or English).
#[utoipa::path(
    tag = "offerings",
    params(SuggestionsQuery, ("Accept-Language" = Option<String>, Header, description = "`en` for English explanations; Swedish otherwise.")),
    responses((status = 200, description = "The suggestions, best first.", body = Page<OfferingSuggestion>), BadRequest, NotFound),
)]
#[get("/needs/{id}/suggestions")]
async fn list_need_suggestions(
    db: Db,
    caller: Caller,
    request: HttpRequest,
    id: web::Path<Uuid>,
    query: web::Query<SuggestionsQuery>,
) -> Result<web::Json<Page<OfferingSuggestion>>, ApiError> {
    let limit = suggestion_limit(query.limit)?;
    let language = fields::language(&request);
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    let need = authz::need(&mut conn, &viewer, *id, LabAction::View).await?;
    Ok(web::Json(Page::complete(
        suggestions::offerings_for_need(&mut conn, &viewer, &need, limit, language).await?,
    )))
}

/// Open needs that an offering fits, best first, with the reasons (see the need's suggestions).
#[utoipa::path(
    tag = "offerings",
    params(SuggestionsQuery, ("Accept-Language" = Option<String>, Header, description = "`en` for English explanations; Swedish otherwise.")),
    responses((status = 200, description = "The suggestions, best first.", body = Page<NeedSuggestion>), BadRequest, NotFound),
)]
#[get("/offerings/{id}/suggestions")]
async fn list_offering_suggestions(
    db: Db,
    caller: Caller,
    request: HttpRequest,
    id: web::Path<Uuid>,
    query: web::Query<SuggestionsQuery>,
) -> Result<web::Json<Page<NeedSuggestion>>, ApiError> {
    let limit = suggestion_limit(query.limit)?;
    let language = fields::language(&request);
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    let offering = authz::offering(&mut conn, &viewer, *id, OfferingAction::View).await?;
    Ok(web::Json(Page::complete(
        suggestions::needs_for_offering(&mut conn, &viewer, &offering, limit, language).await?,
    )))
}
