use serde::{Deserialize, Serialize};

/// The media type of every error body.
pub const PROBLEM_CONTENT_TYPE: &str = "application/problem+json";

/// An error, as RFC 9457 `application/problem+json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "type": "https://innolabb.se/problems/invalid-parameter",
    "title": "Invalid parameter",
    "status": 400,
    "detail": "The query parameter `county` must be a two-digit county code such as 01.",
    "errors": [{"field": "county", "code": "format", "message": "must be two digits, such as 01"}]
})))]
pub struct Problem {
    /// A URI naming the kind of problem; stable, so clients can match on it.
    #[serde(rename = "type")]
    pub problem_type: String,
    /// A short summary of the kind of problem, the same for every occurrence.
    pub title: String,
    /// The HTTP status code.
    pub status: u16,
    /// What went wrong this time, for a person to read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// One entry per bad field or parameter.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
    /// With 412: the resource's current version, to send in `If-Match` once you have
    /// looked at the current state.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub current_version: Option<i32>,
    /// With a 409 for a state change: the states that may follow the current one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub allowed: Vec<String>,
}

/// What is wrong with one field of a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FieldError {
    /// The field or parameter, e.g. `county` or `coverage.municipalities[2]`.
    pub field: String,
    /// A machine-readable code, e.g. `required`, `format`, `unknown`, `too_long`.
    pub code: String,
    /// A human-readable explanation (English).
    pub message: String,
}
