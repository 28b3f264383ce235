//! Checks of fields that several resources share and that need the database.

use crate::db;
use crate::db::search::{Order, Place, SortKey, Window};
use crate::domain::reference::{CountyCode, MunicipalityCode};
use crate::domain::validation::FieldErrors;
use crate::error::ApiError;
use crate::pagination::{PageParams, SyncParams, SyncSort};
use diesel_async::AsyncPgConnection;
use serde::Deserialize;
use utoipa::IntoParams;

/// The place filters of the lists of labs, needs and offerings.
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PlaceParams {
    /// Only those on this challenge area (its key).
    #[param(max_length = 40)]
    challenge_area: Option<String>,
    /// Only those in this municipality (four-digit code); for offerings, those available
    /// there: directly, by its county, or nationally.
    #[param(pattern = "^[0-9]{4}$")]
    municipality: Option<String>,
    /// Only those in this county (two-digit code); for offerings, those available in (part
    /// of) it, or nationally.
    #[param(pattern = "^[0-9]{2}$")]
    county: Option<String>,
}

impl PlaceParams {
    /// The filters, checked (a malformed code is a 400 naming its parameter).
    pub fn parse(&self) -> Result<Place, ApiError> {
        Ok(Place {
            challenge_area: challenge_area_param(self.challenge_area.as_deref())?,
            municipality_code: municipality_param(self.municipality.as_deref())?,
            county_code: county_param(self.county.as_deref())?,
        })
    }
}

/// Records an error unless `key` names a challenge area.
pub async fn check_challenge_area(
    conn: &mut AsyncPgConnection,
    errors: &mut FieldErrors,
    key: &str,
) -> Result<(), ApiError> {
    if key.len() > 40 || !db::reference::challenge_area_exists(conn, key).await? {
        errors.add(
            "challenge_area",
            "unknown",
            crate::t!("field-challenge-area-unknown"),
        );
    }
    Ok(())
}

/// Records an error on `challenge_areas` unless it names 1 to 4 known challenge areas.
pub async fn check_challenge_areas(
    conn: &mut AsyncPgConnection,
    errors: &mut FieldErrors,
    keys: &[String],
) -> Result<(), ApiError> {
    if keys.is_empty() || keys.len() > 4 {
        errors.add(
            "challenge_areas",
            "count",
            crate::t!("field-challenge-areas-count"),
        );
    }
    let mut unknown = FieldErrors::default();
    for key in keys {
        check_challenge_area(conn, &mut unknown, key).await?;
    }
    if !unknown.fields().is_empty() {
        errors.add(
            "challenge_areas",
            "unknown",
            crate::t!("field-challenge-areas-unknown"),
        );
    }
    Ok(())
}

/// Records an error unless `code` is the code of a Swedish municipality.
pub async fn check_municipality(
    conn: &mut AsyncPgConnection,
    errors: &mut FieldErrors,
    code: &str,
) -> Result<(), ApiError> {
    match MunicipalityCode::parse(code) {
        Err(message) => errors.add("municipality_code", "format", message),
        Ok(code) => {
            if !db::reference::municipality_exists(conn, code.as_str()).await? {
                errors.add(
                    "municipality_code",
                    "unknown",
                    crate::t!("field-municipality-unknown"),
                );
            }
        }
    }
    Ok(())
}

/// The `municipality` filter of a list: four digits, or a 400.
pub fn municipality_param(value: Option<&str>) -> Result<Option<String>, ApiError> {
    value
        .map(|code| MunicipalityCode::parse(code).map(|code| code.as_str().to_owned()))
        .transpose()
        .map_err(|message| ApiError::invalid_parameter("municipality", "format", message))
}

/// The `county` filter of a list: two digits, or a 400.
pub fn county_param(value: Option<&str>) -> Result<Option<String>, ApiError> {
    value
        .map(|code| CountyCode::parse(code).map(|code| code.as_str().to_owned()))
        .transpose()
        .map_err(|message| ApiError::invalid_parameter("county", "format", message))
}

/// The longest search text accepted.
pub const QUERY_MAX: usize = 200;

/// The `q` of a list: at most 200 characters; blank means no search.
pub fn query_param(value: Option<&str>) -> Result<Option<String>, ApiError> {
    if value.is_some_and(|q| q.chars().count() > QUERY_MAX) {
        return Err(ApiError::invalid_parameter(
            "q",
            "too_long",
            crate::t!("field-too-long", max = QUERY_MAX),
        ));
    }
    Ok(value
        .map(str::trim)
        .filter(|q| !q.is_empty())
        .map(str::to_owned))
}

/// The `challenge_area` filter of a list: a key of at most 40 characters (an unknown key
/// simply matches nothing).
pub fn challenge_area_param(value: Option<&str>) -> Result<Option<String>, ApiError> {
    match value {
        Some(key) if key.chars().count() > 40 => Err(ApiError::invalid_parameter(
            "challenge_area",
            "too_long",
            crate::t!("parameter-challenge-area"),
        )),
        other => Ok(other.map(str::to_owned)),
    }
}

/// The cursor of a list sorted in `order`; one from another order is a 400.
pub fn cursor_param(order: Order, page: &PageParams) -> Result<Option<SortKey>, ApiError> {
    let key = page.after::<SortKey>()?;
    match key {
        Some(key) if !order.accepts(&key) => Err(foreign_cursor()),
        other => Ok(other),
    }
}

/// A cursor from the same list in another order.
pub fn foreign_cursor() -> ApiError {
    ApiError::invalid_parameter("cursor", "order", crate::t!("parameter-cursor-other-order"))
}

/// The part of a list a request asks for: `order` unless it asks for `sort=updated_at`,
/// after its cursor (which must belong to that order), one row more than the page (see
/// `pagination::page_with_keys`), changed since `updated_since`.
pub fn window(order: Order, sync: &SyncParams, page: &PageParams) -> Result<Window, ApiError> {
    let order = match sync.sort {
        Some(SyncSort::UpdatedAt) => Order::Updated,
        None => order,
    };
    Ok(Window {
        order,
        after: cursor_param(order, page)?,
        limit: page.limit()? + 1,
        updated_since: sync.updated_since,
        candidates: None,
    })
}

/// The language of texts the API writes (explanations, reference names): English when the
/// request's `Accept-Language` prefers it, else Swedish (see `crate::i18n`).
pub fn language(request: &actix_web::HttpRequest) -> &'static str {
    crate::i18n::Language::of(request).code()
}

/// The moves a state machine allows, for a 409's detail: listed, or "nothing else".
pub fn or_nothing(names: &[String]) -> String {
    if names.is_empty() {
        crate::t!("nothing-else")
    } else {
        names.join(", ")
    }
}
