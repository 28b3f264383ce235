//! Offerings: what actor organisations offer housing companies, and the suggestions that
//! pair them with needs.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::labs::OrganizationRef;
use crate::needs::Need;
use crate::string_enum;

string_enum! {
    /// What kind of help an offering is.
    pub enum OfferingKind {
        Service = "service",
        Method = "method",
        Product = "product",
        Funding = "funding",
        Volunteering = "volunteering",
        Expertise = "expertise",
    }
}

string_enum! {
    /// Whether an offering is available now.
    pub enum OfferingStatus {
        Active = "active",
        Paused = "paused",
    }
}

/// Where an offering is available: the whole country, whole counties, single municipalities.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Coverage {
    #[serde(default)]
    pub national: bool,
    /// Two-digit county codes.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 21))]
    pub counties: Vec<String>,
    /// Four-digit municipality codes.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 50))]
    pub municipalities: Vec<String>,
}

/// An offering.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0192e9b0-7d1c-7c3e-9f3a-1b2c3d4e5f70",
    "organization": {"id": "0192e9b0-7d1c-7c3e-9f3a-1b2c3d4e5f71", "name": "Kvinnokraft Norrköping"},
    "title": "Jobbcoachning för kvinnor", "description": "Individuell coachning och gruppträffar för kvinnor som länge stått utanför arbetsmarknaden.",
    "kind": "service", "challenge_areas": ["unemployment"],
    "coverage": {"national": false, "counties": ["05"], "municipalities": []},
    "tags": ["jobbcoachning", "kvinnor"], "status": "active", "can_edit": false, "hidden": false,
    "created_at": "2026-11-27T09:00:00Z", "updated_at": "2026-11-27T09:00:00Z", "version": 1
})))]
pub struct Offering {
    pub id: Uuid,
    pub organization: OrganizationRef,
    pub title: String,
    pub description: String,
    pub kind: OfferingKind,
    pub challenge_areas: Vec<String>,
    pub coverage: Coverage,
    pub tags: Vec<String>,
    pub status: OfferingStatus,
    /// Whether you may edit it (you belong to its organisation).
    pub can_edit: bool,
    /// Hidden by moderation: only its organisation and the moderators see it.
    pub hidden: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
}

/// `POST /offerings`: offered by `organization_id`, an organisation you belong to (a
/// partner system's offering is its own organisation's).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "title": "Jobbcoachning för kvinnor", "description": "Individuell coachning och gruppträffar.",
    "kind": "service", "challenge_areas": ["unemployment"],
    "coverage": {"national": false, "counties": ["05"], "municipalities": []}, "tags": ["jobbcoachning", "kvinnor"]
})))]
#[serde(deny_unknown_fields)]
pub struct CreateOffering {
    #[serde(default)]
    pub organization_id: Option<Uuid>,
    #[cfg_attr(feature = "openapi", schema(min_length = 2, max_length = 200))]
    pub title: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 5000))]
    pub description: String,
    pub kind: OfferingKind,
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 4))]
    pub challenge_areas: Vec<String>,
    pub coverage: Coverage,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 10))]
    pub tags: Vec<String>,
}

/// `PATCH /offerings/{id}`: only the fields given change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"status": "paused"})))]
#[serde(deny_unknown_fields)]
pub struct UpdateOffering {
    #[cfg_attr(feature = "openapi", schema(min_length = 2, max_length = 200))]
    pub title: Option<String>,
    #[cfg_attr(feature = "openapi", schema(max_length = 5000))]
    pub description: Option<String>,
    pub kind: Option<OfferingKind>,
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 4))]
    pub challenge_areas: Option<Vec<String>>,
    pub coverage: Option<Coverage>,
    #[cfg_attr(feature = "openapi", schema(max_items = 10))]
    pub tags: Option<Vec<String>>,
    pub status: Option<OfferingStatus>,
}

string_enum! {
    /// What a suggestion's score is made of.
    pub enum Factor {
        ChallengeArea = "challenge_area",
        Geography = "geography",
        Text = "text",
        Tags = "tags",
        TrackRecord = "track_record",
    }
}

/// One reason behind a suggestion: the factor's weight, how well the pair scores on it
/// (0–1), and a sentence that says why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Reason {
    pub factor: Factor,
    pub weight: f64,
    pub score: f64,
    pub explanation: String,
}

/// A suggested offering for a need, best first. `score` is the weighted sum of the reasons.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfferingSuggestion {
    pub offering: Offering,
    pub score: f64,
    pub reasons: Vec<Reason>,
}

/// A suggested need for an offering, best first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NeedSuggestion {
    pub need: Need,
    pub score: f64,
    pub reasons: Vec<Reason>,
}
