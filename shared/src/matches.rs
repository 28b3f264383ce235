//! Matches between a need and an offering, their message threads, and notifications.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::labs::{OrganizationRef, PersonRef};
use crate::string_enum;

string_enum! {
    /// Where a match stands.
    pub enum MatchState {
        Requested = "requested",
        Accepted = "accepted",
        Declined = "declined",
        Withdrawn = "withdrawn",
        Active = "active",
        Completed = "completed",
    }
}

string_enum! {
    /// The two sides of a match: the need's organisation and the offering's.
    pub enum MatchSide {
        Need = "need",
        Offering = "offering",
    }
}

string_enum! {
    /// What a side may do to a match.
    pub enum MatchAction {
        Accept = "accept",
        Decline = "decline",
        Withdraw = "withdraw",
        Start = "start",
        Complete = "complete",
    }
}

impl MatchSide {
    pub fn other(self) -> Self {
        match self {
            MatchSide::Need => MatchSide::Offering,
            MatchSide::Offering => MatchSide::Need,
        }
    }
}

impl MatchAction {
    /// The state an action leads to from `state`, if the machine allows it at all:
    /// `requested → accepted | declined | withdrawn`, `accepted → active → completed`.
    pub fn next_state(self, state: MatchState) -> Option<MatchState> {
        use MatchAction::*;
        use MatchState::*;
        match (state, self) {
            (Requested, Accept) => Some(Accepted),
            (Requested, Decline) => Some(Declined),
            (Requested, Withdraw) => Some(Withdrawn),
            (MatchState::Accepted, Start) => Some(Active),
            (Active, Complete) => Some(Completed),
            _ => None,
        }
    }

    /// Whether `side` may take this action on a match requested by `requested_by`: the side
    /// that did not ask accepts or declines, the asking side withdraws; either starts and
    /// completes.
    pub fn taken_by(self, side: MatchSide, requested_by: MatchSide) -> bool {
        match self {
            MatchAction::Accept | MatchAction::Decline => side != requested_by,
            MatchAction::Withdraw => side == requested_by,
            MatchAction::Start | MatchAction::Complete => true,
        }
    }

    /// What the sides the caller acts for may do now.
    pub fn allowed(state: MatchState, requested_by: MatchSide, sides: &[MatchSide]) -> Vec<Self> {
        Self::ALL
            .iter()
            .copied()
            .filter(|action| action.next_state(state).is_some())
            .filter(|action| {
                sides
                    .iter()
                    .any(|side| action.taken_by(*side, requested_by))
            })
            .collect()
    }
}

/// An offering named in a match.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfferingRef {
    pub id: Uuid,
    pub title: String,
}

/// A need named in a match.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NeedRef {
    pub id: Uuid,
    pub title: String,
    pub lab_id: Uuid,
}

