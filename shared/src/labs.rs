//! Labs: their phases, participants and indicators.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::string_enum;

string_enum! {
    /// Where a lab is in its life: it develops, tests and verifies methods, then spreads them.
    pub enum LabPhase {
        Forming = "forming",
        Ideation = "ideation",
        Testing = "testing",
        Verifying = "verifying",
        Spreading = "spreading",
        Closed = "closed",
    }
}

impl LabPhase {
    /// The phase one step forward, if any.
    pub fn next(self) -> Option<Self> {
        let index = Self::ALL.iter().position(|phase| *phase == self)?;
        Self::ALL.get(index + 1).copied()
    }

    /// The phase one step back, if any.
    pub fn previous(self) -> Option<Self> {
        let index = Self::ALL.iter().position(|phase| *phase == self)?;
        index.checked_sub(1).and_then(|i| Self::ALL.get(i).copied())
    }

    /// Whether a lab may move from `self` to `to`: one step forward, or one step back with
    /// a note that says why.
    pub fn may_move_to(self, to: Self, has_note: bool) -> Result<(), PhaseMoveError> {
        if self.next() == Some(to) {
            Ok(())
        } else if self.previous() == Some(to) {
            if has_note {
                Ok(())
            } else {
                Err(PhaseMoveError::NoteRequired)
            }
        } else {
            Err(PhaseMoveError::NotAllowed)
        }
    }
}

/// Why a phase change is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PhaseMoveError {
    /// Not one step forward or back.
    NotAllowed,
    /// A step back must say why.
    NoteRequired,
}

string_enum! {
    /// Who may see a lab: everyone, or only the people of its participating organisations.
    pub enum Visibility {
        Public = "public",
        Members = "members",
    }
}

string_enum! {
    /// What an organisation does in a lab. Members of `host` organisations run the lab.
    pub enum ParticipantRole {
        Host = "host",
        Partner = "partner",
        Researcher = "researcher",
        TenantRepresentative = "tenant_representative",
    }
}

string_enum! {
    /// Which way an indicator should move.
    pub enum Direction {
        Increase = "increase",
        Decrease = "decrease",
    }
}

/// An organisation named in another resource.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OrganizationRef {
    pub id: Uuid,
    pub name: String,
}

/// A person named in another resource.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PersonRef {
    pub id: Uuid,
    pub display_name: String,
}

/// A lab.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0192e9b0-7d1c-7c3e-9f3a-1b2c3d4e5f61", "title": "Portalen",
    "summary": "En mötesplats för självförsörjning för arbetslösa kvinnor i Navestad.",
    "description": "## Bakgrund\nMånga kvinnor i området står långt från arbetsmarknaden …",
    "description_html": "<h2>Bakgrund</h2>\n<p>Många kvinnor i området står långt från arbetsmarknaden …</p>\n",
    "challenge_area": "unemployment", "municipality_code": "0581", "municipality_name": "Norrköping",
    "county_code": "05", "neighbourhood": "Navestad", "starts_on": "2018-09-01", "ends_on": "2020-06-30",
    "visibility": "public", "phase": "verifying",
    "host": {"id": "0192e9b0-7d1c-7c3e-9f3a-1b2c3d4e5f60", "name": "Hyresbostäder i Norrköping"},
    "can_edit": false, "hidden": false, "created_at": "2026-11-27T09:00:00Z", "updated_at": "2026-11-27T09:00:00Z", "version": 3
})))]
pub struct Lab {
    pub id: Uuid,
    pub title: String,
    pub summary: String,
    /// Markdown.
    pub description: String,
    /// The description as HTML, sanitised by the server: safe to show as it is.
    pub description_html: String,
    /// A challenge area's key.
    pub challenge_area: String,
    pub municipality_code: String,
    pub municipality_name: String,
    pub county_code: String,
    /// The neighbourhood, e.g. "Navestad".
    pub neighbourhood: String,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub visibility: Visibility,
    pub phase: LabPhase,
    /// The lead host organisation.
    pub host: OrganizationRef,
    /// Whether you may edit the lab (you belong to one of its host organisations).
    pub can_edit: bool,
    /// Hidden by moderation: only its hosts and the moderators see it and what is in it.
    pub hidden: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Increases with every change; send it back in `If-Match`.
    pub version: i32,
}

