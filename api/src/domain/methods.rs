//! Rules for the texts of methods, their resources and their evidence entries.

use shared::limits;
use shared::{Link, Resource, Transfer};

use super::validation::FieldErrors;

/// The most resources of a method and sources of an evidence entry.
pub const MAX_LINKS: usize = 20;

/// A method's texts, trimmed.
pub struct MethodText<'a> {
    pub title: &'a str,
    pub summary: &'a str,
    pub problem: &'a str,
    pub approach: &'a str,
    pub results: &'a str,
    pub transfer: &'a Transfer,
    pub licence: &'a str,
}

pub fn check_method(errors: &mut FieldErrors, text: &MethodText<'_>) {
    errors.length(text.title, "title", limits::TITLE);
    errors.length(text.summary, "summary", limits::SUMMARY);
    errors.length(text.problem, "problem", limits::METHOD_TEXT);
    errors.length(text.approach, "approach", limits::METHOD_TEXT);
    errors.length(text.results, "results", limits::METHOD_TEXT);
    let transfer = text.transfer;
    errors.length(&transfer.staff, "transfer.staff", limits::TRANSFER);
    errors.length(&transfer.time, "transfer.time", limits::TRANSFER);
    errors.length(
        &transfer.cost_range,
        "transfer.cost_range",
        limits::TRANSFER,
    );
    errors.length(
        &transfer.prerequisites,
        "transfer.prerequisites",
        limits::TRANSFER,
    );
    errors.length(text.licence, "licence", limits::LICENCE);
    errors.check(
        text.licence
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || ".-+".contains(c)),
        "licence",
        "format",
        &crate::t!("field-licence"),
    );
}

/// Titles and web addresses of links (`field` names the list: `resources`, `sources`).
fn check_links<'a>(
    errors: &mut FieldErrors,
    field: &str,
    links: impl ExactSizeIterator<Item = (&'a str, &'a str)>,
) {
    if links.len() > MAX_LINKS {
        errors.add(
            field,
            "too_many",
            crate::t!("field-too-many", max = MAX_LINKS),
        );
        return;
    }
    for (index, (title, url)) in links.enumerate() {
        errors.length(title, &format!("{field}[{index}].title"), limits::TITLE);
        errors.web_address(url, &format!("{field}[{index}].url"), limits::URL.max);
    }
}

pub fn check_resources(errors: &mut FieldErrors, resources: &[Resource]) {
    check_links(
        errors,
        "resources",
        resources.iter().map(|r| (r.title.as_str(), r.url.as_str())),
    );
}

pub fn check_sources(errors: &mut FieldErrors, sources: &[Link]) {
    check_links(
        errors,
        "sources",
        sources.iter().map(|s| (s.title.as_str(), s.url.as_str())),
    );
}

/// Trims each link's title and address.
pub fn trim_resources(resources: &[Resource]) -> Vec<Resource> {
    resources
        .iter()
        .map(|r| Resource {
            title: r.title.trim().to_owned(),
            url: r.url.trim().to_owned(),
            kind: r.kind,
        })
        .collect()
}

/// A level on Nesta's scale.
pub fn check_level(errors: &mut FieldErrors, level: i32) {
    errors.check(
        (1..=5).contains(&level),
        "level",
        "range",
        &crate::t!("field-level", min = 1),
    );
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::ResourceKind;

    fn errors_of(check: impl FnOnce(&mut FieldErrors)) -> Vec<String> {
        let mut errors = FieldErrors::default();
        check(&mut errors);
        errors.fields()
    }

    #[test]
    fn a_method_needs_a_title_and_an_spdx_licence() {
        let transfer = Transfer::default();
        let text = |title, licence| MethodText {
            title,
            summary: "",
            problem: "",
            approach: "",
            results: "",
            transfer: &transfer,
            licence,
        };
        assert!(errors_of(|e| check_method(e, &text("Portalen", "CC-BY-4.0"))).is_empty());
        assert_eq!(
            errors_of(|e| check_method(e, &text("P", "CC-BY-4.0"))),
            ["title"]
        );
        assert_eq!(
            errors_of(|e| check_method(e, &text("Portalen", "fri att använda"))),
            ["licence"]
        );
    }

    #[test]
    fn resources_are_titled_web_addresses() {
        let resource = |url: &str| Resource {
            title: "Handbok".to_owned(),
            url: url.to_owned(),
            kind: ResourceKind::Manual,
        };
        assert!(
            errors_of(|e| check_resources(e, &[resource("https://example.se/handbok.pdf")]))
                .is_empty()
        );
        assert_eq!(
            errors_of(|e| check_resources(
                e,
                &[resource("https://ok.se"), resource("javascript:alert(1)")]
            )),
            ["resources[1].url"]
        );
        let many = vec![resource("https://example.se"); MAX_LINKS + 1];
        assert_eq!(errors_of(|e| check_resources(e, &many)), ["resources"]);
    }

    #[test]
    fn levels_run_from_one_to_five() {
        assert!(errors_of(|e| check_level(e, 1)).is_empty());
        assert!(errors_of(|e| check_level(e, 5)).is_empty());
        assert_eq!(errors_of(|e| check_level(e, 0)), ["level"]);
        assert_eq!(errors_of(|e| check_level(e, 6)), ["level"]);
    }
}
