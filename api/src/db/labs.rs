//! Labs, their participants, phase history and indicators.
//!
//! Reads are plain SQL (built with [`Sql`]) so that the visibility rule reads as it is
//! stated: a lab is visible when it is public, when the viewer belongs to a participating
//! organisation, or when the viewer is a platform admin. Every read of labs, needs and
//! ideas binds the viewer once ([`BoundViewer`]) and asks it for the rule.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use diesel::sql_types as sql;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use shared::{
    Direction, Indicator, Lab, LabPhase, Measurement, OrganizationRef, Participant,
    ParticipantRole, PhaseChange, Visibility, indicator_progress,
};
use uuid::Uuid;

use super::schema::{indicator_measurements, lab_indicators, lab_participants, labs};
use super::search::{KeyFields, Listing, Place, Searched, SortKey, Window, analyse};
use super::sql::Sql;
use crate::authz::Viewer;
use crate::domain::markdown::to_safe_html;

/// A lab as a viewer sees it, with whether the viewer takes part in it.
pub struct LabRecord {
    pub lab: Lab,
    pub participates: bool,
}

#[derive(QueryableByName)]
struct LabRow {
    #[diesel(sql_type = sql::Uuid)]
    id: Uuid,
    #[diesel(sql_type = sql::Text)]
    title: String,
    #[diesel(sql_type = sql::Text)]
    summary: String,
    #[diesel(sql_type = sql::Text)]
    description: String,
    #[diesel(sql_type = sql::Text)]
    description_html: String,
    #[diesel(sql_type = sql::Text)]
    challenge_area: String,
    #[diesel(sql_type = sql::Text)]
    municipality_code: String,
    #[diesel(sql_type = sql::Text)]
    municipality_name: String,
    #[diesel(sql_type = sql::Text)]
    county_code: String,
    #[diesel(sql_type = sql::Text)]
    neighbourhood: String,
    #[diesel(sql_type = sql::Nullable<sql::Date>)]
    starts_on: Option<NaiveDate>,
    #[diesel(sql_type = sql::Nullable<sql::Date>)]
    ends_on: Option<NaiveDate>,
    #[diesel(sql_type = sql::Text)]
    visibility: Visibility,
    #[diesel(sql_type = sql::Text)]
    phase: LabPhase,
    #[diesel(sql_type = sql::Uuid)]
    host_id: Uuid,
    #[diesel(sql_type = sql::Text)]
    host_name: String,
    #[diesel(sql_type = sql::Bool)]
    can_edit: bool,
    #[diesel(sql_type = sql::Bool)]
    participates: bool,
    #[diesel(sql_type = sql::Bool)]
    hidden: bool,
    #[diesel(sql_type = sql::Timestamptz)]
    created_at: DateTime<Utc>,
    #[diesel(sql_type = sql::Timestamptz)]
    updated_at: DateTime<Utc>,
    #[diesel(sql_type = sql::Integer)]
    version: i32,
    #[diesel(sql_type = sql::Float4)]
    rank: f32,
}

impl LabRow {
    fn into_record(self) -> LabRecord {
        LabRecord {
            participates: self.participates,
            lab: Lab {
                id: self.id,
                title: self.title,
                summary: self.summary,
                description: self.description,
                description_html: self.description_html,
                challenge_area: self.challenge_area,
                municipality_code: self.municipality_code,
                municipality_name: self.municipality_name,
                county_code: self.county_code,
                neighbourhood: self.neighbourhood,
                starts_on: self.starts_on,
                ends_on: self.ends_on,
                visibility: self.visibility,
                phase: self.phase,
                host: OrganizationRef {
                    id: self.host_id,
                    name: self.host_name,
                },
                can_edit: self.can_edit,
                hidden: self.hidden,
                created_at: self.created_at,
                updated_at: self.updated_at,
                version: self.version,
            },
        }
    }
}

/// The viewer, bound into a query once: what every read of labs, and of their needs and
/// ideas, asks about the caller.
pub(super) struct BoundViewer {
    /// The organisations through which the viewer runs labs.
    runs: String,
    /// The organisations through which the viewer sees members-only labs.
    sees: String,
    /// Whether the viewer sees everything (a platform admin).
    everything: String,
}

