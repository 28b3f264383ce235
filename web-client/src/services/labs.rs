//! Labs and what hangs on them.

use std::fmt::Display;

use shared::{Idea, Indicator, Lab, Need, Page, Participant, PhaseChange};

use super::{Read, segment};

/// `GET /labs` with the list's filters (`list_labs`).
pub fn list(filters: &[(&str, Option<String>)]) -> Read<Page<Lab>> {
    Read::with_query("/labs", filters)
}

/// The newest `count` labs (`list_labs`).
pub fn newest(count: usize) -> Read<Page<Lab>> {
    list(&[("limit", Some(count.to_string()))])
}

/// The labs an organisation hosts (`list_labs`).
pub fn hosted_by(organization: impl Display) -> Read<Page<Lab>> {
    list(&[("host", Some(organization.to_string()))])
}

/// `get_lab`
pub fn get(id: impl Display) -> Read<Lab> {
    Read::new(format!("/labs/{}", segment(id)))
}

/// `list_lab_history`
pub fn history(id: impl Display) -> Read<Page<PhaseChange>> {
    Read::new(format!("/labs/{}/history", segment(id)))
}

/// `list_lab_participants`
pub fn participants(id: impl Display) -> Read<Page<Participant>> {
    Read::new(format!("/labs/{}/participants", segment(id)))
}

/// `list_lab_indicators`
pub fn indicators(id: impl Display) -> Read<Page<Indicator>> {
    Read::new(format!("/labs/{}/indicators", segment(id)))
}

/// `list_lab_needs`
pub fn needs(id: impl Display) -> Read<Page<Need>> {
    Read::new(format!("/labs/{}/needs", segment(id)))
}

/// A lab's ideas, most voted first (`list_lab_ideas`).
pub fn ideas_by_votes(id: impl Display) -> Read<Page<Idea>> {
    Read::new(format!("/labs/{}/ideas?sort=most_voted", segment(id)))
}