/// A match.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0192e9b0-7d1c-7c3e-9f3a-1b2c3d4e5f80",
    "need": {"id": "0192e9b0-7d1c-7c3e-9f3a-1b2c3d4e5f64", "title": "Jobbcoachning för kvinnor", "lab_id": "0192e9b0-7d1c-7c3e-9f3a-1b2c3d4e5f61"},
    "offering": {"id": "0192e9b0-7d1c-7c3e-9f3a-1b2c3d4e5f70", "title": "Jobbcoachning för kvinnor"},
    "need_organization": {"id": "0192e9b0-7d1c-7c3e-9f3a-1b2c3d4e5f60", "name": "Hyresbostäder i Norrköping"},
    "offering_organization": {"id": "0192e9b0-7d1c-7c3e-9f3a-1b2c3d4e5f71", "name": "Kvinnokraft Norrköping"},
    "requested_by": "need", "state": "requested", "message": "Kan ni hjälpa oss i Navestad?",
    "reason": null, "outcome": null, "lab_id": null, "my_sides": ["need"], "allowed_actions": ["withdraw"],
    "created_at": "2026-11-27T09:00:00Z", "updated_at": "2026-11-27T09:00:00Z"
})))]
pub struct Match {
    pub id: Uuid,
    pub need: NeedRef,
    pub offering: OfferingRef,
    pub need_organization: OrganizationRef,
    pub offering_organization: OrganizationRef,
    pub requested_by: MatchSide,
    pub state: MatchState,
    /// The request's message.
    pub message: String,
    /// Why it was declined or withdrawn.
    pub reason: Option<String>,
    /// What came of it, when completed.
    pub outcome: Option<String>,
    /// The lab it became, if any.
    pub lab_id: Option<Uuid>,
    /// The sides you act for.
    pub my_sides: Vec<MatchSide>,
    /// What you may do now.
    pub allowed_actions: Vec<MatchAction>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// `POST /matches`: by a member (or key with `matches:write`) of either side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "need_id": "0192e9b0-7d1c-7c3e-9f3a-1b2c3d4e5f64", "offering_id": "0192e9b0-7d1c-7c3e-9f3a-1b2c3d4e5f70",
    "message": "Hej! Vi söker jobbcoachning för kvinnor i Navestad. Kan vi ses?"
})))]
#[serde(deny_unknown_fields)]
pub struct CreateMatch {
    pub need_id: Uuid,
    pub offering_id: Uuid,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 5000))]
    pub message: String,
}

/// The body of an action on a match: `reason` for declining or withdrawing (required to
/// decline), `outcome` for completing (required).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"reason": "Vi har inte kapacitet i höst."})))]
#[serde(deny_unknown_fields)]
pub struct MatchDecision {
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub reason: Option<String>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 5000))]
    pub outcome: Option<String>,
}

/// A message in a match's thread.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MatchMessage {
    pub id: Uuid,
    pub author: Option<PersonRef>,
    /// The side's organisation the author wrote for.
    pub organization: OrganizationRef,
    pub body: String,
    pub created_at: DateTime<Utc>,
}

/// `POST /matches/{id}/messages`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"body": "Passar tisdag klockan 10?"})))]
#[serde(deny_unknown_fields)]
pub struct CreateMatchMessage {
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 5000))]
    pub body: String,
}

/// An in-app notification.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Notification {
    pub id: Uuid,
    /// One of [`crate::NotificationKind`]: `match_requested`, `match_accepted`, … (a text,
    /// so that a client meeting a newer kind can still show it).
    pub kind: String,
    /// `match`, `idea`, `organization` or `method`.
    pub subject_type: String,
    pub subject_id: Uuid,
    /// What the client needs to say it (titles, states, reasons).
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub details: serde_json::Value,
    pub read: bool,
    pub created_at: DateTime<Utc>,
}

/// A page of notifications, newest first, with how many are unread in all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Notifications {
    pub items: Vec<Notification>,
    pub next_cursor: Option<String>,
    pub unread_count: i64,
}

#[cfg(test)]
mod tests {
    use super::MatchAction::*;
    use super::MatchSide::*;
    use super::MatchState::*;
    use super::*;

    #[test]
    fn the_other_side_answers_the_asking_side_withdraws_either_goes_on() {
        assert_eq!(
            MatchAction::allowed(Requested, Need, &[Offering]),
            vec![Accept, Decline]
        );
        assert_eq!(
            MatchAction::allowed(Requested, Need, &[Need]),
            vec![Withdraw]
        );
        assert_eq!(
            MatchAction::allowed(Requested, Need, &[Need, Offering]),
            vec![Accept, Decline, Withdraw]
        );
        assert_eq!(
            MatchAction::allowed(MatchState::Accepted, Offering, &[Need]),
            vec![Start]
        );
        assert_eq!(
            MatchAction::allowed(Active, Offering, &[Offering]),
            vec![Complete]
        );
        for ended in [Declined, Withdrawn, Completed] {
            assert!(MatchAction::allowed(ended, Need, &[Need, Offering]).is_empty());
        }
        assert!(MatchAction::allowed(Requested, Need, &[]).is_empty());
        assert_eq!(Accept.next_state(Active), None);
    }
}
