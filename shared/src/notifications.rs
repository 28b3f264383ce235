//! What a notification is about and how a person wants it mailed.

use serde::{Deserialize, Serialize};

use crate::matches::Notification;
use crate::string_enum;

string_enum! {
    /// The kinds of notification (`Notification::kind`).
    pub enum NotificationKind {
        MatchRequested = "match_requested",
        MatchAccepted = "match_accepted",
        MatchDeclined = "match_declined",
        MatchWithdrawn = "match_withdrawn",
        MatchStarted = "match_started",
        MatchCompleted = "match_completed",
        MatchMessage = "match_message",
        IdeaStatusChanged = "idea_status_changed",
        CommentReply = "comment_reply",
        MemberAdded = "member_added",
        WebhookDisabled = "webhook_disabled",
        MethodPublished = "method_published",
        MethodAdopted = "method_adopted",
        ContentHidden = "content_hidden",
        ContentRestored = "content_restored",
    }
}

string_enum! {
    /// How a kind of notification is mailed: each at once, gathered into a daily or weekly
    /// digest of what is still unread, or not at all.
    pub enum MailFrequency {
        Immediately = "immediately",
        Daily = "daily",
        Weekly = "weekly",
        Never = "never",
    }
}

impl NotificationKind {
    /// Match requests and their answers are mailed at once; the rest in a daily digest.
    pub fn default_frequency(self) -> MailFrequency {
        match self {
            Self::MatchRequested | Self::MatchAccepted | Self::MatchDeclined => {
                MailFrequency::Immediately
            }
            _ => MailFrequency::Daily,
        }
    }
}

/// One kind's setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NotificationSetting {
    pub kind: NotificationKind,
    pub frequency: MailFrequency,
}

/// How each kind of notification is mailed to the signed-in person (every kind listed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NotificationSettings {
    pub items: Vec<NotificationSetting>,
    /// Increases with every change; send it back in `If-Match`.
    pub version: i32,
}

/// `PATCH /me/notification-settings`: the kinds given change, the others stay.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"items": [{"kind": "match_message", "frequency": "weekly"}]})))]
#[serde(deny_unknown_fields)]
pub struct UpdateNotificationSettings {
    pub items: Vec<NotificationSetting>,
}

impl Notification {
    /// What the notification names: the offering, idea, method, organisation or webhook.
    pub fn title(&self) -> &str {
        [
            "offering_title",
            "idea_title",
            "method_title",
            "content_title",
            "organization_name",
            "webhook_url",
        ]
        .iter()
        .find_map(|key| self.details.get(*key).and_then(|value| value.as_str()))
        .unwrap_or_default()
    }

    /// The web client's page of what it is about.
    pub fn path(&self) -> String {
        let collection = match self.subject_type.as_str() {
            "match" => "matches",
            "organization" => "organizations",
            "method" => "methods",
            "offering" => "offerings",
            "need" => "needs",
            "lab" => "labs",
            _ => "ideas",
        };
        format!("/{collection}/{}", self.subject_id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn notification(subject_type: &str, details: serde_json::Value) -> Notification {
        Notification {
            id: uuid::Uuid::nil(),
            kind: "match_requested".into(),
            subject_type: subject_type.into(),
            subject_id: uuid::Uuid::nil(),
            details,
            read: false,
            created_at: chrono::DateTime::UNIX_EPOCH,
        }
    }

    #[test]
    fn a_notification_names_its_subject_and_links_to_its_page() {
        let method = notification("method", serde_json::json!({"method_title": "Läxhjälp"}));
        assert_eq!(method.title(), "Läxhjälp");
        assert_eq!(method.path(), format!("/methods/{}", uuid::Uuid::nil()));
        let matched = notification(
            "match",
            serde_json::json!({"need_title": "Behov", "offering_title": "Erbjudande"}),
        );
        assert_eq!(matched.title(), "Erbjudande");
        assert!(matched.path().starts_with("/matches/"));
    }

    #[test]
    fn requests_and_answers_are_mailed_at_once_the_rest_daily() {
        assert_eq!(
            NotificationKind::MatchRequested.default_frequency(),
            MailFrequency::Immediately
        );
        assert_eq!(
            NotificationKind::CommentReply.default_frequency(),
            MailFrequency::Daily
        );
    }
}
