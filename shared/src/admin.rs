//! The platform admins' queues: organisations to verify, and the audit log (which an
//! organisation's owners also read, for their own organisation).

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::labs::PersonRef;
use crate::organizations::{Member, Organization};
use crate::string_enum;

string_enum! {
    /// Where an unverified organisation stands in the verification queue.
    pub enum ReviewState {
        /// Not yet looked at, or changed by its owners since it was turned down.
        Pending = "pending",
        /// Turned down; its owners were mailed the reason.
        Rejected = "rejected",
    }
}

/// An unverified organisation, with what a platform admin needs to check it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrganizationReview {
    pub organization: Organization,
    pub state: ReviewState,
    /// Its members, owners first, with their e-mail addresses.
    pub members: Vec<Member>,
    pub rejected_at: Option<DateTime<Utc>>,
    /// Why it was turned down (empty while pending).
    pub rejection_reason: String,
}

/// `POST /admin/organizations/{id}/reject`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "reason": "Organisationsnumret hör till ett annat bolag. Rätta det så granskar vi igen."
})))]
#[serde(deny_unknown_fields)]
pub struct RejectOrganization {
    /// Mailed to the organisation's owners.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 2000))]
    pub reason: String,
}

/// An API key named in the audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiKeyRef {
    pub id: Uuid,
    pub name: String,
}

/// One entry of the audit log: who did what to which object, when.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0192e9b0-7d1c-7c3e-9f3a-1b2c3d4e5f70", "action": "organization.verified",
    "subject_type": "organization", "subject_id": "0192e9b0-7d1c-7c3e-9f3a-1b2c3d4e5f60",
    "actor": {"id": "0192e9b0-7d1c-7c3e-9f3a-1b2c3d4e5f61", "display_name": "Anna Lindqvist"},
    "api_key": null, "details": {}, "created_at": "2026-12-04T09:00:00Z"
})))]
pub struct AuditEntry {
    pub id: Uuid,
    /// `subject.verb`, e.g. `lab.phase_changed`, `organization.rejected`.
    pub action: String,
    /// `organization`, `lab`, `need`, `offering`, `match`, `idea`, `comment`, `method`,
    /// `adoption` or `user`.
    pub subject_type: String,
    pub subject_id: Uuid,
    /// The person who acted (`null` for the platform itself); an erased person shows as
    /// "Borttagen användare".
    pub actor: Option<PersonRef>,
    /// The API key a partner system acted with.
    pub api_key: Option<ApiKeyRef>,
    /// What changed, by action.
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub details: serde_json::Value,
    pub created_at: DateTime<Utc>,
}
