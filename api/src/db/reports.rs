//! Reports of content and the moderators' decisions.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types as sql;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use shared::{PersonRef, Report, ReportReason, ReportStatus, ReportTarget};
use uuid::Uuid;

use super::schema::{idea_comments, ideas, labs, needs, offerings, organizations, reports};
use super::sql::Sql;

/// The lab whose hosts moderate a reported idea or comment (`None` for other targets, or a
/// target that is gone).
pub async fn lab_of(
    conn: &mut AsyncPgConnection,
    target: ReportTarget,
    id: Uuid,
) -> QueryResult<Option<Uuid>> {
    match target {
        ReportTarget::Idea => ideas::table
            .find(id)
            .select(ideas::lab_id)
            .first(conn)
            .await
            .optional(),
        ReportTarget::Comment => idea_comments::table
            .inner_join(ideas::table.on(ideas::id.eq(idea_comments::idea_id)))
            .filter(idea_comments::id.eq(id))
            .select(ideas::lab_id)
            .first(conn)
            .await
            .optional(),
        _ => Ok(None),
    }
}

/// A new open report; `None` when the reporter has one open on the target already.
pub async fn insert(
    conn: &mut AsyncPgConnection,
    reporter: Uuid,
    target: ReportTarget,
    target_id: Uuid,
    lab_id: Option<Uuid>,
    reason: ReportReason,
    note: &str,
) -> QueryResult<Option<Uuid>> {
    diesel::insert_into(reports::table)
        .values((
            reports::id.eq(Uuid::now_v7()),
            reports::reporter_id.eq(reporter),
            reports::target_type.eq(target),
            reports::target_id.eq(target_id),
            reports::lab_id.eq(lab_id),
            reports::reason.eq(reason),
            reports::note.eq(note),
        ))
        .on_conflict_do_nothing()
        .returning(reports::id)
        .get_result(conn)
        .await
        .optional()
}

