//! Labs and what hangs on them.

use std::fmt::Display;

use serde::Serialize;
use shared::{
    ChangePhase, CreateIdea, CreateIndicator, CreateLab, CreateNeed, Idea, Indicator, Lab, Need,
    Page, Participant, PhaseChange, UpdateLab,
};

use super::{Read, Write, segment};

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

/// `create_lab`
pub fn create(body: &CreateLab) -> Write<Lab> {
    Write::post("/labs", body)
}

/// `update_lab`
pub fn update(id: impl Display, body: &UpdateLab) -> Write<Lab> {
    Write::patch(format!("/labs/{}", segment(id)), body)
}

/// `change_lab_phase`
pub fn change_phase(id: impl Display, body: &ChangePhase) -> Write<Lab> {
    Write::post(format!("/labs/{}/phase", segment(id)), body)
}

/// `add_lab_participant`, with the form's fields as typed (an `AddParticipant`): the API
/// checks them and says which one is wrong.
pub fn add_participant(id: impl Display, body: &impl Serialize) -> Write<Participant> {
    Write::post(format!("/labs/{}/participants", segment(id)), body)
}

/// `remove_lab_participant`
pub fn remove_participant(id: impl Display, organization: impl Display) -> Write<()> {
    Write::delete(format!(
        "/labs/{}/participants/{}",
        segment(id),
        segment(organization)
    ))
}

/// `create_lab_indicator`
pub fn create_indicator(id: impl Display, body: &CreateIndicator) -> Write<Indicator> {
    Write::post(format!("/labs/{}/indicators", segment(id)), body)
}

/// `add_indicator_measurement`, with the form's fields as typed (a `CreateMeasurement`):
/// the API checks them and says which one is wrong.
pub fn add_measurement(
    id: impl Display,
    indicator: impl Display,
    body: &impl Serialize,
) -> Write<Indicator> {
    Write::post(
        format!(
            "/labs/{}/indicators/{}/measurements",
            segment(id),
            segment(indicator)
        ),
        body,
    )
}

/// `create_lab_need`
pub fn create_need(id: impl Display, body: &CreateNeed) -> Write<Need> {
    Write::post(format!("/labs/{}/needs", segment(id)), body)
}

/// `create_lab_idea`
pub fn create_idea(id: impl Display, body: &CreateIdea) -> Write<Idea> {
    Write::post(format!("/labs/{}/ideas", segment(id)), body)
}
