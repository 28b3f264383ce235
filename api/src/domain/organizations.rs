//! Rules for organisations and their members.

use super::validation::FieldErrors;

/// Checks a website address: http(s), no spaces, at most 500 characters.
pub fn check_website(errors: &mut FieldErrors, website: &str) {
    errors.web_address(website, "website", 500);
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
        assert!(!check("ftp://files.example.se"));
        assert!(check("http://example.se/rapport.pdf"));
    }
}
