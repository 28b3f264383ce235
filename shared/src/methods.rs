//! The method bank: methods that labs verified, their evidence on Nesta's Standards of
//! Evidence (levels 1–5), and the adoptions that spread them.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::labs::OrganizationRef;
use crate::needs::LabRef;
use crate::string_enum;

string_enum! {
    /// Where a method stands: a draft is its organisation's own; a published one can be
    /// adopted; a retired one stays readable, with the reason, but is adopted no more.
    pub enum MethodStatus {
        Draft = "draft",
        Published = "published",
        Retired = "retired",
    }
}

string_enum! {
    /// What a resource is: a manual or guide is what level 5 asks for.
    pub enum ResourceKind {
        Link = "link",
        Manual = "manual",
        Guide = "guide",
        Report = "report",
    }
}

string_enum! {
    /// How far an adoption has come.
    pub enum AdoptionStatus {
        Planned = "planned",
        Running = "running",
        Completed = "completed",
        Discontinued = "discontinued",
    }
}

/// A link: an evidence entry's source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Link {
    #[cfg_attr(feature = "openapi", schema(min_length = 2, max_length = 200))]
    pub title: String,
    /// `http` or `https` only.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 2000))]
    pub url: String,
}

/// A method's resource: a link, a manual, a guide or a report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Resource {
    #[cfg_attr(feature = "openapi", schema(min_length = 2, max_length = 200))]
    pub title: String,
    /// `http` or `https` only.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 2000))]
    pub url: String,
    #[serde(default = "link")]
    pub kind: ResourceKind,
}

fn link() -> ResourceKind {
    ResourceKind::Link
}

/// What it takes to use a method elsewhere.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct Transfer {
    /// Who is needed, e.g. "en samordnare på halvtid".
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub staff: String,
    /// How long it takes to start and to run.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub time: String,
    /// What it costs, as a range.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub cost_range: String,
    /// What must be in place first.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 1000))]
    pub prerequisites: String,
}

/// One rule of the data level: whether the platform's records satisfy it, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LevelReason {
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 5))]
    pub level: i32,
    pub holds: bool,
    pub explanation: String,
}

/// A method in the method bank.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Method {
    pub id: Uuid,
    /// The owning and contact organisation.
    pub organization: OrganizationRef,
    pub title: String,
    pub summary: String,
    /// The problem it addresses.
    pub problem: String,
    /// How it works, as Markdown.
    pub approach: String,
    /// The approach as sanitised HTML.
    pub approach_html: String,
    pub results: String,
    pub transfer: Transfer,
    pub target_groups: Vec<String>,
    pub challenge_areas: Vec<String>,
    pub origin_labs: Vec<LabRef>,
    /// Verified ideas that are part of it.
    pub origin_idea_ids: Vec<Uuid>,
    /// The origin labs' indicators that measure what it changes.
    pub indicator_ids: Vec<Uuid>,
    pub resources: Vec<Resource>,
    /// An SPDX licence identifier.
    pub licence: String,
    pub status: MethodStatus,
    pub retired_reason: Option<String>,
    pub published_at: Option<DateTime<Utc>>,
    /// The highest level with an evidence entry.
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 5))]
    pub claimed_level: Option<i32>,
    /// What the platform's own records support (0 when not even level 1's rule holds).
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 5))]
    pub data_level: i32,
    /// Set by an independent reviewer; never above the claimed level.
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 5))]
    pub reviewed_level: Option<i32>,
    pub review_note: Option<String>,
    /// One entry per level's rule, lowest first.
    pub level_reasons: Vec<LevelReason>,
    /// How many organisations' adoptions it has.
    pub adoption_count: i64,
    /// Whether you may change it (you act for its organisation).
    pub can_edit: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
}