impl BoundViewer {
    pub(super) fn bind(sql: &mut Sql<'_>, viewer: &Viewer) -> Self {
        Self {
            runs: sql.bind::<sql::Array<sql::Uuid>, _>(viewer.edit_organizations.clone()),
            sees: sql.bind::<sql::Array<sql::Uuid>, _>(viewer.view_organizations.clone()),
            everything: sql.bind::<sql::Bool, _>(viewer.sees_everything()),
        }
    }

    /// The visibility rule, for a query that has the lab as `l`: public or taken part in,
    /// and not hidden by moderation unless the viewer runs it or moderates.
    pub(super) fn may_see(&self) -> String {
        format!(
            "((l.visibility = 'public' OR {} OR EXISTS (SELECT 1 FROM lab_participants v \
              WHERE v.lab_id = l.id AND v.organization_id = ANY({}))) \
              AND (l.hidden_at IS NULL OR {}))",
            self.everything,
            self.sees,
            self.runs_or_moderates()
        )
    }

    /// Whether the viewer acts for the organisation in `column` (or sees everything).
    pub(super) fn sees_organization(&self, column: &str) -> String {
        format!("({} OR {column} = ANY({}))", self.everything, self.sees)
    }

    /// Whether the viewer runs the lab `l` (through one of its host organisations).
    pub(super) fn runs(&self) -> String {
        format!(
            "EXISTS (SELECT 1 FROM lab_participants p WHERE p.lab_id = l.id \
              AND p.role = 'host' AND p.organization_id = ANY({}))",
            self.runs
        )
    }

    /// Whether the viewer runs the lab `l` or sees everything: who sees what moderation hid
    /// in it.
    pub(super) fn runs_or_moderates(&self) -> String {
        format!("({} OR {})", self.everything, self.runs())
    }

    /// Whether one of the viewer's organisations takes part in the lab `l`.
    fn takes_part(&self) -> String {
        format!(
            "EXISTS (SELECT 1 FROM lab_participants p WHERE p.lab_id = l.id \
              AND p.organization_id = ANY({}))",
            self.sees
        )
    }
}

/// The select list of a lab, for a viewer bound as `who`; `rank` is the search rank to select.
fn select(who: &BoundViewer, rank: &str) -> String {
    format!(
        "SELECT l.id, l.title, l.summary, l.description, l.description_html, l.challenge_area,
                l.municipality_code,
                m.name AS municipality_name, m.county_code, l.neighbourhood, l.starts_on,
                l.ends_on, l.visibility, l.phase, o.id AS host_id, o.name AS host_name,
                {runs} AS can_edit, {takes_part} AS participates, l.hidden_at IS NOT NULL AS hidden,
                l.created_at, l.updated_at, l.version, {rank} AS rank
           FROM labs l
           JOIN municipalities m ON m.code = l.municipality_code
           JOIN organizations o ON o.id = l.host_organization_id",
        runs = who.runs(),
        takes_part = who.takes_part(),
    )
}

/// One lab, whether or not the viewer may see it (the caller decides).
pub async fn find(
    conn: &mut AsyncPgConnection,
    viewer: &Viewer,
    id: Uuid,
) -> QueryResult<Option<LabRecord>> {
    let mut sql = Sql::default();
    let who = BoundViewer::bind(&mut sql, viewer);
    sql.push(select(&who, "0::real"));
    let id = sql.bind::<sql::Uuid, _>(id);
    sql.push(format!(" WHERE l.id = {id}"));
    let row: Option<LabRow> = sql.finish().get_result(conn).await.optional()?;
    Ok(row.map(LabRow::into_record))
}

/// Filters of the lab list.
#[derive(Debug, Default)]
pub struct Filter {
    pub place: Place,
    pub phase: Option<LabPhase>,
    pub host: Option<Uuid>,
    pub query: Option<String>,
}

