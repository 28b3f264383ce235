//! The changes feed (`GET /changes`): what a partner mirroring Innolabb must read again.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

crate::string_enum! {
    /// The kinds of object the feed tells of.
    pub enum ObjectType {
        Organization = "organization",
        Lab = "lab",
        Need = "need",
        Idea = "idea",
        Offering = "offering",
        Match = "match",
        Method = "method",
        Adoption = "adoption",
    }
}

crate::string_enum! {
    /// What happened to an object.
    pub enum ChangeKind {
        Created = "created",
        Updated = "updated",
        /// Deleted, or no longer visible to the caller (a lab made members-only, one the
        /// caller's organisation left): a mirror drops it.
        Deleted = "deleted",
    }
}

/// An object's latest change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "type": "lab", "id": "0192e9b0-7d1c-7c3e-9f3a-1b2c3d4e5f60",
    "change": "updated", "at": "2026-12-03T09:00:00.123456Z"
})))]
pub struct Change {
    #[serde(rename = "type")]
    pub object_type: ObjectType,
    pub id: Uuid,
    pub change: ChangeKind,
    pub at: DateTime<Utc>,
}
