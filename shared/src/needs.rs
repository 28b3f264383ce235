//! Needs: what a lab is looking for from local actors.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::labs::OrganizationRef;
use crate::string_enum;

string_enum! {
    /// Whether a need still looks for help.
    pub enum NeedStatus {
        Open = "open",
        Filled = "filled",
        Withdrawn = "withdrawn",
    }
}

/// The lab a need or an idea belongs to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LabRef {
    pub id: Uuid,
    pub title: String,
}

/// A need.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0192e9b0-7d1c-7c3e-9f3a-1b2c3d4e5f64", "lab": {"id": "0192e9b0-7d1c-7c3e-9f3a-1b2c3d4e5f61", "title": "Portalen"},
    "organization": {"id": "0192e9b0-7d1c-7c3e-9f3a-1b2c3d4e5f60", "name": "Hyresbostäder i Norrköping"},
    "title": "Jobbcoachning för arbetslösa kvinnor",
    "description": "Vi söker en aktör som kan coacha kvinnor som länge stått utanför arbetsmarknaden.",
    "challenge_area": "unemployment", "municipality_code": "0581", "municipality_name": "Norrköping",
    "county_code": "05", "tags": ["jobbcoachning", "kvinnor"], "status": "open", "can_edit": false,
    "hidden": false, "created_at": "2026-11-27T09:00:00Z", "updated_at": "2026-11-27T09:00:00Z", "version": 1
})))]
pub struct Need {
    pub id: Uuid,
    pub lab: LabRef,
    /// The organisation that has the need.
    pub organization: OrganizationRef,
    pub title: String,
    pub description: String,
    pub challenge_area: String,
    pub municipality_code: String,
    pub municipality_name: String,
    pub county_code: String,
    pub tags: Vec<String>,
    pub status: NeedStatus,
    /// Whether you may edit it (you run its lab).
    pub can_edit: bool,
    /// Hidden by moderation: only its lab's hosts and the moderators see it.
    pub hidden: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
}

/// `POST /labs/{id}/needs`. The challenge area and municipality default to the lab's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "title": "Jobbcoachning för arbetslösa kvinnor",
    "description": "Vi söker en aktör som kan coacha kvinnor som länge stått utanför arbetsmarknaden.",
    "tags": ["jobbcoachning", "kvinnor"]
})))]
#[serde(deny_unknown_fields)]
pub struct CreateNeed {
    #[cfg_attr(feature = "openapi", schema(min_length = 2, max_length = 200))]
    pub title: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 5000))]
    pub description: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 40))]
    pub challenge_area: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 4))]
    pub municipality_code: Option<String>,
    /// At most 10 tags of at most 40 characters; stored lower-case.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 10))]
    pub tags: Vec<String>,
}

/// `PATCH /needs/{id}`: only the fields given change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"status": "filled"})))]
#[serde(deny_unknown_fields)]
pub struct UpdateNeed {
    #[cfg_attr(feature = "openapi", schema(min_length = 2, max_length = 200))]
    pub title: Option<String>,
    #[cfg_attr(feature = "openapi", schema(max_length = 5000))]
    pub description: Option<String>,
    #[cfg_attr(feature = "openapi", schema(max_length = 40))]
    pub challenge_area: Option<String>,
    #[cfg_attr(feature = "openapi", schema(max_length = 4))]
    pub municipality_code: Option<String>,
    #[cfg_attr(feature = "openapi", schema(max_items = 10))]
    pub tags: Option<Vec<String>>,
    pub status: Option<NeedStatus>,
}
