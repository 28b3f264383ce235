//! Rules for people's accounts.

use email_address::{EmailAddress, Options};

use super::validation::FieldErrors;

pub const PASSWORD_MIN: usize = 10;
pub const PASSWORD_MAX: usize = 128;

/// The longest e-mail address there can be (RFC 5321's path limit).
pub const MAX_EMAIL_LENGTH: usize = 254;

/// An e-mail address as stored: trimmed and lower-cased.
pub fn normalize_email(raw: &str) -> String {
    raw.trim().to_lowercase()
}

/// Checks a (normalised) e-mail address: a plain address with a top-level domain.
pub fn check_email(errors: &mut FieldErrors, field: &str, email: &str) {
    let options = Options::default()
        .with_required_tld()
        .without_display_text()
        .without_domain_literal();
    let valid =
        email.len() <= MAX_EMAIL_LENGTH && EmailAddress::parse_with_options(email, options).is_ok();
    errors.check(valid, field, "format", &crate::t!("field-email"));
}

/// Checks a new password's length (in characters).
pub fn check_password(errors: &mut FieldErrors, field: &str, password: &str) {
    let length = password.chars().count();
    if length < PASSWORD_MIN {
        errors.add(
            field,
            "too_short",
            crate::t!("field-too-short", min = PASSWORD_MIN),
        );
    } else if length > PASSWORD_MAX {
        errors.add(
            field,
            "too_long",
            crate::t!("field-too-long", max = PASSWORD_MAX),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors_of(check: impl FnOnce(&mut FieldErrors)) -> bool {
        let mut errors = FieldErrors::default();
        check(&mut errors);
        errors.finish().is_err()
    }

    #[test]
    fn emails_are_trimmed_and_lower_cased() {
        assert_eq!(
            normalize_email("  Anna.Lindqvist@Example.SE "),
            "anna.lindqvist@example.se"
        );
    }

    #[test]
    fn only_plain_addresses_with_a_domain_pass() {
        assert!(!errors_of(|e| check_email(e, "email", "anna@example.se")));
        for bad in [
            "anna",
            "anna@localhost",
            "Anna <anna@example.se>",
            "anna@[127.0.0.1]",
            "",
        ] {
            assert!(
                errors_of(|e| check_email(e, "email", bad)),
                "{bad:?} passed"
            );
        }
    }

    #[test]
    fn passwords_need_10_to_128_characters() {
        assert!(errors_of(|e| check_password(e, "password", "kort")));
        assert!(!errors_of(|e| check_password(e, "password", "åäöåäöåäöå")));
        assert!(errors_of(|e| check_password(
            e,
            "password",
            &"x".repeat(129)
        )));
    }
}
