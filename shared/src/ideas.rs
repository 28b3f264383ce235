//! Ideas posted to labs, with their votes and comments.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::labs::{OrganizationRef, PersonRef};
use crate::needs::LabRef;
use crate::string_enum;

string_enum! {
    /// Where an idea stands. Lab hosts move it forward; `rejected` and `archived` need a reason.
    pub enum IdeaStatus {
        Submitted = "submitted",
        Shortlisted = "shortlisted",
        Testing = "testing",
        Verified = "verified",
        Rejected = "rejected",
        Archived = "archived",
    }
}

impl IdeaStatus {
    /// Whether an idea may go from `self` to `to`: forward along submitted → shortlisted →
    /// testing → verified one step at a time, or to `rejected`/`archived` from any other
    /// status (those two need a reason). `archived` may also take a rejected idea.
    pub fn may_move_to(self, to: Self) -> bool {
        use IdeaStatus::*;
        match (self, to) {
            (Submitted, Shortlisted) | (Shortlisted, Testing) | (Testing, Verified) => true,
            (from, Rejected) => !matches!(from, Rejected | Archived),
            (from, Archived) => from != Archived,
            _ => false,
        }
    }

    /// The statuses an idea may move to from `self`.
    pub fn allowed_moves(self) -> Vec<Self> {
        Self::ALL
            .iter()
            .copied()
            .filter(|to| self.may_move_to(*to))
            .collect()
    }

    /// Whether this status needs a reason.
    pub fn needs_reason(self) -> bool {
        matches!(self, IdeaStatus::Rejected | IdeaStatus::Archived)
    }
}

/// An idea.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0192e9b0-7d1c-7c3e-9f3a-1b2c3d4e5f65", "lab": {"id": "0192e9b0-7d1c-7c3e-9f3a-1b2c3d4e5f61", "title": "Portalen"},
    "challenge_area": "unemployment", "title": "Språkcafé med jobbfokus",
    "body": "Träffas varje tisdag och öva svenska med fokus på arbetsintervjuer.",
    "status": "shortlisted", "status_reason": null,
    "author": {"id": "0192e9b0-7d1c-7c3e-9f3a-1b2c3d4e5f66", "display_name": "Amina H."},
    "organization": null, "vote_count": 12, "voted_by_me": false, "comment_count": 3,
    "can_edit": false, "can_change_status": false,
    "created_at": "2026-11-27T09:00:00Z", "updated_at": "2026-11-27T09:00:00Z", "version": 1
})))]
pub struct Idea {
    pub id: Uuid,
    pub lab: LabRef,
    /// The lab's challenge area.
    pub challenge_area: String,
    pub title: String,
    pub body: String,
    pub status: IdeaStatus,
    /// Why it was rejected or archived.
    pub status_reason: Option<String>,
    /// `null` when a partner system posted it.
    pub author: Option<PersonRef>,
    /// The organisation it was posted on behalf of.
    pub organization: Option<OrganizationRef>,
    pub vote_count: i32,
    pub voted_by_me: bool,
    pub comment_count: i32,
    /// Whether you may edit it (its author, while it is `submitted`).
    pub can_edit: bool,
    /// Whether you may change its status (you run its lab).
    pub can_change_status: bool,
    /// Hidden by moderation: only its author and the moderators see it.
    pub hidden: bool,
    /// Hidden until a moderator has looked at it (a link from a new account), rather than
    /// hidden by a decision.
    pub awaiting_review: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
}

/// `POST /labs/{id}/ideas`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "title": "Språkcafé med jobbfokus",
    "body": "Träffas varje tisdag och öva svenska med fokus på arbetsintervjuer."
})))]
#[serde(deny_unknown_fields)]
pub struct CreateIdea {
    #[cfg_attr(feature = "openapi", schema(min_length = 2, max_length = 200))]
    pub title: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 10000))]
    pub body: String,
    /// Post on behalf of an organisation you belong to.
    #[serde(default)]
    pub organization_id: Option<Uuid>,
    /// What the web client's form saw (spam defence); other clients leave it out.
    #[serde(default)]
    pub form: Option<crate::FormSignals>,
}

/// `PATCH /ideas/{id}`: only the fields given change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"body": "Träffas varje tisdag och torsdag."})))]
#[serde(deny_unknown_fields)]
pub struct UpdateIdea {
    #[cfg_attr(feature = "openapi", schema(min_length = 2, max_length = 200))]
    pub title: Option<String>,
    #[cfg_attr(feature = "openapi", schema(max_length = 10000))]
    pub body: Option<String>,
}

/// `POST /ideas/{id}/status`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"status": "rejected", "reason": "Liknande verksamhet finns redan i området."})))]
#[serde(deny_unknown_fields)]
pub struct ChangeIdeaStatus {
    pub status: IdeaStatus,
    /// Required for `rejected` and `archived`.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub reason: Option<String>,
}

/// A comment on an idea, with its replies. A removed comment keeps its place without text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0192e9b0-7d1c-7c3e-9f3a-1b2c3d4e5f67", "parent_id": null,
    "author": {"id": "0192e9b0-7d1c-7c3e-9f3a-1b2c3d4e5f66", "display_name": "Amina H."},
    "body": "Jag kan hålla i det första passet!", "removed": false, "can_remove": false,
    "created_at": "2026-11-27T09:00:00Z", "replies": []
})))]
pub struct Comment {
    pub id: Uuid,
    pub parent_id: Option<Uuid>,
    pub author: Option<PersonRef>,
    /// `null` once removed.
    pub body: Option<String>,
    pub removed: bool,
    /// Hidden by moderation: its text is shown only to its author and the moderators
    /// (`body` is `null` for everyone else, and the thread says why).
    pub hidden: bool,
    /// Hidden until a moderator has looked at it (a link from a new account), rather than
    /// hidden by a decision.
    pub awaiting_review: bool,
    /// Whether you may remove it (its author, or you run the lab).
    pub can_remove: bool,
    pub created_at: DateTime<Utc>,
    /// Replies, oldest first (replies have none).
    #[cfg_attr(feature = "openapi", schema(no_recursion))]
    pub replies: Vec<Comment>,
}

/// `POST /ideas/{id}/comments`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"body": "Bra idé! Jag kan hjälpa till.", "parent_id": null})))]
#[serde(deny_unknown_fields)]
pub struct CreateComment {
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 5000))]
    pub body: String,
    /// Reply to this top-level comment.
    #[serde(default)]
    pub parent_id: Option<Uuid>,
    /// What the web client's form saw (spam defence); other clients leave it out.
    #[serde(default)]
    pub form: Option<crate::FormSignals>,
}

#[cfg(test)]
mod tests {
    use super::IdeaStatus::*;

    #[test]
    fn ideas_move_forward_one_step_or_are_rejected_or_archived() {
        assert_eq!(
            Submitted.allowed_moves(),
            vec![Shortlisted, Rejected, Archived]
        );
        assert_eq!(Testing.allowed_moves(), vec![Verified, Rejected, Archived]);
        assert_eq!(Verified.allowed_moves(), vec![Rejected, Archived]);
        assert_eq!(Rejected.allowed_moves(), vec![Archived]);
        assert!(Archived.allowed_moves().is_empty());
        assert!(!Submitted.may_move_to(Testing));
        assert!(!Shortlisted.may_move_to(Submitted));
        assert!(Rejected.needs_reason() && Archived.needs_reason() && !Testing.needs_reason());
    }
}
