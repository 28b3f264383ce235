//! Offerings and the needs suggested for them.

use std::fmt::Display;

use shared::{CreateOffering, NeedSuggestion, Offering, Page, UpdateOffering};

use super::{Read, Write, segment};

/// `GET /offerings` with the list's filters (`list_offerings`).
pub fn list(filters: &[(&str, Option<String>)]) -> Read<Page<Offering>> {
    Read::with_query("/offerings", filters)
}

/// The active offerings of an organisation (`list_offerings`).
pub fn active_of(organization: impl Display) -> Read<Page<Offering>> {
    list(&[
        ("organization", Some(organization.to_string())),
        ("status", Some("active".to_owned())),
    ])
}

/// `get_offering`
pub fn get(id: impl Display) -> Read<Offering> {
    Read::new(format!("/offerings/{}", segment(id)))
}

/// `list_offering_suggestions`
pub fn suggestions(id: impl Display) -> Read<Page<NeedSuggestion>> {
    Read::new(format!("/offerings/{}/suggestions", segment(id)))
}

/// `create_offering`
pub fn create(body: &CreateOffering) -> Write<Offering> {
    Write::post("/offerings", body)
}

/// `update_offering`
pub fn update(id: impl Display, body: &UpdateOffering) -> Write<Offering> {
    Write::patch(format!("/offerings/{}", segment(id)), body)
}
