//! Reports of content and the moderators' decisions on them.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::labs::PersonRef;
use crate::string_enum;

string_enum! {
    /// What can be reported.
    pub enum ReportTarget {
        Idea = "idea",
        Comment = "comment",
        Offering = "offering",
        Need = "need",
        Lab = "lab",
        Organization = "organization",
    }
}

string_enum! {
    /// Why it is reported.
    pub enum ReportReason {
        Spam = "spam",
        Offensive = "offensive",
        PersonalData = "personal_data",
        Misleading = "misleading",
        Other = "other",
    }
}

string_enum! {
    /// Where a report stands: open, or what a moderator decided.
    pub enum ReportStatus {
        Open = "open",
        Hidden = "hidden",
        Dismissed = "dismissed",
        Restored = "restored",
    }
}

string_enum! {
    /// A moderator's decision on an open report.
    pub enum ModerationAction {
        Hide = "hide",
        Dismiss = "dismiss",
    }
}

/// `POST /reports`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "target_type": "comment", "target_id": "0192e9b0-7d1c-7c3e-9f3a-1b2c3d4e5f60",
    "reason": "offensive", "note": "Hotfullt mot en granne."
})))]
#[serde(deny_unknown_fields)]
pub struct CreateReport {
    pub target_type: ReportTarget,
    pub target_id: Uuid,
    pub reason: ReportReason,
    /// What the moderators should know.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub note: String,
}

/// A report, as the reporter and the moderators see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Report {
    pub id: Uuid,
    pub target_type: ReportTarget,
    pub target_id: Uuid,
    /// The lab of a reported idea or comment, whose hosts moderate it.
    pub lab_id: Option<Uuid>,
    /// Where the reported content is shown (the web client's path).
    pub target_path: String,
    /// The start of what is reported (a title or text), for the queue.
    pub excerpt: String,
    pub reason: ReportReason,
    pub note: String,
    pub status: ReportStatus,
    /// Held for review by the platform itself (links from an account younger than a day):
    /// hidden until decided; dismissing it shows the content.
    pub held: bool,
    /// `null` for a report whose reporter deleted their account, or one the platform made.
    pub reporter: Option<PersonRef>,
    pub resolution_note: String,
    pub resolved_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
}

/// `POST /admin/reports/{id}/resolve`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"action": "hide", "note": "Personangrepp."})))]
#[serde(deny_unknown_fields)]
pub struct ResolveReport {
    pub action: ModerationAction,
    /// Why; the author is told it when content is hidden.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub note: String,
}