/// A page of the labs the viewer may see: the best matches first when searching, else
/// the newest first.
pub async fn list(
    conn: &mut AsyncPgConnection,
    viewer: &Viewer,
    filter: &Filter,
    window: Window,
) -> QueryResult<Vec<(Lab, SortKey)>> {
    let mut sql = Sql::default();
    let who = BoundViewer::bind(&mut sql, viewer);
    let listing = Listing::bind(&mut sql, "l", window, filter.query.as_deref());
    sql.push(select(&who, &listing.rank()));
    sql.push(format!(" WHERE {}", who.may_see()));
    filter.place.push(&mut sql, "l");
    sql.and_eq::<sql::Text, _>("l.phase", filter.phase);
    if let Some(host) = filter.host {
        let host = sql.bind::<sql::Uuid, _>(host);
        sql.push(format!(
            " AND EXISTS (SELECT 1 FROM lab_participants h WHERE h.lab_id = l.id \
               AND h.role = 'host' AND h.organization_id = {host})"
        ));
    }
    listing.push_search(&mut sql, Searched::Labs);
    listing.push_page(&mut sql);
    let rows: Vec<LabRow> = sql.finish().load(conn).await?;
    Ok(rows
        .into_iter()
        .map(|row| {
            let key = window.order.key_of(KeyFields::of(
                row.id,
                row.created_at,
                row.updated_at,
                row.rank,
            ));
            (row.into_record().lab, key)
        })
        .collect())
}

/// The fields of a new or changed lab, already validated.
pub struct LabFields<'a> {
    pub title: &'a str,
    pub summary: &'a str,
    pub description: &'a str,
    pub challenge_area: &'a str,
    pub municipality_code: &'a str,
    pub neighbourhood: &'a str,
    pub starts_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub visibility: Visibility,
}

/// Creates a lab with `host` as its host participant (in the caller's transaction).
pub async fn insert(
    conn: &mut AsyncPgConnection,
    fields: &LabFields<'_>,
    host: Uuid,
    created_by: Option<Uuid>,
) -> QueryResult<Uuid> {
    let id = Uuid::now_v7();
    diesel::insert_into(labs::table)
        .values((
            labs::id.eq(id),
            labs::host_organization_id.eq(host),
            labs::title.eq(fields.title),
            labs::summary.eq(fields.summary),
            labs::description.eq(fields.description),
            labs::description_html.eq(to_safe_html(fields.description)),
            labs::challenge_area.eq(fields.challenge_area),
            labs::municipality_code.eq(fields.municipality_code),
            labs::neighbourhood.eq(fields.neighbourhood),
            labs::starts_on.eq(fields.starts_on),
            labs::ends_on.eq(fields.ends_on),
            labs::visibility.eq(fields.visibility.as_str()),
            labs::created_by.eq(created_by),
        ))
        .execute(conn)
        .await?;
    analyse(conn, Searched::Labs, id).await?;
    set_participant(conn, id, host, ParticipantRole::Host).await?;
    Ok(id)
}

/// The organisation's lab of this title, if any (the demo finds its labs by title).
pub async fn id_by_title(
    conn: &mut AsyncPgConnection,
    host: Uuid,
    title: &str,
) -> QueryResult<Option<Uuid>> {
    labs::table
        .filter(labs::host_organization_id.eq(host))
        .filter(labs::title.eq(title))
        .select(labs::id)
        .first(conn)
        .await
        .optional()
}

/// A lab's challenge area.
pub async fn challenge_area_of(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<String> {
    labs::table
        .find(id)
        .select(labs::challenge_area)
        .first(conn)
        .await
}

/// Whether the organisation hosts a lab of this title (the demo loads each lab once).
pub async fn exists_with_title(
    conn: &mut AsyncPgConnection,
    host: Uuid,
    title: &str,
) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        labs::table
            .filter(labs::host_organization_id.eq(host))
            .filter(labs::title.eq(title)),
    ))
    .get_result(conn)
    .await
}

lock_version_of!(labs);