/// `POST /methods`: a draft, owned by `organization_id` (an organisation you act for).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "title": "Portalen – mötesplats för självförsörjning",
    "summary": "En mötesplats där arbetslösa kvinnor stöttar varandra mot arbete.",
    "problem": "Långtidsarbetslösa kvinnor når inte de ordinarie insatserna.",
    "approach": "Veckoträffar, **mentorer** från bostadsområdet och praktik hos lokala företag.",
    "challenge_areas": ["unemployment"], "target_groups": ["kvinnor"]
})))]
#[serde(deny_unknown_fields)]
pub struct CreateMethod {
    #[serde(default)]
    pub organization_id: Option<Uuid>,
    #[cfg_attr(feature = "openapi", schema(min_length = 2, max_length = 200))]
    pub title: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub summary: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 20000))]
    pub problem: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 20000))]
    pub approach: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 20000))]
    pub results: String,
    #[serde(default)]
    pub transfer: Transfer,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 10))]
    pub target_groups: Vec<String>,
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 4))]
    pub challenge_areas: Vec<String>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 10))]
    pub origin_lab_ids: Vec<Uuid>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 20))]
    pub origin_idea_ids: Vec<Uuid>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 20))]
    pub indicator_ids: Vec<Uuid>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 20))]
    pub resources: Vec<Resource>,
    /// Default `CC-BY-4.0`.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 50))]
    pub licence: Option<String>,
}

/// `PATCH /methods/{id}`: only the fields given change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"results": "15 av 22 deltagare fick arbete eller började studera."})))]
#[serde(deny_unknown_fields)]
pub struct UpdateMethod {
    #[cfg_attr(feature = "openapi", schema(min_length = 2, max_length = 200))]
    pub title: Option<String>,
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub summary: Option<String>,
    #[cfg_attr(feature = "openapi", schema(max_length = 20000))]
    pub problem: Option<String>,
    #[cfg_attr(feature = "openapi", schema(max_length = 20000))]
    pub approach: Option<String>,
    #[cfg_attr(feature = "openapi", schema(max_length = 20000))]
    pub results: Option<String>,
    pub transfer: Option<Transfer>,
    #[cfg_attr(feature = "openapi", schema(max_items = 10))]
    pub target_groups: Option<Vec<String>>,
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 4))]
    pub challenge_areas: Option<Vec<String>>,
    #[cfg_attr(feature = "openapi", schema(max_items = 10))]
    pub origin_lab_ids: Option<Vec<Uuid>>,
    #[cfg_attr(feature = "openapi", schema(max_items = 20))]
    pub origin_idea_ids: Option<Vec<Uuid>>,
    #[cfg_attr(feature = "openapi", schema(max_items = 20))]
    pub indicator_ids: Option<Vec<Uuid>>,
    #[cfg_attr(feature = "openapi", schema(max_items = 20))]
    pub resources: Option<Vec<Resource>>,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 50))]
    pub licence: Option<String>,
}

/// `POST /methods/{id}/retire`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"reason": "Ersatt av en nyare metod."})))]
#[serde(deny_unknown_fields)]
pub struct RetireMethod {
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 2000))]
    pub reason: String,
}

/// `POST /methods/{id}/review`: an independent reviewer's level, at most the claimed one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"level": 2, "note": "Mätningarna håller; ingen jämförelsegrupp."})))]
#[serde(deny_unknown_fields)]
pub struct ReviewMethod {
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 5))]
    pub level: i32,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub note: String,
}

/// An evidence entry: what supports a level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Evidence {
    pub id: Uuid,
    pub method_id: Uuid,
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 5))]
    pub level: i32,
    pub summary: String,
    pub sources: Vec<Link>,
    /// Indicators of the method that show it.
    pub indicator_ids: Vec<Uuid>,
    /// Whether a comparison group was measured (what level 3 asks for).
    pub comparison_group: bool,
    pub created_at: DateTime<Utc>,
}

