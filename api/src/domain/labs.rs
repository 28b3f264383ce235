//! The rules for labs, indicators, needs and ideas that need no database.

use chrono::NaiveDate;
use shared::Direction;
use shared::limits;

use super::validation::FieldErrors;

/// The earliest and latest dates a lab or measurement may carry: wide enough for the
/// 2018 labs and long plans, narrow enough to catch typos such as 20180.
const EARLIEST: NaiveDate = date(1990, 1, 1);
const LATEST: NaiveDate = date(2100, 12, 31);

const fn date(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => NaiveDate::MIN,
    }
}

/// The texts and dates of a lab.
pub struct LabText<'a> {
    pub title: &'a str,
    pub summary: &'a str,
    pub description: &'a str,
    pub neighbourhood: &'a str,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
}

pub fn check_lab(errors: &mut FieldErrors, lab: &LabText<'_>) {
    errors.length(lab.title, "title", limits::TITLE);
    errors.length(lab.summary, "summary", limits::SUMMARY);
    errors.length(lab.description, "description", limits::LAB_DESCRIPTION);
    errors.length(lab.neighbourhood, "neighbourhood", limits::NEIGHBOURHOOD);
    check_date(errors, "starts_on", lab.starts_on);
    check_date(errors, "ends_on", lab.ends_on);
    if let (Some(starts), Some(ends)) = (lab.starts_on, lab.ends_on)
        && ends < starts
    {
        errors.add(
            "ends_on",
            "before_start",
            crate::t!("field-ends-before-start"),
        );
    }
}

pub fn check_date(errors: &mut FieldErrors, field: &str, date: Option<NaiveDate>) {
    if let Some(date) = date
        && !(EARLIEST..=LATEST).contains(&date)
    {
        errors.add(field, "range", crate::t!("field-date-range"));
    }
}

/// An indicator must say which way is better, and its target must lie that way.
pub fn check_indicator(
    errors: &mut FieldErrors,
    name: &str,
    unit: &str,
    baseline: f64,
    target: f64,
    direction: Direction,
) {
    errors.length(name, "name", limits::TITLE);
    errors.length(unit, "unit", limits::UNIT);
    check_number(errors, "baseline", baseline);
    check_number(errors, "target", target);
    let towards = match direction {
        Direction::Increase => target > baseline,
        Direction::Decrease => target < baseline,
    };
    if baseline.is_finite() && target.is_finite() && !towards {
        errors.add(
            "target",
            "direction",
            match direction {
                Direction::Increase => crate::t!("field-target-above-baseline"),
                Direction::Decrease => crate::t!("field-target-below-baseline"),
            },
        );
    }
}

/// Values are stored as double precision; keep them to what a person can mean.
pub fn check_number(errors: &mut FieldErrors, field: &str, value: f64) {
    if !value.is_finite() || value.abs() > 1e12 {
        errors.add(field, "range", crate::t!("field-number-range"));
    }
}

/// Tags: trimmed, lower-case, without duplicates; at most 10 of at most 40 characters.
pub fn normalize_tags(errors: &mut FieldErrors, tags: &[String]) -> Vec<String> {
    normalize_tags_of(errors, "tags", tags)
}

/// Tags in a field of another name (a method's `target_groups`), by the same rule.
pub fn normalize_tags_of(errors: &mut FieldErrors, field: &str, tags: &[String]) -> Vec<String> {
    let mut normalized: Vec<String> = Vec::new();
    for tag in tags {
        let tag = tag.trim().to_lowercase();
        if tag.is_empty() || tag.chars().count() > 40 {
            errors.add(field, "length", crate::t!("field-tag-length"));
            return Vec::new();
        }
        if !normalized.contains(&tag) {
            normalized.push(tag);
        }
    }
    if normalized.len() > 10 {
        errors.add(field, "too_many", crate::t!("field-too-many-tags"));
    }
    normalized
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors_of(check: impl FnOnce(&mut FieldErrors)) -> Vec<String> {
        let mut errors = FieldErrors::default();
        check(&mut errors);
        errors.fields()
    }

    #[test]
    fn a_lab_ends_after_it_starts_within_sane_years() {
        let lab = |starts: (i32, u32), ends: (i32, u32)| LabText {
            title: "Portalen",
            summary: "",
            description: "",
            neighbourhood: "Navestad",
            starts_on: NaiveDate::from_ymd_opt(starts.0, starts.1, 1),
            ends_on: NaiveDate::from_ymd_opt(ends.0, ends.1, 1),
        };
        assert!(errors_of(|e| check_lab(e, &lab((2018, 9), (2020, 6)))).is_empty());
        assert_eq!(
            errors_of(|e| check_lab(e, &lab((2020, 6), (2018, 9)))),
            vec!["ends_on"]
        );
        assert_eq!(
            errors_of(|e| check_lab(e, &lab((1018, 9), (2020, 6)))),
            vec!["starts_on"]
        );
    }

    #[test]
    fn an_indicator_target_lies_in_its_direction() {
        let check = |baseline, target, direction| {
            errors_of(|e| check_indicator(e, "Trygghet", "%", baseline, target, direction))
        };
        assert!(check(54.0, 70.0, Direction::Increase).is_empty());
        assert!(check(12.0, 5.0, Direction::Decrease).is_empty());
        assert_eq!(check(54.0, 50.0, Direction::Increase), vec!["target"]);
        assert_eq!(check(5.0, 5.0, Direction::Decrease), vec!["target"]);
        assert_eq!(check(f64::NAN, 5.0, Direction::Decrease), vec!["baseline"]);
    }

    #[test]
    fn tags_are_trimmed_lower_cased_and_deduplicated() {
        let mut errors = FieldErrors::default();
        let tags = normalize_tags(
            &mut errors,
            &[
                " Kvinnor ".to_owned(),
                "kvinnor".to_owned(),
                "Jobb".to_owned(),
            ],
        );
        assert_eq!(tags, vec!["kvinnor", "jobb"]);
        assert!(errors.fields().is_empty());
        let many: Vec<String> = (0..11).map(|i| format!("tag{i}")).collect();
        assert_eq!(errors_of(|e| drop(normalize_tags(e, &many))), vec!["tags"]);
    }
}
