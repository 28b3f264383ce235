//! Who moderates what: platform admins every report; a lab's hosts the reports of ideas
//! and comments in their lab. Reports are a 404 for everyone else.

use diesel_async::AsyncPgConnection;
use shared::{Report, ReportTarget};
use uuid::Uuid;

use super::{CommentAction, IdeaAction, LabAction, OfferingAction, OrgAction, Viewer};
use crate::db;
use crate::db::reports::Moderates;
use crate::error::ApiError;

/// Which reports the viewer, a signed-in person, moderates.
pub fn moderation_scope(viewer: &Viewer) -> Result<Moderates, ApiError> {
    viewer.caller.person()?;
    Ok(if viewer.sees_everything() {
        Moderates::Everything
    } else {
        Moderates::LabsHostedBy(viewer.edit_organizations.clone())
    })
}

/// A report the viewer moderates.
pub async fn report(
    conn: &mut AsyncPgConnection,
    viewer: &Viewer,
    id: Uuid,
) -> Result<Report, ApiError> {
    viewer.caller.person()?;
    let report = db::reports::find(conn, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    let hosts = match report.lab_id {
        Some(lab_id) if !viewer.sees_everything() => super::moderates(conn, viewer, lab_id).await?,
        _ => false,
    };
    if decide_moderates(viewer.sees_everything(), hosts) {
        Ok(report)
    } else {
        Err(ApiError::NotFound)
    }
}

/// Whether a viewer moderates a report: a platform admin, or a host of its lab.
fn decide_moderates(platform_admin: bool, hosts_its_lab: bool) -> bool {
    platform_admin || hosts_its_lab
}

/// Whether the viewer may see what it reports (one reports only what one sees); the lab
/// whose hosts moderate it, for ideas and comments.
pub async fn reportable(
    conn: &mut AsyncPgConnection,
    viewer: &Viewer,
    target: ReportTarget,
    id: Uuid,
) -> Result<Option<Uuid>, ApiError> {
    match target {
        ReportTarget::Idea => {
            super::idea(conn, viewer, id, IdeaAction::Lab(LabAction::View)).await?;
        }
        ReportTarget::Comment => {
            super::comment(conn, viewer, id, CommentAction::View).await?;
        }
        ReportTarget::Offering => {
            super::offering(conn, viewer, id, OfferingAction::View).await?;
        }
        ReportTarget::Need => {
            super::need(conn, viewer, id, LabAction::View).await?;
        }
        ReportTarget::Lab => {
            super::lab(conn, viewer, id, LabAction::View).await?;
        }
        ReportTarget::Organization => {
            super::organization(conn, &viewer.caller, id, OrgAction::View).await?;
        }
    }
    Ok(db::reports::lab_of(conn, target, id).await?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn platform_admins_and_the_labs_hosts_moderate() {
        assert!(decide_moderates(true, false));
        assert!(decide_moderates(false, true));
        assert!(!decide_moderates(false, false));
    }
}