/// `POST /methods/{id}/evidence`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "level": 2, "summary": "Andelen deltagare i arbete eller studier steg från 10 % till 68 %.",
    "sources": [{"title": "Slutrapport 2020", "url": "https://www.example.se/portalen.pdf"}],
    "indicator_ids": [], "comparison_group": false
})))]
#[serde(deny_unknown_fields)]
pub struct CreateEvidence {
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 5))]
    pub level: i32,
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 5000))]
    pub summary: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 20))]
    pub sources: Vec<Link>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 20))]
    pub indicator_ids: Vec<Uuid>,
    #[serde(default)]
    pub comparison_group: bool,
}

/// A method named in another resource.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MethodRef {
    pub id: Uuid,
    pub title: String,
}

/// An organisation's use of a method in a municipality: what spread is measured by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Adoption {
    pub id: Uuid,
    pub method: MethodRef,
    pub organization: OrganizationRef,
    pub municipality_code: String,
    pub municipality_name: String,
    pub county_code: String,
    pub neighbourhood: String,
    pub started_on: Option<NaiveDate>,
    pub status: AdoptionStatus,
    /// How the method was changed to fit.
    pub adaptations: String,
    pub outcome: String,
    /// The lab the adoption opened to measure its results.
    pub lab_id: Option<Uuid>,
    /// Whether you may change it (you act for the adopting organisation).
    pub can_edit: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
}

/// `POST /methods/{id}/adoptions`: adopted by `organization_id` (one you act for).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "municipality_code": "1280", "neighbourhood": "Rosengård", "started_on": "2027-01-15",
    "status": "planned", "adaptations": "Träffarna hålls på arabiska och somaliska.", "create_lab": true
})))]
#[serde(deny_unknown_fields)]
pub struct CreateAdoption {
    #[serde(default)]
    pub organization_id: Option<Uuid>,
    pub municipality_code: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 100))]
    pub neighbourhood: String,
    #[serde(default)]
    pub started_on: Option<NaiveDate>,
    #[serde(default)]
    pub status: Option<AdoptionStatus>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 5000))]
    pub adaptations: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 5000))]
    pub outcome: String,
    /// Open a lab in the municipality (phase `testing`, you as host) with copies of the
    /// method's indicators, to measure your own results.
    #[serde(default)]
    pub create_lab: bool,
}

/// `PATCH /adoptions/{id}`: only the fields given change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"status": "running"})))]
#[serde(deny_unknown_fields)]
pub struct UpdateAdoption {
    #[cfg_attr(feature = "openapi", schema(max_length = 100))]
    pub neighbourhood: Option<String>,
    pub started_on: Option<NaiveDate>,
    pub status: Option<AdoptionStatus>,
    #[cfg_attr(feature = "openapi", schema(max_length = 5000))]
    pub adaptations: Option<String>,
    #[cfg_attr(feature = "openapi", schema(max_length = 5000))]
    pub outcome: Option<String>,
}

/// The adoptions of a method in one county.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CountySpread {
    pub county_code: String,
    pub county_name: String,
    pub adoptions: i64,
    /// How many different municipalities of the county.
    pub municipalities: i64,
}

/// The adoptions of a method up to and including a month.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MonthSpread {
    /// `YYYY-MM`.
    pub month: String,
    /// Cumulative: every adoption recorded by the end of the month.
    pub adoptions_total: i64,
}

/// Where an adoption came from: the method's origin labs, and the lab it opened.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Lineage {
    pub adoption_id: Uuid,
    pub organization: OrganizationRef,
    pub municipality_code: String,
    pub from_labs: Vec<LabRef>,
    /// The adoption's own lab, if it opened one.
    pub lab_id: Option<Uuid>,
}

/// A county a method comes from: where its origin labs are.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OriginCounty {
    pub county_code: String,
    pub county_name: String,
    /// The method's origin labs in the county.
    pub labs: i64,
}

/// `GET /methods/{id}/spread`: how a method spread over the country.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MethodSpread {
    /// Where it was adopted.
    pub by_county: Vec<CountySpread>,
    /// Where it comes from.
    pub origin_counties: Vec<OriginCounty>,
    pub by_month: Vec<MonthSpread>,
    pub lineage: Vec<Lineage>,
}
