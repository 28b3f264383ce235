//! The merge of a `PATCH`: a field that is sent replaces the current value; a field left
//! out keeps it.

use std::ops::Deref;

use crate::domain::labs::normalize_tags;
use crate::domain::validation::FieldErrors;

/// A text field: the sent text, trimmed, or the current one.
pub fn text<'a>(sent: &'a Option<String>, current: &'a str) -> &'a str {
    sent.as_deref().map_or(current, str::trim)
}

/// Any other field: the sent value as it is, or the current one.
pub fn value<'a, T: Deref>(sent: &'a Option<T>, current: &'a T::Target) -> &'a T::Target {
    sent.as_deref().unwrap_or(current)
}

/// Tags: the sent ones normalised (their problems noted in `errors`), or the current ones.
pub fn tags(
    errors: &mut FieldErrors,
    sent: &Option<Vec<String>>,
    current: &[String],
) -> Vec<String> {
    match sent {
        Some(tags) => normalize_tags(errors, tags),
        None => current.to_vec(),
    }
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

    #[test]
    fn a_sent_value_replaces_as_it_is_and_a_missing_one_keeps_the_current() {
        assert_eq!(value(&Some(" 0180".to_owned()), "0581"), " 0180");
        assert_eq!(value(&None::<String>, "0581"), "0581");
        assert_eq!(value(&Some(vec![1, 2]), &[3][..]), &[1, 2]);
    }

    #[test]
    fn sent_tags_are_normalised_and_missing_ones_kept() {
        let mut errors = FieldErrors::default();
        let current = vec!["läxhjälp".to_owned()];
        assert_eq!(tags(&mut errors, &None, &current), current);
        let sent = vec!["  Trygghet ".to_owned(), "trygghet".to_owned()];
        let normalised = normalize_tags(&mut errors, &sent);
        assert_eq!(tags(&mut errors, &Some(sent), &current), normalised);
        assert_ne!(normalised, current);
        assert!(errors.finish().is_ok());
    }
}