/// `POST /labs`: the lab is hosted by `host_organization_id`, which must be an organisation
/// you belong to (a partner system's lab is hosted by its own organisation).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "host_organization_id": "0192e9b0-7d1c-7c3e-9f3a-1b2c3d4e5f60", "title": "Portalen",
    "summary": "En mötesplats för självförsörjning för arbetslösa kvinnor i Navestad.",
    "description": "## Bakgrund\nMånga kvinnor i området står långt från arbetsmarknaden.",
    "challenge_area": "unemployment", "municipality_code": "0581", "neighbourhood": "Navestad",
    "starts_on": "2018-09-01", "ends_on": "2020-06-30", "visibility": "public"
})))]
#[serde(deny_unknown_fields)]
pub struct CreateLab {
    /// Optional for a partner system, whose organisation hosts; required for a person who
    /// belongs to more than one organisation.
    #[serde(default)]
    pub host_organization_id: Option<Uuid>,
    #[cfg_attr(feature = "openapi", schema(min_length = 2, max_length = 200))]
    pub title: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub summary: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 20000))]
    pub description: String,
    #[cfg_attr(feature = "openapi", schema(max_length = 40))]
    pub challenge_area: String,
    #[cfg_attr(feature = "openapi", schema(max_length = 4))]
    pub municipality_code: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 100))]
    pub neighbourhood: String,
    #[serde(default)]
    pub starts_on: Option<NaiveDate>,
    #[serde(default)]
    pub ends_on: Option<NaiveDate>,
    pub visibility: Visibility,
}

/// `PATCH /labs/{id}`: only the fields given change. A date given as `null` is cleared.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"summary": "Ny sammanfattning.", "ends_on": "2021-06-30"})))]
#[serde(deny_unknown_fields)]
pub struct UpdateLab {
    #[cfg_attr(feature = "openapi", schema(min_length = 2, max_length = 200))]
    pub title: Option<String>,
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub summary: Option<String>,
    #[cfg_attr(feature = "openapi", schema(max_length = 20000))]
    pub description: Option<String>,
    #[cfg_attr(feature = "openapi", schema(max_length = 40))]
    pub challenge_area: Option<String>,
    #[cfg_attr(feature = "openapi", schema(max_length = 4))]
    pub municipality_code: Option<String>,
    #[cfg_attr(feature = "openapi", schema(max_length = 100))]
    pub neighbourhood: Option<String>,
    #[serde(
        default,
        with = "crate::double_option",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<NaiveDate>))]
    pub starts_on: Option<Option<NaiveDate>>,
    #[serde(
        default,
        with = "crate::double_option",
        skip_serializing_if = "Option::is_none"
    )]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<NaiveDate>))]
    pub ends_on: Option<Option<NaiveDate>>,
    pub visibility: Option<Visibility>,
}

/// `POST /labs/{id}/phase`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"phase": "testing", "note": "Tre idéer valda för test under hösten."})))]
#[serde(deny_unknown_fields)]
pub struct ChangePhase {
    pub phase: LabPhase,
    /// Why; required when stepping back.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub note: Option<String>,
}

/// One entry of a lab's history: its creation or a phase change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PhaseChange {
    /// `null` when the lab was created.
    pub from: Option<LabPhase>,
    pub to: LabPhase,
    pub note: Option<String>,
    /// The person who made the change, or the partner system's key name.
    pub actor: Option<String>,
    pub at: DateTime<Utc>,
}

/// An organisation taking part in a lab.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "organization": {"id": "0192e9b0-7d1c-7c3e-9f3a-1b2c3d4e5f60", "name": "Hyresgästföreningen Navestad"},
    "role": "tenant_representative", "joined_at": "2026-11-27T09:00:00Z"
})))]
pub struct Participant {
    pub organization: OrganizationRef,
    pub role: ParticipantRole,
    pub joined_at: DateTime<Utc>,
}

/// `POST /labs/{id}/participants`: adds an organisation, or changes its role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"organization_id": "0192e9b0-7d1c-7c3e-9f3a-1b2c3d4e5f60", "role": "partner"})))]
#[serde(deny_unknown_fields)]
pub struct AddParticipant {
    pub organization_id: Uuid,
    pub role: ParticipantRole,
}

