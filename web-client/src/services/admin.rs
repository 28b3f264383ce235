//! The platform admins' queues: organisations to verify, and the audit log (an
//! organisation's own for its owners).

use std::fmt::Display;

use shared::{AuditEntry, Organization, OrganizationReview, Page, RejectOrganization, ReviewState};

use super::{Read, Write, segment};

/// `list_organization_reviews`
pub fn reviews(state: ReviewState) -> Read<Page<OrganizationReview>> {
    Read::with_query(
        "/admin/organizations",
        &[("state", Some(state.as_str().to_owned()))],
    )
}

/// `verify_organization`
pub fn verify(id: impl Display) -> Write<Organization> {
    Write::post_empty(format!("/admin/organizations/{}/verify", segment(id)))
}

/// `reject_organization`
pub fn reject(id: impl Display, body: &RejectOrganization) -> Write<()> {
    Write::post(format!("/admin/organizations/{}/reject", segment(id)), body)
}

/// The audit log's filters the web client offers.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AuditFilters {
    /// An action, or a subject type's prefix (`lab.`).
    pub action: String,
    pub subject_type: String,
}

impl AuditFilters {
    fn query(&self) -> [(&'static str, Option<String>); 2] {
        let given = |value: &str| Some(value.trim().to_owned()).filter(|v| !v.is_empty());
        [
            ("action", given(&self.action)),
            ("subject_type", given(&self.subject_type)),
        ]
    }
}

/// `list_audit_entries` (platform admins), or `list_organization_audit_entries` when an
/// organisation is given (its owners).
pub fn audit_log(organization: Option<&str>, filters: &AuditFilters) -> Read<Page<AuditEntry>> {
    let path = match organization {
        Some(id) => format!("/organizations/{}/audit-log", segment(id)),
        None => "/admin/audit-log".to_owned(),
    };
    Read::with_query(&path, &filters.query())
}