/// Holds new content for review: an open report the platform makes itself.
pub async fn hold(
    conn: &mut AsyncPgConnection,
    target: ReportTarget,
    target_id: Uuid,
    lab_id: Option<Uuid>,
) -> QueryResult<()> {
    diesel::insert_into(reports::table)
        .values((
            reports::id.eq(Uuid::now_v7()),
            reports::target_type.eq(target),
            reports::target_id.eq(target_id),
            reports::lab_id.eq(lab_id),
            reports::reason.eq(ReportReason::Spam),
            reports::held.eq(true),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

/// Which reports a moderator sees.
pub enum Moderates {
    /// A platform admin: all.
    Everything,
    /// A person: those of ideas and comments in the labs their organisations host.
    LabsHostedBy(Vec<Uuid>),
}

/// Filters of the queue.
#[derive(Debug, Default)]
pub struct Filter {
    pub status: Option<ReportStatus>,
    pub target_type: Option<ReportTarget>,
}

#[derive(QueryableByName)]
struct Row {
    #[diesel(sql_type = sql::Uuid)]
    id: Uuid,
    #[diesel(sql_type = sql::Text)]
    target_type: ReportTarget,
    #[diesel(sql_type = sql::Uuid)]
    target_id: Uuid,
    #[diesel(sql_type = sql::Nullable<sql::Uuid>)]
    lab_id: Option<Uuid>,
    #[diesel(sql_type = sql::Nullable<sql::Uuid>)]
    page_id: Option<Uuid>,
    #[diesel(sql_type = sql::Nullable<sql::Text>)]
    excerpt: Option<String>,
    #[diesel(sql_type = sql::Text)]
    reason: ReportReason,
    #[diesel(sql_type = sql::Text)]
    note: String,
    #[diesel(sql_type = sql::Text)]
    status: ReportStatus,
    #[diesel(sql_type = sql::Bool)]
    held: bool,
    #[diesel(sql_type = sql::Nullable<sql::Uuid>)]
    reporter_id: Option<Uuid>,
    #[diesel(sql_type = sql::Nullable<sql::Text>)]
    reporter_name: Option<String>,
    #[diesel(sql_type = sql::Text)]
    resolution_note: String,
    #[diesel(sql_type = sql::Nullable<sql::Timestamptz>)]
    resolved_at: Option<DateTime<Utc>>,
    #[diesel(sql_type = sql::Timestamptz)]
    created_at: DateTime<Utc>,
}

impl Row {
    fn into_report(self) -> Report {
        let collection = match self.target_type {
            ReportTarget::Idea | ReportTarget::Comment => "ideas",
            ReportTarget::Offering => "offerings",
            ReportTarget::Need => "needs",
            ReportTarget::Lab => "labs",
            ReportTarget::Organization => "organizations",
        };
        let page = self.page_id.unwrap_or(self.target_id);
        Report {
            id: self.id,
            target_type: self.target_type,
            target_id: self.target_id,
            lab_id: self.lab_id,
            target_path: format!("/{collection}/{page}"),
            excerpt: self.excerpt.unwrap_or_default(),
            reason: self.reason,
            note: self.note,
            status: self.status,
            held: self.held,
            reporter: self
                .reporter_id
                .zip(self.reporter_name)
                .map(|(id, display_name)| PersonRef { id, display_name }),
            resolution_note: self.resolution_note,
            resolved_at: self.resolved_at,
            created_at: self.created_at,
        }
    }
}

/// A report with what it is about: the start of the reported text, and the page it is on.
const SELECT: &str = "
    SELECT r.id, r.target_type, r.target_id, r.lab_id,
           CASE r.target_type WHEN 'comment'
                THEN (SELECT c.idea_id FROM idea_comments c WHERE c.id = r.target_id) END AS page_id,
           CASE r.target_type
                WHEN 'idea' THEN (SELECT i.title FROM ideas i WHERE i.id = r.target_id)
                WHEN 'comment' THEN (SELECT left(c.body, 200) FROM idea_comments c WHERE c.id = r.target_id)
                WHEN 'offering' THEN (SELECT o.title FROM offerings o WHERE o.id = r.target_id)
                WHEN 'need' THEN (SELECT n.title FROM needs n WHERE n.id = r.target_id)
                WHEN 'lab' THEN (SELECT l.title FROM labs l WHERE l.id = r.target_id)
                WHEN 'organization' THEN (SELECT g.name FROM organizations g WHERE g.id = r.target_id)
           END AS excerpt,
           r.reason, r.note, r.status, r.held, r.reporter_id, u.display_name AS reporter_name,
           r.resolution_note, r.resolved_at, r.created_at
      FROM reports r
      LEFT JOIN users u ON u.id = r.reporter_id";

pub async fn find(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Option<Report>> {
    let mut sql = Sql::new(SELECT);
    let id = sql.bind::<sql::Uuid, _>(id);
    sql.push(format!(" WHERE r.id = {id}"));
    let row: Option<Row> = sql.finish().get_result(conn).await.optional()?;
    Ok(row.map(Row::into_report))
}

/// A page of the reports the moderator sees, newest first.
pub async fn list(
    conn: &mut AsyncPgConnection,
    moderates: &Moderates,
    filter: &Filter,
    after: Option<(DateTime<Utc>, Uuid)>,
    limit: i64,
) -> QueryResult<Vec<Report>> {
    let mut sql = Sql::new(SELECT);
    sql.push(" WHERE true");
    if let Moderates::LabsHostedBy(organizations) = moderates {
        let organizations = sql.bind::<sql::Array<sql::Uuid>, _>(organizations.clone());
        sql.push(format!(
            " AND r.lab_id IN (SELECT p.lab_id FROM lab_participants p
                                WHERE p.role = 'host' AND p.organization_id = ANY({organizations}))"
        ));
    }
    sql.and_eq::<sql::Text, _>("r.status", filter.status)
        .and_eq::<sql::Text, _>("r.target_type", filter.target_type);
    if let Some((at, id)) = after {
        let (at, id) = (
            sql.bind::<sql::Timestamptz, _>(at),
            sql.bind::<sql::Uuid, _>(id),
        );
        sql.push(format!(" AND (r.created_at, r.id) < ({at}, {id})"));
    }
    let limit = sql.bind::<sql::BigInt, _>(limit);
    sql.push(format!(
        " ORDER BY r.created_at DESC, r.id DESC LIMIT {limit}"
    ));
    let rows: Vec<Row> = sql.finish().load(conn).await?;
    Ok(rows.into_iter().map(Row::into_report).collect())
}

/// Records a decision on a report, and the same decision on every other open report of its
/// target (a hidden comment is hidden for all who reported it); `false` when the report is
/// no longer in `from`.
pub async fn decide(
    conn: &mut AsyncPgConnection,
    report: &Report,
    from: ReportStatus,
    to: ReportStatus,
    by: Uuid,
    note: &str,
) -> QueryResult<bool> {
    let changed = diesel::update(reports::table.find(report.id))
        .filter(reports::status.eq(from))
        .set((
            reports::status.eq(to),
            reports::resolved_by.eq(by),
            reports::resolution_note.eq(note),
            reports::resolved_at.eq(Some(Utc::now())),
        ))
        .execute(conn)
        .await?;
    if changed == 1 && to == ReportStatus::Hidden {
        diesel::update(reports::table)
            .filter(reports::target_type.eq(report.target_type))
            .filter(reports::target_id.eq(report.target_id))
            .filter(reports::status.eq(ReportStatus::Open))
            .set((
                reports::status.eq(to),
                reports::resolved_by.eq(by),
                reports::resolution_note.eq(note),
                reports::resolved_at.eq(Some(Utc::now())),
            ))
            .execute(conn)
            .await?;
    }
    Ok(changed == 1)
}

/// What the authors of reported content are told of a decision: who they are (the writer of
/// an idea or comment; the members of the organisation of an offering, need or lab), its title (or the start
/// of its text), and the page it is on.
pub struct Content {
    pub authors: Vec<Uuid>,
    pub title: String,
    /// The notification's subject: `idea` (for a comment too), `offering`, `need`, `lab` or
    /// `organization`.
    pub subject_type: &'static str,
    pub subject_id: Uuid,
}

/// Content an organisation published (`found`: its title and the organisation): its
/// members are its authors.
async fn of_organization(
    conn: &mut AsyncPgConnection,
    found: Option<(String, Uuid)>,
    subject_type: &'static str,
    subject_id: Uuid,
) -> QueryResult<Option<Content>> {
    let Some((title, organization_id)) = found else {
        return Ok(None);
    };
    Ok(Some(Content {
        authors: super::organizations::member_ids(conn, organization_id).await?,
        title,
        subject_type,
        subject_id,
    }))
}

pub async fn content(
    conn: &mut AsyncPgConnection,
    target: ReportTarget,
    id: Uuid,
) -> QueryResult<Option<Content>> {
    let written = |(author, title, idea_id): (Option<Uuid>, String, Uuid)| Content {
        authors: author.into_iter().collect(),
        title,
        subject_type: "idea",
        subject_id: idea_id,
    };
    Ok(match target {
        ReportTarget::Idea => ideas::table
            .find(id)
            .select((ideas::author_id, ideas::title, ideas::id))
            .first(conn)
            .await
            .optional()?
            .map(written),
        ReportTarget::Comment => idea_comments::table
            .find(id)
            .select((
                idea_comments::author_id,
                diesel::dsl::sql::<sql::Text>("left(idea_comments.body, 80)"),
                idea_comments::idea_id,
            ))
            .first(conn)
            .await
            .optional()?
            .map(written),
        ReportTarget::Offering => {
            let found = offerings::table
                .find(id)
                .select((offerings::title, offerings::organization_id))
                .first(conn)
                .await
                .optional()?;
            of_organization(conn, found, "offering", id).await?
        }
        ReportTarget::Need => {
            let found = needs::table
                .find(id)
                .select((needs::title, needs::organization_id))
                .first(conn)
                .await
                .optional()?;
            of_organization(conn, found, "need", id).await?
        }
        ReportTarget::Lab => {
            let found = labs::table
                .find(id)
                .select((labs::title, labs::host_organization_id))
                .first(conn)
                .await
                .optional()?;
            of_organization(conn, found, "lab", id).await?
        }
        ReportTarget::Organization => {
            let found = organizations::table
                .find(id)
                .select((organizations::name, organizations::id))
                .first(conn)
                .await
                .optional()?;
            of_organization(conn, found, "organization", id).await?
        }
    })
}
