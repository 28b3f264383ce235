//! `GET /statistics`: the platform's public figures. Nothing in them names a person, and
//! members-only labs, their ideas and draft methods are left out.

use serde::{Deserialize, Serialize};

/// How many of one kind (a phase, a challenge area, a status, a level).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KeyCount {
    pub key: String,
    pub count: i64,
}

/// How many in one month, for one kind (a match's state), or for all (`key` empty).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MonthCount {
    /// `YYYY-MM`.
    pub month: String,
    pub key: String,
    pub count: i64,
}

/// Adoptions in one county.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CountyCount {
    pub county_code: String,
    pub county_name: String,
    pub count: i64,
}

/// The totals of the public records.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Totals {
    pub labs: i64,
    pub ideas: i64,
    pub offerings: i64,
    pub matches: i64,
    pub methods: i64,
    pub adoptions: i64,
    pub organizations: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Statistics {
    /// Public labs by phase (every phase, zeros included, in the phases' order).
    pub labs_by_phase: Vec<KeyCount>,
    /// Public labs by challenge area (every area, in the areas' order).
    pub labs_by_area: Vec<KeyCount>,
    /// Ideas of public labs by status (every status, in order).
    pub ideas_by_status: Vec<KeyCount>,
    /// Matches requested per month, by their state now.
    pub matches_by_month: Vec<MonthCount>,
    /// Published methods by data level, `0` to `5`.
    pub methods_by_level: Vec<KeyCount>,
    pub adoptions_by_county: Vec<CountyCount>,
    /// Adoptions recorded per month (`key` empty).
    pub adoptions_by_month: Vec<MonthCount>,
    pub totals: Totals,
}

/// A column of an open dataset and what it means.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpenDataColumn {
    pub name: String,
    pub meaning: String,
}

/// An open dataset: public records only, no personal data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpenDataset {
    /// `labs`, `methods`, `adoptions`, `offerings` or `needs`.
    pub name: String,
    pub description: String,
    /// The columns, in the files' order (the JSON objects have the same keys).
    pub columns: Vec<OpenDataColumn>,
    pub row_count: i64,
    /// When the figures were read: the files are made on request, from the live records.
    pub generated_at: chrono::DateTime<chrono::Utc>,
    /// An SPDX licence identifier.
    pub licence: String,
    pub csv_url: String,
    pub json_url: String,
}
