//! How each kind of notification is mailed to a person: what they chose, else the default.

use shared::{MailFrequency, NotificationKind, NotificationSetting};

/// Every kind's setting, from the stored choices (`{"kind": "frequency"}`); a stored value
/// that is no frequency counts as the default.
pub fn settings(chosen: &serde_json::Value) -> Vec<NotificationSetting> {
    NotificationKind::ALL
        .iter()
        .map(|&kind| NotificationSetting {
            kind,
            frequency: chosen
                .get(kind.as_str())
                .and_then(|value| value.as_str())
                .and_then(MailFrequency::parse)
                .unwrap_or_else(|| kind.default_frequency()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_choice_overrides_the_default_of_its_kind_only() {
        let chosen = serde_json::json!({"match_requested": "weekly", "comment_reply": "bogus"});
        let all = settings(&chosen);
        assert_eq!(all.len(), NotificationKind::ALL.len());
        let of = |kind| all.iter().find(|s| s.kind == kind).map(|s| s.frequency);
        assert_eq!(
            of(NotificationKind::MatchRequested),
            Some(MailFrequency::Weekly)
        );
        assert_eq!(
            of(NotificationKind::MatchAccepted),
            Some(MailFrequency::Immediately)
        );
        assert_eq!(
            of(NotificationKind::CommentReply),
            Some(MailFrequency::Daily)
        );
    }
}