pub async fn update(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    fields: &LabFields<'_>,
) -> QueryResult<()> {
    diesel::update(labs::table.find(id))
        .set((
            labs::title.eq(fields.title),
            labs::summary.eq(fields.summary),
            labs::description.eq(fields.description),
            labs::description_html.eq(to_safe_html(fields.description)),
            labs::challenge_area.eq(fields.challenge_area),
            labs::municipality_code.eq(fields.municipality_code),
            labs::neighbourhood.eq(fields.neighbourhood),
            labs::starts_on.eq(fields.starts_on),
            labs::ends_on.eq(fields.ends_on),
            labs::visibility.eq(fields.visibility.as_str()),
            labs::version.eq(labs::version + 1),
            labs::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)
        .await?;
    analyse(conn, Searched::Labs, id).await?;
    Ok(())
}

/// The lab's phase, locking its row until the transaction ends.
pub async fn lock_phase(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<LabPhase> {
    labs::table
        .find(id)
        .select(labs::phase)
        .for_update()
        .first(conn)
        .await
}

pub async fn set_phase(conn: &mut AsyncPgConnection, id: Uuid, phase: LabPhase) -> QueryResult<()> {
    diesel::update(labs::table.find(id))
        .set((
            labs::phase.eq(phase.as_str()),
            labs::version.eq(labs::version + 1),
            labs::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

/// The lab's creation and phase changes, oldest first, from the audit log.
pub async fn history(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Vec<PhaseChange>> {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = sql::Jsonb)]
        details: serde_json::Value,
        #[diesel(sql_type = sql::Nullable<sql::Text>)]
        actor: Option<String>,
        #[diesel(sql_type = sql::Timestamptz)]
        at: DateTime<Utc>,
    }
    let mut sql = Sql::default();
    let lab = sql.bind::<sql::Uuid, _>(id);
    sql.push(format!(
        "SELECT a.details, COALESCE(u.display_name, k.name) AS actor, a.created_at AS at
           FROM audit_log a
           LEFT JOIN users u ON u.id = a.actor_user_id
           LEFT JOIN api_keys k ON k.id = a.actor_api_key_id
          WHERE a.subject_type = 'lab' AND a.subject_id = {lab}
            AND a.action IN ('lab.created', 'lab.phase_changed')
          ORDER BY a.created_at, a.id"
    ));
    let rows: Vec<Row> = sql.finish().load(conn).await?;
    let phase = |row: &Row, key: &str| {
        row.details
            .get(key)
            .and_then(serde_json::Value::as_str)
            .and_then(LabPhase::parse)
    };
    Ok(rows
        .iter()
        .filter_map(|row| {
            Some(PhaseChange {
                from: phase(row, "from"),
                to: phase(row, "to")?,
                note: row
                    .details
                    .get("note")
                    .and_then(serde_json::Value::as_str)
                    .map(str::to_owned),
                actor: row.actor.clone(),
                at: row.at,
            })
        })
        .collect())
}

pub async fn participants(
    conn: &mut AsyncPgConnection,
    lab_id: Uuid,
) -> QueryResult<Vec<Participant>> {
    use super::schema::organizations;
    let rows: Vec<(Uuid, String, ParticipantRole, DateTime<Utc>)> = lab_participants::table
        .inner_join(organizations::table)
        .filter(lab_participants::lab_id.eq(lab_id))
        .order((lab_participants::created_at, organizations::id))
        .select((
            organizations::id,
            organizations::name,
            lab_participants::role,
            lab_participants::created_at,
        ))
        .load(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, role, joined_at)| Participant {
            organization: OrganizationRef { id, name },
            role,
            joined_at,
        })
        .collect())
}

/// Adds an organisation to a lab, or changes its role.
pub async fn set_participant(
    conn: &mut AsyncPgConnection,
    lab_id: Uuid,
    organization_id: Uuid,
    role: ParticipantRole,
) -> QueryResult<()> {
    diesel::insert_into(lab_participants::table)
        .values((
            lab_participants::lab_id.eq(lab_id),
            lab_participants::organization_id.eq(organization_id),
            lab_participants::role.eq(role.as_str()),
        ))
        .on_conflict((lab_participants::lab_id, lab_participants::organization_id))
        .do_update()
        .set(lab_participants::role.eq(role.as_str()))
        .execute(conn)
        .await?;
    Ok(())
}

pub async fn remove_participant(
    conn: &mut AsyncPgConnection,
    lab_id: Uuid,
    organization_id: Uuid,
) -> QueryResult<bool> {
    let removed = diesel::delete(lab_participants::table.find((lab_id, organization_id)))
        .execute(conn)
        .await?;
    Ok(removed == 1)
}

/// The host organisations of a lab, earliest first, locking the participant rows so that
/// two concurrent changes cannot both remove "the other" last host.
pub async fn hosts_for_update(
    conn: &mut AsyncPgConnection,
    lab_id: Uuid,
) -> QueryResult<Vec<Uuid>> {
    lab_participants::table
        .filter(lab_participants::lab_id.eq(lab_id))
        .filter(lab_participants::role.eq(ParticipantRole::Host.as_str()))
        .order(lab_participants::created_at)
        .select(lab_participants::organization_id)
        .for_update()
        .load(conn)
        .await
}

/// Hands the lead from `leaving` to `next` if `leaving` leads the lab.
pub async fn set_lead_host_if(
    conn: &mut AsyncPgConnection,
    lab_id: Uuid,
    leaving: Uuid,
    next: Uuid,
) -> QueryResult<()> {
    diesel::update(
        labs::table
            .find(lab_id)
            .filter(labs::host_organization_id.eq(leaving)),
    )
    .set(labs::host_organization_id.eq(next))
    .execute(conn)
    .await?;
    Ok(())
}

/// The fields of a new indicator, already validated.
pub struct IndicatorFields<'a> {
    pub name: &'a str,
    pub unit: &'a str,
    pub baseline: f64,
    pub target: f64,
    pub direction: Direction,
}

