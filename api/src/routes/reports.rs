//! Reports of content by signed-in people, and the moderators' queue and decisions.

use actix_web::http::header::LOCATION;
use actix_web::{HttpResponse, get, post, web};
use chrono::{DateTime, Utc};
use diesel_async::{AsyncConnection as _, AsyncPgConnection};
use shared::limits;
use shared::{
    CreateReport, ModerationAction, NotificationKind, Page, Problem, Report, ReportStatus,
    ReportTarget, ResolveReport,
};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::auth::Caller;
use crate::authz::{self, Viewer};
use crate::db::{self, Db};
use crate::domain::validation::FieldErrors;
use crate::error::ApiError;
use crate::extract::Body;
use crate::openapi::problems::{BadRequest, NotFound, PersonOnly, Unauthorized, Unprocessable};
use crate::pagination::{self, PageParams};

pub fn configure(config: &mut ServiceConfig) {
    config
        .service(create_report)
        .service(list_reports)
        .service(resolve_report)
        .service(restore_report);
}

/// Report content to the moderators.
///
/// Anything one sees can be reported: ideas and comments go to their lab's hosts and to
/// the platform admins, everything else to the platform admins. One open report per person
/// and target.
#[utoipa::path(
    tag = "moderation",
    security(("bearer_jwt" = [])),
    request_body = CreateReport,
    responses(
        (status = 201, description = "The report, open.", body = Report, headers(("Location" = String))),
        BadRequest, Unauthorized, PersonOnly,
        (status = 409, description = "You have an open report of it already.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "No such content that you can see, or the note is too long.", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/reports")]
async fn create_report(
    db: Db,
    caller: Caller,
    body: Body<CreateReport>,
) -> Result<HttpResponse, ApiError> {
    let reporter = caller.person()?.user_id;
    let mut errors = FieldErrors::default();
    errors.length(&body.note, "note", limits::REASON);
    errors.finish()?;
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    let lab_id = match authz::reportable(&mut conn, &viewer, body.target_type, body.target_id).await
    {
        Ok(lab_id) => lab_id,
        Err(ApiError::NotFound) => {
            return Err(ApiError::invalid_field(
                "target_id",
                "unknown",
                crate::t!("field-report-target-unknown"),
            ));
        }
        Err(error) => return Err(error),
    };
    let id = db::reports::insert(
        &mut conn,
        reporter,
        body.target_type,
        body.target_id,
        lab_id,
        body.reason,
        body.note.trim(),
    )
    .await?
    .ok_or_else(|| {
        ApiError::conflict_on(
            "target_id",
            "reported",
            &crate::t!("field-report-open-already"),
        )
    })?;
    let report = db::reports::find(&mut conn, id)
        .await?
        .ok_or(ApiError::NotFound)?;
    Ok(HttpResponse::Created()
        .insert_header((LOCATION, format!("/api/v1/admin/reports/{id}")))
        .json(report))
}

#[derive(serde::Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
struct ReportFilter {
    /// Only reports in this state (`open` for the queue).
    status: Option<ReportStatus>,
    /// Only reports of this kind of content.
    target_type: Option<ReportTarget>,
}

/// The reports you moderate, newest first.
///
/// Platform admins see every report; a lab's hosts those of ideas and comments in their
/// labs (an empty list for someone who moderates nothing).
#[utoipa::path(
    tag = "moderation",
    security(("bearer_jwt" = [])),
    params(ReportFilter, PageParams),
    responses(
        (status = 200, description = "A page of reports.", body = Page<Report>),
        BadRequest, Unauthorized, PersonOnly,
    ),
)]
#[get("/admin/reports")]
async fn list_reports(
    db: Db,
    caller: Caller,
    query: web::Query<ReportFilter>,
    page: web::Query<PageParams>,
) -> Result<web::Json<Page<Report>>, ApiError> {
    let limit = page.limit()?;
    let after = page.after::<(DateTime<Utc>, Uuid)>()?;
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    let scope = authz::moderation_scope(&viewer)?;
    let filter = db::reports::Filter {
        status: query.status,
        target_type: query.target_type,
    };
    let items = db::reports::list(&mut conn, &scope, &filter, after, limit + 1).await?;
    Ok(web::Json(pagination::page(items, limit, |report| {
        (report.created_at, report.id)
    })))
}

