//! Spam defence: what marks a form as filled by a program, and which texts wait for a
//! moderator before anyone sees them. It must never stop a person: a workshop of 30
//! residents who register from one address within an hour and each post an idea passes.

use chrono::{DateTime, Duration, Utc};
use shared::FormSignals;

/// How long an account is new: its links wait for a moderator.
pub const NEW_ACCOUNT: Duration = Duration::hours(24);

/// Whether the form was filled by a program: the hidden field filled, or filled faster
/// than a person can (`min_fill_ms`, `FORM_MIN_FILL_MS`).
pub fn looks_automated(form: &FormSignals, min_fill_ms: u32) -> bool {
    !form.honeypot.trim().is_empty() || form.filled_in_ms < min_fill_ms
}

/// Refuses a form filled by a program (422 on `form`, saying only that it looked so).
pub fn refuse_automated(
    form: Option<&FormSignals>,
    policy: crate::config::SpamPolicy,
) -> Result<(), crate::error::ApiError> {
    if form.is_some_and(|form| looks_automated(form, policy.min_fill_ms)) {
        return Err(crate::error::ApiError::invalid_field(
            "form",
            "automated",
            crate::t!("field-form-automated"),
        ));
    }
    Ok(())
}

/// Whether a text has a link (`http://`, `https://` or `www.`).
pub fn has_link(text: &str) -> bool {
    let lower = text.to_lowercase();
    ["http://", "https://", "www."]
        .iter()
        .any(|marker| lower.contains(marker))
}

/// Whether a text waits for a moderator: links from an account younger than a day.
pub fn held_for_review(account_created: DateTime<Utc>, now: DateTime<Utc>, texts: &[&str]) -> bool {
    now - account_created < NEW_ACCOUNT && texts.iter().any(|text| has_link(text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_filled_hidden_field_or_a_form_sent_in_a_blink_is_a_program() {
        let person = FormSignals {
            honeypot: String::new(),
            filled_in_ms: 9000,
        };
        assert!(!looks_automated(&person, 2000));
        let filled = FormSignals {
            honeypot: "http://spam".into(),
            ..person.clone()
        };
        assert!(looks_automated(&filled, 2000));
        let quick = FormSignals {
            filled_in_ms: 300,
            ..person
        };
        assert!(looks_automated(&quick, 2000));
        assert!(!looks_automated(&quick, 0), "no minimum when configured so");
    }

    #[test]
    fn links_from_a_new_account_wait_and_plain_words_never_do() {
        let now = Utc::now();
        let new = now - Duration::hours(2);
        let old = now - Duration::days(3);
        assert!(held_for_review(
            new,
            now,
            &["Billiga klockor", "Se https://example.com"]
        ));
        assert!(held_for_review(new, now, &["WWW.EXAMPLE.COM"]));
        assert!(!held_for_review(
            new,
            now,
            &["Grillkväll på gården", "Varje fredag."]
        ));
        assert!(!held_for_review(old, now, &["Se https://example.com"]));
    }
}
