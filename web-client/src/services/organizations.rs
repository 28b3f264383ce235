//! Organisations, their members and API keys.

use std::fmt::Display;

use shared::{
    AddMember, ApiKey, CreateApiKey, CreateOrganization, CreatedApiKey, Member, Organization, Page,
    UpdateMember,
};

use super::{Read, Write, segment};

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

/// `create_organization`
pub fn create(body: &CreateOrganization) -> Write<Organization> {
    Write::post("/organizations", body)
}

/// `add_organization_member`
pub fn add_member(id: impl Display, body: &AddMember) -> Write<Member> {
    Write::post(format!("/organizations/{}/members", segment(id)), body)
}

/// `change_member_role` (the last change wins: one field, no version)
pub fn change_role(id: impl Display, user: impl Display, body: &UpdateMember) -> Write<Member> {
    Write::new(
        gloo_net::http::Method::PATCH,
        format!("/organizations/{}/members/{}", segment(id), segment(user)),
        Some(body),
    )
}

/// `remove_organization_member`
pub fn remove_member(id: impl Display, user: impl Display) -> Write<()> {
    Write::delete(format!(
        "/organizations/{}/members/{}",
        segment(id),
        segment(user)
    ))
}

/// `create_api_key`
pub fn create_api_key(id: impl Display, body: &CreateApiKey) -> Write<CreatedApiKey> {
    Write::post(format!("/organizations/{}/api-keys", segment(id)), body)
}

/// `revoke_api_key`
pub fn revoke_api_key(id: impl Display, key: impl Display) -> Write<()> {
    Write::delete(format!(
        "/organizations/{}/api-keys/{}",
        segment(id),
        segment(key)
    ))
}