/// A dated value of an indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Measurement {
    pub id: Uuid,
    pub measured_on: NaiveDate,
    pub value: f64,
    pub note: String,
}

/// How a lab verifies what it tests: a measure with a baseline, a target and measurements.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0192e9b0-7d1c-7c3e-9f3a-1b2c3d4e5f62", "name": "Deltagare i arbete eller studier",
    "unit": "personer", "baseline": 0.0, "target": 15.0, "direction": "increase",
    "measurements": [{"id": "0192e9b0-7d1c-7c3e-9f3a-1b2c3d4e5f63", "measured_on": "2019-06-30", "value": 9.0, "note": "Intervjuer"}],
    "latest": {"id": "0192e9b0-7d1c-7c3e-9f3a-1b2c3d4e5f63", "measured_on": "2019-06-30", "value": 9.0, "note": "Intervjuer"},
    "progress": 0.6
})))]
pub struct Indicator {
    pub id: Uuid,
    pub name: String,
    pub unit: String,
    pub baseline: f64,
    pub target: f64,
    pub direction: Direction,
    /// Oldest first.
    pub measurements: Vec<Measurement>,
    /// The most recent measurement.
    pub latest: Option<Measurement>,
    /// How far the latest value has come from the baseline towards the target: 0 at the
    /// baseline, 1 at the target (below 0 when it moved the wrong way, above 1 beyond).
    pub progress: Option<f64>,
}

/// `POST /labs/{id}/indicators`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "name": "Känner sig trygga i området", "unit": "%", "baseline": 54.0, "target": 70.0, "direction": "increase"
})))]
#[serde(deny_unknown_fields)]
pub struct CreateIndicator {
    #[cfg_attr(feature = "openapi", schema(min_length = 2, max_length = 200))]
    pub name: String,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 40))]
    pub unit: String,
    pub baseline: f64,
    pub target: f64,
    pub direction: Direction,
}

/// `POST /labs/{id}/indicators/{indicator_id}/measurements`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"measured_on": "2019-06-30", "value": 62.0, "note": "Enkät, 140 svar"})))]
#[serde(deny_unknown_fields)]
pub struct CreateMeasurement {
    pub measured_on: NaiveDate,
    pub value: f64,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub note: String,
}

/// How far `latest` has come from `baseline` towards `target` (see [`Indicator::progress`]).
pub fn indicator_progress(baseline: f64, target: f64, latest: Option<f64>) -> Option<f64> {
    let latest = latest?;
    let span = target - baseline;
    if span == 0.0 || !span.is_finite() {
        return None;
    }
    Some((latest - baseline) / span)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phases_move_one_step_forward_or_back_with_a_note() {
        use LabPhase::*;
        assert_eq!(Forming.may_move_to(Ideation, false), Ok(()));
        assert_eq!(Spreading.may_move_to(Closed, false), Ok(()));
        assert_eq!(Testing.may_move_to(Ideation, true), Ok(()));
        assert_eq!(
            Testing.may_move_to(Ideation, false),
            Err(PhaseMoveError::NoteRequired)
        );
        assert_eq!(
            Forming.may_move_to(Testing, true),
            Err(PhaseMoveError::NotAllowed)
        );
        assert_eq!(
            Testing.may_move_to(Testing, true),
            Err(PhaseMoveError::NotAllowed)
        );
        assert_eq!(Forming.previous(), None);
        assert_eq!(Closed.next(), None);
    }

    #[test]
    fn progress_runs_from_baseline_to_target_in_either_direction() {
        assert_eq!(indicator_progress(0.0, 15.0, Some(9.0)), Some(0.6));
        assert_eq!(indicator_progress(40.0, 20.0, Some(30.0)), Some(0.5));
        assert_eq!(indicator_progress(40.0, 20.0, Some(50.0)), Some(-0.5));
        assert_eq!(indicator_progress(10.0, 10.0, Some(10.0)), None);
        assert_eq!(indicator_progress(0.0, 10.0, None), None);
    }

    #[test]
    fn enumerations_round_trip_through_their_text() {
        for role in ParticipantRole::ALL {
            assert_eq!(ParticipantRole::parse(role.as_str()), Some(*role));
        }
        assert_eq!(ParticipantRole::parse("owner"), None);
    }
}
