//! Organisations, their members and API keys.

use std::fmt::Display;

use shared::{ApiKey, Member, Organization, Page};

use super::{Read, segment};

/// The first 20 organisations whose name holds `name` (`list_organizations`).
pub fn named(name: &str) -> Read<Page<Organization>> {
    Read::with_query(
        "/organizations",
        &[
            ("q", Some(name.trim().to_owned())),
            ("limit", Some("20".to_owned())),
        ],
    )
}

/// `get_organization`
pub fn get(id: impl Display) -> Read<Organization> {
    Read::new(format!("/organizations/{}", segment(id)))
}

/// `list_organization_members`
pub fn members(id: impl Display) -> Read<Page<Member>> {
    Read::new(format!("/organizations/{}/members", segment(id)))
}

/// `list_api_keys`
pub fn api_keys(id: impl Display) -> Read<Page<ApiKey>> {
    Read::new(format!("/organizations/{}/api-keys", segment(id)))
}
