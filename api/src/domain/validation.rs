//! Collecting every field error of a request at once, so a form can show them all.

use shared::FieldError;
use shared::limits::Length;

use crate::error::ApiError;

#[derive(Debug, Default)]
pub struct FieldErrors(Vec<FieldError>);

impl FieldErrors {
    pub fn add(&mut self, field: &str, code: &str, message: impl Into<String>) {
        self.0.push(FieldError {
            field: field.to_owned(),
            code: code.to_owned(),
            message: message.into(),
        });
    }

    /// Records an error unless `ok`.
    pub fn check(&mut self, ok: bool, field: &str, code: &str, message: &str) {
        if !ok {
            self.add(field, code, message);
        }
    }

    /// Checks a text's length in characters against `min..=max`: the shortest after
    /// trimming (spaces are not content), the longest as sent (what the OpenAPI document's
    /// `maxLength` promises a client).
    pub fn length(&mut self, value: &str, field: &str, limit: Length) {
        let Length { min, max } = limit;
        let length = value.trim().chars().count();
        if length < min {
            let message = if min == 1 {
                crate::t!("field-required")
            } else {
                crate::t!("field-too-short", min = min)
            };
            self.add(
                field,
                if min == 1 { "required" } else { "too_short" },
                message,
            );
        } else if value.chars().count() > max {
            self.add(field, "too_long", crate::t!("field-too-long", max = max));
        }
    }

    /// Checks a web address: an absolute `http` or `https` URL with a host, no spaces, at
    /// most `max` characters.
    pub fn web_address(&mut self, value: &str, field: &str, max: usize) {
        let valid = value.len() <= max
            && !value.chars().any(char::is_whitespace)
            && url::Url::parse(value).is_ok_and(|url| {
                matches!(url.scheme(), "http" | "https")
                    && url.host_str().is_some_and(|h| !h.is_empty())
            });
        self.check(valid, field, "format", &crate::t!("field-web-address"));
    }

    /// The fields with errors so far, in order (for tests).
    pub fn fields(&self) -> Vec<String> {
        self.0.iter().map(|error| error.field.clone()).collect()
    }

    /// `Ok(())` when nothing was recorded, else a 422 with every error.
    pub fn finish(self) -> Result<(), ApiError> {
        if self.0.is_empty() {
            Ok(())
        } else {
            Err(ApiError::Validation(self.0))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(value: &str, limit: Length) -> Vec<String> {
        let mut errors = FieldErrors::default();
        errors.length(value, "title", limit);
        match errors.finish() {
            Err(ApiError::Validation(errors)) => errors.into_iter().map(|e| e.code).collect(),
            _ => Vec::new(),
        }
    }

    #[test]
    fn the_shortest_is_counted_trimmed_and_the_longest_as_sent() {
        let limit = Length { min: 2, max: 5 };
        assert_eq!(
            codes("  a  ", limit),
            ["too_short"],
            "spaces are not content"
        );
        assert_eq!(codes("ab", limit), Vec::<String>::new());
        assert_eq!(
            codes("åäöüé", limit),
            Vec::<String>::new(),
            "characters, not bytes"
        );
        assert_eq!(
            codes("\tabcde", limit),
            ["too_long"],
            "what maxLength promises"
        );
    }
}