pub async fn insert_indicator(
    conn: &mut AsyncPgConnection,
    lab_id: Uuid,
    fields: &IndicatorFields<'_>,
) -> QueryResult<Uuid> {
    let id = Uuid::now_v7();
    diesel::insert_into(lab_indicators::table)
        .values((
            lab_indicators::id.eq(id),
            lab_indicators::lab_id.eq(lab_id),
            lab_indicators::name.eq(fields.name),
            lab_indicators::unit.eq(fields.unit),
            lab_indicators::baseline.eq(fields.baseline),
            lab_indicators::target.eq(fields.target),
            lab_indicators::direction.eq(fields.direction.as_str()),
        ))
        .execute(conn)
        .await?;
    Ok(id)
}

pub async fn insert_measurement(
    conn: &mut AsyncPgConnection,
    indicator_id: Uuid,
    measured_on: NaiveDate,
    value: f64,
    note: &str,
) -> QueryResult<()> {
    diesel::insert_into(indicator_measurements::table)
        .values((
            indicator_measurements::id.eq(Uuid::now_v7()),
            indicator_measurements::indicator_id.eq(indicator_id),
            indicator_measurements::measured_on.eq(measured_on),
            indicator_measurements::value.eq(value),
            indicator_measurements::note.eq(note),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

/// A lab's indicators with their measurements (all of them, or only `only`).
pub async fn indicators(
    conn: &mut AsyncPgConnection,
    lab_id: Uuid,
    only: Option<Uuid>,
) -> QueryResult<Vec<Indicator>> {
    type Row = (Uuid, String, String, f64, f64, Direction);
    let mut query = lab_indicators::table
        .filter(lab_indicators::lab_id.eq(lab_id))
        .order((lab_indicators::created_at, lab_indicators::id))
        .select((
            lab_indicators::id,
            lab_indicators::name,
            lab_indicators::unit,
            lab_indicators::baseline,
            lab_indicators::target,
            lab_indicators::direction,
        ))
        .into_boxed();
    if let Some(id) = only {
        query = query.filter(lab_indicators::id.eq(id));
    }
    let rows: Vec<Row> = query.load(conn).await?;
    let ids: Vec<Uuid> = rows.iter().map(|row| row.0).collect();
    let measurements: Vec<(Uuid, Uuid, NaiveDate, f64, String)> = indicator_measurements::table
        .filter(indicator_measurements::indicator_id.eq_any(&ids))
        .order((
            indicator_measurements::measured_on,
            indicator_measurements::created_at,
        ))
        .select((
            indicator_measurements::indicator_id,
            indicator_measurements::id,
            indicator_measurements::measured_on,
            indicator_measurements::value,
            indicator_measurements::note,
        ))
        .load(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, unit, baseline, target, direction)| {
            let measurements: Vec<Measurement> = measurements
                .iter()
                .filter(|m| m.0 == id)
                .map(|(_, id, measured_on, value, note)| Measurement {
                    id: *id,
                    measured_on: *measured_on,
                    value: *value,
                    note: note.clone(),
                })
                .collect();
            let latest = measurements.last().cloned();
            Indicator {
                id,
                name,
                unit,
                baseline,
                target,
                direction,
                progress: indicator_progress(baseline, target, latest.as_ref().map(|m| m.value)),
                latest,
                measurements,
            }
        })
        .collect())
}

/// Hides a lab by moderation, or shows it again; `false` when it already was so.
pub async fn set_hidden(conn: &mut AsyncPgConnection, id: Uuid, hidden: bool) -> QueryResult<bool> {
    let at = hidden.then(Utc::now);
    let changed = diesel::update(labs::table.find(id))
        .filter(labs::hidden_at.is_null().eq(hidden))
        .set(labs::hidden_at.eq(at))
        .execute(conn)
        .await?;
    Ok(changed == 1)
}
