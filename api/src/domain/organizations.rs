//! Rules for organisations and their members.

use super::validation::FieldErrors;

/// Checks a website address: http(s), no spaces, at most 500 characters.
pub fn check_website(errors: &mut FieldErrors, website: &str) {
    let valid = (website.starts_with("https://") || website.starts_with("http://"))
        && website.len() <= 500
        && website.len() > "https://".len()
        && !website.chars().any(char::is_whitespace);
    errors.check(
        valid,
        "website",
        "format",
        "must be an address starting with https:// or http://",
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn websites_must_be_http_addresses() {
        let check = |value: &str| {
            let mut errors = FieldErrors::default();
            check_website(&mut errors, value);
            errors.finish().is_ok()
        };
        assert!(check("https://www.hyresbostader.se"));
        assert!(!check("www.hyresbostader.se"));
        assert!(!check("javascript:alert(1)"));
        assert!(!check("https://"));
        assert!(!check("https://a b.se"));
    }
}
