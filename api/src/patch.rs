//! The merge of a `PATCH`: a field that is sent replaces the current value; a field left
//! out keeps it.

/// A text field: the sent text, trimmed, or the current one.
pub fn text<'a>(sent: &'a Option<String>, current: &'a str) -> &'a str {
    sent.as_deref().map_or(current, str::trim)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_sent_text_is_trimmed_and_replaces_and_a_missing_one_keeps_the_current() {
        assert_eq!(text(&Some("  Ny titel ".to_owned()), "Gammal"), "Ny titel");
        assert_eq!(text(&Some(String::new()), "Gammal"), "");
        assert_eq!(text(&None, "Gammal"), "Gammal");
    }
}
