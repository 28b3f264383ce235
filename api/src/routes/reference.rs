use actix_web::{get, web};
use serde::Deserialize;
use shared::{ChallengeArea, County, Municipality, Page, Problem};
use utoipa::IntoParams;
use utoipa_actix_web::service_config::ServiceConfig;

use crate::db::{self, Db};
use crate::error::ApiError;

pub fn configure(config: &mut ServiceConfig) {
    config
        .service(list_challenge_areas)
        .service(list_counties)
        .service(list_municipalities);
}

/// The challenge areas the labs work on.
///
/// A complete list: `next_cursor` is always `null`.
#[utoipa::path(
    tag = "reference",
    responses((status = 200, description = "Every challenge area, in their fixed order.", body = Page<ChallengeArea>)),
)]
#[get("/challenge-areas")]
async fn list_challenge_areas(db: Db) -> Result<web::Json<Page<ChallengeArea>>, ApiError> {
    let mut conn = db.get().await?;
    let areas = db::reference::challenge_areas(&mut conn).await?;
    Ok(web::Json(Page::complete(areas)))
}

/// Sweden's 21 counties (län).
///
/// A complete list, by county code: `next_cursor` is always `null`.
#[utoipa::path(
    tag = "reference",
    responses((status = 200, description = "Every county with its number of municipalities.", body = Page<County>)),
)]
#[get("/counties")]
async fn list_counties(db: Db) -> Result<web::Json<Page<County>>, ApiError> {
    let mut conn = db.get().await?;
    let counties = db::reference::counties(&mut conn).await?;
    Ok(web::Json(Page::complete(counties)))
}

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
struct MunicipalityFilter {
    /// Only the municipalities of this county (two-digit county code, e.g. `05`).
    #[param(pattern = "^[0-9]{2}$", example = "05")]
    county: Option<String>,
}

/// Sweden's 290 municipalities (kommuner), in Swedish alphabetical order.
///
/// A complete list: `next_cursor` is always `null`. A county code that names no county
/// gives an empty list.
#[utoipa::path(
    tag = "reference",
    params(MunicipalityFilter),
    responses(
        (status = 200, description = "The municipalities, optionally of one county.", body = Page<Municipality>),
        (status = 400, description = "`county` is not a two-digit code.", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[get("/municipalities")]
async fn list_municipalities(
    db: Db,
    filter: web::Query<MunicipalityFilter>,
) -> Result<web::Json<Page<Municipality>>, ApiError> {
    let county = super::fields::county_param(filter.county.as_deref())?;
    let mut conn = db.get().await?;
    let municipalities = db::reference::municipalities(&mut conn, county.as_deref()).await?;
    Ok(web::Json(Page::complete(municipalities)))
}
