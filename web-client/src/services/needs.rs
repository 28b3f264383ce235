//! Needs and the offerings suggested for them.

use std::fmt::Display;

use shared::{Need, OfferingSuggestion, Page, UpdateNeed};

use super::{Read, Write, segment};

/// `GET /needs` with the list's filters (`list_needs`).
pub fn list(filters: &[(&str, Option<String>)]) -> Read<Page<Need>> {
    Read::with_query("/needs", filters)
}

/// `get_need`
pub fn get(id: impl Display) -> Read<Need> {
    Read::new(format!("/needs/{}", segment(id)))
}

/// `list_need_suggestions`
pub fn suggestions(id: impl Display) -> Read<Page<OfferingSuggestion>> {
    Read::new(format!("/needs/{}/suggestions", segment(id)))
}

/// `update_need`
pub fn update(id: impl Display, body: &UpdateNeed) -> Write<Need> {
    Write::patch(format!("/needs/{}", segment(id)), body)
}