/// Decide on an open report: hide the content, or dismiss the report.
///
/// Hidden content leaves every list, search, the statistics and the webhooks; it is a 404
/// for everyone but its author and the moderators (a hidden comment keeps its place in the
/// thread, without its text). Its author is told, with the note. Every other open report of
/// the same content is decided alike. An offering hidden is then its own organisation's and
/// the moderators' only; a need, or a lab with all in it, its lab's hosts' and the
/// moderators'; an organisation, with its offerings and the labs it hosts, its members' and
/// the moderators' (restored, exactly what its hiding hid comes back).
#[utoipa::path(
    tag = "moderation",
    security(("bearer_jwt" = [])),
    request_body = ResolveReport,
    responses(
        (status = 200, description = "The report, decided.", body = Report),
        BadRequest, Unauthorized, PersonOnly, NotFound,
        (status = 409, description = "The report is decided already.", body = Problem, content_type = "application/problem+json"),
        Unprocessable,
    ),
)]
#[post("/admin/reports/{id}/resolve")]
async fn resolve_report(
    db: Db,
    caller: Caller,
    id: web::Path<Uuid>,
    body: Body<ResolveReport>,
) -> Result<web::Json<Report>, ApiError> {
    let mut errors = FieldErrors::default();
    errors.length(&body.note, "note", limits::REASON);
    errors.finish()?;
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    let report = authz::report(&mut conn, &viewer, *id).await?;
    let to = if body.action == ModerationAction::Hide {
        ReportStatus::Hidden
    } else {
        ReportStatus::Dismissed
    };
    let note = body.note.trim();
    conn.transaction::<_, ApiError, _>(async |conn| {
        decide(conn, &viewer, &report, ReportStatus::Open, to, note).await
    })
    .await?;
    Ok(web::Json(
        db::reports::find(&mut conn, *id)
            .await?
            .ok_or(ApiError::NotFound)?,
    ))
}

/// Show content a report hid again (a moderator's decision undone).
#[utoipa::path(
    tag = "moderation",
    security(("bearer_jwt" = [])),
    responses(
        (status = 200, description = "The report, restored.", body = Report),
        Unauthorized, PersonOnly, NotFound,
        (status = 409, description = "The report did not hide anything.", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/admin/reports/{id}/restore")]
async fn restore_report(
    db: Db,
    caller: Caller,
    id: web::Path<Uuid>,
) -> Result<web::Json<Report>, ApiError> {
    let (mut conn, viewer) = Viewer::connect(&db, caller).await?;
    let report = authz::report(&mut conn, &viewer, *id).await?;
    conn.transaction::<_, ApiError, _>(async |conn| {
        let to = ReportStatus::Restored;
        decide(
            conn,
            &viewer,
            &report,
            ReportStatus::Hidden,
            to,
            &report.resolution_note,
        )
        .await
    })
    .await?;
    Ok(web::Json(
        db::reports::find(&mut conn, *id)
            .await?
            .ok_or(ApiError::NotFound)?,
    ))
}

/// Moves a report from `from` to `to`, hides or shows its content, writes the decision to
/// the audit log and tells the content's author.
async fn decide(
    conn: &mut AsyncPgConnection,
    viewer: &Viewer,
    report: &Report,
    from: ReportStatus,
    to: ReportStatus,
    note: &str,
) -> Result<(), ApiError> {
    let moderator = viewer.caller.person()?.user_id;
    if !db::reports::decide(conn, report, from, to, moderator, note).await? {
        return Err(ApiError::Conflict {
            detail: crate::t!("problem-report-decided"),
            errors: Vec::new(),
        });
    }
    let hidden = match to {
        ReportStatus::Hidden => Some(true),
        ReportStatus::Restored => Some(false),
        // Held content a moderator lets through is shown.
        ReportStatus::Dismissed if report.held => Some(false),
        _ => None,
    };
    let action = match to {
        ReportStatus::Hidden => "moderation.hidden",
        ReportStatus::Restored => "moderation.restored",
        _ => "moderation.dismissed",
    };
    let details = serde_json::json!({
        "report_id": report.id, "reason": report.reason.as_str(), "note": note,
    });
    let target = report.target_type.as_str();
    db::audit::record(
        conn,
        &viewer.caller,
        action,
        target,
        report.target_id,
        details,
    )
    .await?;
    let Some(hidden) = hidden else {
        return Ok(());
    };
    match report.target_type {
        ReportTarget::Idea => db::ideas::set_idea_hidden(conn, report.target_id, hidden).await?,
        ReportTarget::Comment => {
            db::ideas::set_comment_hidden(conn, report.target_id, hidden).await?
        }
        ReportTarget::Offering => db::offerings::set_hidden(conn, report.target_id, hidden).await?,
        ReportTarget::Need => db::needs::set_hidden(conn, report.target_id, hidden).await?,
        ReportTarget::Lab => db::labs::set_hidden(conn, report.target_id, hidden).await?,
        ReportTarget::Organization => {
            db::organizations::set_hidden(conn, report.target_id, hidden).await?
        }
    };
    // Held content was never shown: its author hears only if it is hidden for good.
    let tell = !report.held || to == ReportStatus::Hidden;
    if tell
        && let Some(content) =
            db::reports::content(conn, report.target_type, report.target_id).await?
    {
        let kind = if hidden {
            NotificationKind::ContentHidden
        } else {
            NotificationKind::ContentRestored
        };
        let details = serde_json::json!({
            "content_title": content.title, "target_type": target, "note": note,
        });
        for author in content.authors {
            let (subject, id) = (content.subject_type, content.subject_id);
            db::notifications::notify(conn, author, kind, subject, id, details.clone()).await?;
        }
    }
    Ok(())
}
