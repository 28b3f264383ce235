//! Reports of content and the moderators' decisions.

use shared::{CreateReport, Page, Report, ReportStatus, ResolveReport};

use super::{Read, Write, segment};

/// `create_report`
pub fn create_report(body: &CreateReport) -> Write<Report> {
    Write::post("/reports", body)
}

/// `list_reports`: the reports the signed-in person moderates, in `status`.
pub fn reports(status: Option<ReportStatus>) -> Read<Page<Report>> {
    Read::with_query(
        "/admin/reports",
        &[
            ("status", status.map(|status| status.as_str().to_owned())),
            ("limit", Some("100".to_owned())),
        ],
    )
}

/// `resolve_report`
pub fn resolve(id: impl std::fmt::Display, body: &ResolveReport) -> Write<Report> {
    Write::post(format!("/admin/reports/{}/resolve", segment(id)), body)
}

/// `restore_report`
pub fn restore(id: impl std::fmt::Display) -> Write<Report> {
    Write::post_empty(format!("/admin/reports/{}/restore", segment(id)))
}
