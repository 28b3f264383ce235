//! Organisations, their members and their API keys.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

crate::string_enum! {
    /// What kind of actor an organisation is.
    pub enum OrganizationKind {
        HousingCompany = "housing_company",
        TenantAssociation = "tenant_association",
        Municipality = "municipality",
        Business = "business",
        CivilSociety = "civil_society",
        School = "school",
        Research = "research",
        PublicAgency = "public_agency",
    }
}

crate::string_enum! {
    /// A member's role in an organisation, from least to most (so `>= Admin` reads as it says).
    #[derive(PartialOrd, Ord)]
    pub enum Role {
        Member = "member",
        Admin = "admin",
        Owner = "owner",
    }
}

/// An organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0192e9b0-7d1c-7c3e-9f3a-1b2c3d4e5f60", "name": "Hyresbostäder i Norrköping",
    "kind": "housing_company", "org_number": "556000-0019", "municipality_code": "0581",
    "municipality_name": "Norrköping", "county_code": "05", "description": "Allmännyttigt bostadsbolag.",
    "website": "https://www.example.se", "verified": true, "hidden": false,
    "created_at": "2026-11-27T09:00:00Z", "updated_at": "2026-11-27T09:00:00Z", "version": 1
})))]
#[cfg_attr(feature = "diesel", derive(diesel::Queryable))]
pub struct Organization {
    pub id: Uuid,
    pub name: String,
    pub kind: OrganizationKind,
    /// Swedish organisation number, as `NNNNNN-NNNN`.
    pub org_number: String,
    pub municipality_code: String,
    pub municipality_name: String,
    pub county_code: String,
    pub description: String,
    pub website: Option<String>,
    /// Set by platform admins once they have checked the organisation.
    pub verified: bool,
    /// Hidden by moderation, with its offerings and the labs it hosts: only its members and
    /// the moderators see it.
    pub hidden: bool,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// Increases with every change.
    pub version: i32,
}

/// `POST /organizations`: the caller becomes its owner.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "name": "Hyresbostäder i Norrköping", "kind": "housing_company", "org_number": "556000-0019",
    "municipality_code": "0581", "description": "Allmännyttigt bostadsbolag i Norrköping.",
    "website": "https://www.example.se"
})))]
#[serde(deny_unknown_fields)]
pub struct CreateOrganization {
    #[cfg_attr(feature = "openapi", schema(min_length = 2, max_length = 200))]
    pub name: String,
    pub kind: OrganizationKind,
    /// 10 digits with a valid check digit; a dash after the sixth is optional.
    #[cfg_attr(feature = "openapi", schema(max_length = 20))]
    pub org_number: String,
    /// The home municipality's four-digit code.
    #[cfg_attr(feature = "openapi", schema(max_length = 4))]
    pub municipality_code: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 5000))]
    pub description: String,
    /// An `https://` or `http://` address.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub website: Option<String>,
}

/// `PATCH /organizations/{id}`: only the fields given change. The organisation number
/// identifies the organisation and cannot change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"description": "Allmännyttigt bostadsbolag med 10 000 lägenheter."})))]
#[serde(deny_unknown_fields)]
pub struct UpdateOrganization {
    #[cfg_attr(feature = "openapi", schema(min_length = 2, max_length = 200))]
    pub name: Option<String>,
    pub kind: Option<OrganizationKind>,
    #[cfg_attr(feature = "openapi", schema(max_length = 4))]
    pub municipality_code: Option<String>,
    #[cfg_attr(feature = "openapi", schema(max_length = 5000))]
    pub description: Option<String>,
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub website: Option<String>,
}

/// An organisation the signed-in person belongs to, with their role there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyOrganization {
    pub organization: Organization,
    pub role: Role,
}

/// A member of an organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "user_id": "0192e9b0-7d1c-7c3e-9f3a-1b2c3d4e5f61", "display_name": "Anna Lindqvist",
    "email": "anna.lindqvist@example.se", "role": "owner", "joined_at": "2026-11-27T09:00:00Z"
})))]
pub struct Member {
    pub user_id: Uuid,
    pub display_name: String,
    pub email: String,
    pub role: Role,
    pub joined_at: DateTime<Utc>,
}

/// `POST /organizations/{id}/members`: adds a registered person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"email": "erik.svensson@example.se", "role": "member"})))]
#[serde(deny_unknown_fields)]
pub struct AddMember {
    #[cfg_attr(feature = "openapi", schema(max_length = 254))]
    pub email: String,
    pub role: Role,
}

/// `PATCH /organizations/{id}/members/{user_id}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"role": "admin"})))]
#[serde(deny_unknown_fields)]
pub struct UpdateMember {
    pub role: Role,
}

/// What an API key may do, on top of reading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum Scope {
    #[serde(rename = "read")]
    Read,
    #[serde(rename = "labs:write")]
    LabsWrite,
    #[serde(rename = "ideas:write")]
    IdeasWrite,
    #[serde(rename = "offerings:write")]
    OfferingsWrite,
    #[serde(rename = "matches:write")]
    MatchesWrite,
    #[serde(rename = "methods:write")]
    MethodsWrite,
    /// Manage the organisation's webhooks.
    #[serde(rename = "webhooks:manage")]
    WebhooksManage,
}

impl Scope {
    pub const ALL: [Scope; 7] = [
        Scope::Read,
        Scope::LabsWrite,
        Scope::IdeasWrite,
        Scope::OfferingsWrite,
        Scope::MatchesWrite,
        Scope::MethodsWrite,
        Scope::WebhooksManage,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Scope::Read => "read",
            Scope::LabsWrite => "labs:write",
            Scope::IdeasWrite => "ideas:write",
            Scope::OfferingsWrite => "offerings:write",
            Scope::MatchesWrite => "matches:write",
            Scope::MethodsWrite => "methods:write",
            Scope::WebhooksManage => "webhooks:manage",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|scope| scope.as_str() == value)
    }
}

/// A partner system's key, as listed (never with its secret).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0192e9b0-7d1c-7c3e-9f3a-1b2c3d4e5f62", "name": "Fastighetssystemet",
    "prefix": "ilk_Xa81bQ", "scopes": ["read", "labs:write"], "created_at": "2026-11-27T09:00:00Z",
    "last_used_at": null, "revoked_at": null
})))]
pub struct ApiKey {
    pub id: Uuid,
    pub name: String,
    /// The key's first characters, to recognise it.
    pub prefix: String,
    pub scopes: Vec<Scope>,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
    /// Its own limit of requests a minute, set by a platform admin; `null` is the
    /// platform's default (600 unless configured otherwise).
    pub rate_limit: Option<i32>,
}

/// `POST /organizations/{id}/api-keys`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"name": "Fastighetssystemet", "scopes": ["read", "labs:write"]})))]
#[serde(deny_unknown_fields)]
pub struct CreateApiKey {
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100))]
    pub name: String,
    #[cfg_attr(feature = "openapi", schema(min_items = 1))]
    pub scopes: Vec<Scope>,
}

/// `PUT /organizations/{id}/api-keys/{key_id}/rate-limit` (platform admins).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"requests_per_minute": 1200})))]
#[serde(deny_unknown_fields)]
pub struct SetApiKeyRateLimit {
    /// Requests a minute, 1–100,000; `null` for the platform's default.
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 100000))]
    pub requests_per_minute: Option<i32>,
}

/// A new API key with its secret, shown this once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CreatedApiKey {
    pub api_key: ApiKey,
    /// Send as `Authorization: Bearer <secret>`. It is stored only as a hash: keep it now.
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub secret: crate::Secret,
}
