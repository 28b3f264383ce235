//! The method bank: methods with their links (origin labs and ideas, indicators), their
//! evidence entries, and the facts their data level is derived from.
//!
//! A draft is seen only through its organisation (or by platform admins): [`visible`] is
//! the one rule every read of methods states.

use std::collections::HashMap;

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types as sql;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use shared::{Evidence, LabRef, Link, Method, MethodStatus, OrganizationRef, Resource, Transfer};
use uuid::Uuid;

use super::labs::BoundViewer;
use super::schema::{
    method_evidence, method_indicators, method_origin_ideas, method_origin_labs, methods,
};
use super::search::{KeyFields, Listing, Place, Searched, SortKey, Window, analyse};
use super::sql::Sql;
use crate::authz::Viewer;
use crate::domain::evidence::{self, EvidenceFacts};
use crate::domain::markdown::to_safe_html;

#[derive(QueryableByName)]
struct MethodRow {
    #[diesel(sql_type = sql::Uuid)]
    id: Uuid,
    #[diesel(sql_type = sql::Uuid)]
    organization_id: Uuid,
    #[diesel(sql_type = sql::Text)]
    organization_name: String,
    #[diesel(sql_type = sql::Text)]
    title: String,
    #[diesel(sql_type = sql::Text)]
    summary: String,
    #[diesel(sql_type = sql::Text)]
    problem: String,
    #[diesel(sql_type = sql::Text)]
    approach: String,
    #[diesel(sql_type = sql::Text)]
    approach_html: String,
    #[diesel(sql_type = sql::Text)]
    results: String,
    #[diesel(sql_type = sql::Text)]
    transfer_staff: String,
    #[diesel(sql_type = sql::Text)]
    transfer_time: String,
    #[diesel(sql_type = sql::Text)]
    transfer_cost_range: String,
    #[diesel(sql_type = sql::Text)]
    transfer_prerequisites: String,
    #[diesel(sql_type = sql::Array<sql::Text>)]
    target_groups: Vec<String>,
    #[diesel(sql_type = sql::Array<sql::Text>)]
    challenge_areas: Vec<String>,
    #[diesel(sql_type = sql::Jsonb)]
    origin_labs: serde_json::Value,
    #[diesel(sql_type = sql::Array<sql::Uuid>)]
    origin_idea_ids: Vec<Uuid>,
    #[diesel(sql_type = sql::Array<sql::Uuid>)]
    indicator_ids: Vec<Uuid>,
    #[diesel(sql_type = sql::Jsonb)]
    resources: serde_json::Value,
    #[diesel(sql_type = sql::Text)]
    licence: String,
    #[diesel(sql_type = sql::Text)]
    status: MethodStatus,
    #[diesel(sql_type = sql::Nullable<sql::Text>)]
    retired_reason: Option<String>,
    #[diesel(sql_type = sql::Nullable<sql::Timestamptz>)]
    published_at: Option<DateTime<Utc>>,
    #[diesel(sql_type = sql::Nullable<sql::Integer>)]
    claimed_level: Option<i32>,
    #[diesel(sql_type = sql::Nullable<sql::Integer>)]
    reviewed_level: Option<i32>,
    #[diesel(sql_type = sql::Nullable<sql::Text>)]
    review_note: Option<String>,
    #[diesel(sql_type = sql::BigInt)]
    adoption_count: i64,
    #[diesel(sql_type = sql::Bool)]
    can_edit: bool,
    #[diesel(sql_type = sql::Timestamptz)]
    created_at: DateTime<Utc>,
    #[diesel(sql_type = sql::Timestamptz)]
    updated_at: DateTime<Utc>,
    #[diesel(sql_type = sql::Integer)]
    version: i32,
    #[diesel(sql_type = sql::Float4)]
    rank: f32,
}

/// A stored JSON column read into its type; what the API wrote itself, so a value that
/// does not fit is a broken database, reported as a query error.
fn from_json<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> QueryResult<T> {
    serde_json::from_value(value)
        .map_err(|error| diesel::result::Error::DeserializationError(Box::new(error)))
}

impl MethodRow {
    /// The method, its data level derived from `facts` with reasons in `language`.
    fn into_method(self, facts: &EvidenceFacts, language: &str) -> QueryResult<Method> {
        let level = evidence::data_level(facts, language);
        Ok(Method {
            id: self.id,
            organization: OrganizationRef {
                id: self.organization_id,
                name: self.organization_name,
            },
            title: self.title,
            summary: self.summary,
            problem: self.problem,
            approach: self.approach,
            approach_html: self.approach_html,
            results: self.results,
            transfer: Transfer {
                staff: self.transfer_staff,
                time: self.transfer_time,
                cost_range: self.transfer_cost_range,
                prerequisites: self.transfer_prerequisites,
            },
            target_groups: self.target_groups,
            challenge_areas: self.challenge_areas,
            origin_labs: from_json::<Vec<LabRef>>(self.origin_labs)?,
            origin_idea_ids: self.origin_idea_ids,
            indicator_ids: self.indicator_ids,
            resources: from_json::<Vec<Resource>>(self.resources)?,
            licence: self.licence,
            status: self.status,
            retired_reason: self.retired_reason,
            published_at: self.published_at,
            claimed_level: self.claimed_level,
            data_level: level.level,
            reviewed_level: self.reviewed_level,
            review_note: self.review_note,
            level_reasons: level.reasons,
            adoption_count: self.adoption_count,
            can_edit: self.can_edit,
            created_at: self.created_at,
            updated_at: self.updated_at,
            version: self.version,
        })
    }
}

/// The viewer's organisations bound into a query of methods (aliased `m`).
struct BoundMethodViewer {
    labs: BoundViewer,
    writes: String,
}

impl BoundMethodViewer {
    fn bind(sql: &mut Sql<'_>, viewer: &Viewer) -> Self {
        Self {
            labs: BoundViewer::bind(sql, viewer),
            writes: sql.bind::<sql::Array<sql::Uuid>, _>(viewer.method_organizations.clone()),
        }
    }

    /// The visibility rule: published and retired methods for everyone, drafts for their
    /// organisation and platform admins.
    fn visible(&self) -> String {
        format!(
            "(m.status <> 'draft' OR {})",
            self.labs.sees_organization("m.organization_id")
        )
    }

    /// The select list; `rank` is the search rank to select.
    fn select(&self, rank: &str) -> String {
        format!(
            "SELECT m.id, m.organization_id, o.name AS organization_name, m.title, m.summary,
                    m.problem, m.approach, m.approach_html, m.results, m.transfer_staff,
                    m.transfer_time, m.transfer_cost_range, m.transfer_prerequisites,
                    m.target_groups, m.challenge_areas,
                    COALESCE((SELECT jsonb_agg(jsonb_build_object('id', l.id, 'title', l.title)
                                               ORDER BY l.title)
                                FROM method_origin_labs ol JOIN labs l ON l.id = ol.lab_id
                               WHERE ol.method_id = m.id AND {may_see}), '[]') AS origin_labs,
                    ARRAY(SELECT idea_id FROM method_origin_ideas WHERE method_id = m.id
                          ORDER BY idea_id) AS origin_idea_ids,
                    ARRAY(SELECT indicator_id FROM method_indicators WHERE method_id = m.id
                          ORDER BY indicator_id) AS indicator_ids,
                    m.resources, m.licence, m.status, m.retired_reason, m.published_at,
                    (SELECT max(e.level) FROM method_evidence e WHERE e.method_id = m.id)
                      AS claimed_level,
                    m.reviewed_level, m.review_note,
                    (SELECT count(*) FROM adoptions a WHERE a.method_id = m.id) AS adoption_count,
                    m.organization_id = ANY({writes}) AS can_edit,
                    m.created_at, m.updated_at, m.version, {rank} AS rank
               FROM methods m
               JOIN organizations o ON o.id = m.organization_id",
            may_see = self.labs.may_see(),
            writes = self.writes,
        )
    }
}

/// The methods of `rows`, each with its data level (one query for all their facts).
async fn with_levels(
    conn: &mut AsyncPgConnection,
    rows: Vec<MethodRow>,
    language: &str,
) -> QueryResult<Vec<(Method, KeyFields)>> {
    let ids: Vec<Uuid> = rows.iter().map(|row| row.id).collect();
    let facts = evidence_facts(conn, &ids).await?;
    rows.into_iter()
        .map(|row| {
            let key = KeyFields::of(row.id, row.created_at, row.updated_at, row.rank);
            let method = row.into_method(
                facts.get(&key.id).unwrap_or(&EvidenceFacts::default()),
                language,
            )?;
            Ok((method, key))
        })
        .collect()
}

/// One method, whether or not the viewer may see it (the caller asks `authz::method`).
pub async fn find(
    conn: &mut AsyncPgConnection,
    viewer: &Viewer,
    id: Uuid,
    language: &str,
) -> QueryResult<Option<Method>> {
    let mut sql = Sql::default();
    let who = BoundMethodViewer::bind(&mut sql, viewer);
    sql.push(who.select("0::real"));
    let id = sql.bind::<sql::Uuid, _>(id);
    sql.push(format!(" WHERE m.id = {id}"));
    let rows: Vec<MethodRow> = sql.finish().load(conn).await?;
    Ok(with_levels(conn, rows, language)
        .await?
        .into_iter()
        .next()
        .map(|(method, ..)| method))
}

/// Filters of the method list.
#[derive(Debug, Default)]
pub struct Filter {
    /// The challenge area; the municipality and county it was adopted in.
    pub place: Place,
    /// Only methods whose data level is at least this.
    pub min_evidence_level: Option<i32>,
    pub organization: Option<Uuid>,
    /// Published when not given.
    pub status: Option<MethodStatus>,
    pub query: Option<String>,
}

/// One query's worth of methods after `after`, in the list's order, without the level
/// filter (which needs the derived level).
async fn page_rows(
    conn: &mut AsyncPgConnection,
    viewer: &Viewer,
    filter: &Filter,
    window: Window,
) -> QueryResult<Vec<MethodRow>> {
    let mut sql = Sql::default();
    let who = BoundMethodViewer::bind(&mut sql, viewer);
    let listing = Listing::bind(&mut sql, "m", window, filter.query.as_deref());
    sql.push(who.select(&listing.rank()));
    sql.push(format!(" WHERE {}", who.visible()));
    sql.and_eq::<sql::Text, _>(
        "m.status",
        Some(filter.status.unwrap_or(MethodStatus::Published)),
    );
    sql.and_eq::<sql::Uuid, _>("m.organization_id", filter.organization);
    let place = &filter.place;
    if let Some(area) = &place.challenge_area {
        let area = sql.bind::<sql::Text, _>(area.clone());
        sql.push(format!(" AND {area} = ANY(m.challenge_areas)"));
    }
    if place.municipality_code.is_some() || place.county_code.is_some() {
        sql.push(
            " AND EXISTS (SELECT 1 FROM adoptions a JOIN municipalities am \
               ON am.code = a.municipality_code WHERE a.method_id = m.id",
        );
        sql.and_eq::<sql::Text, _>("a.municipality_code", place.municipality_code.clone());
        sql.and_eq::<sql::Text, _>("am.county_code", place.county_code.clone());
        sql.push(")");
    }
    listing.push_search(&mut sql, Searched::Methods);
    listing.push_page(&mut sql);
    sql.finish().load(conn).await
}

/// A page of the methods the viewer may see: newest first, or the best matches for the
/// search. With a level filter, rows are read on until the page is full, so a page holds
/// `limit` methods whenever that many qualify.
pub async fn list(
    conn: &mut AsyncPgConnection,
    viewer: &Viewer,
    filter: &Filter,
    window: Window,
    language: &str,
) -> QueryResult<Vec<(Method, SortKey)>> {
    let mut page = Vec::new();
    let mut window = window;
    loop {
        let rows = page_rows(conn, viewer, filter, window).await?;
        let exhausted = i64::try_from(rows.len()).unwrap_or(i64::MAX) < window.limit;
        for (method, fields) in with_levels(conn, rows, language).await? {
            let key = window.order.key_of(fields);
            window.after = Some(key);
            if filter
                .min_evidence_level
                .is_none_or(|min| method.data_level >= min)
            {
                page.push((method, key));
                if i64::try_from(page.len()).unwrap_or(i64::MAX) >= window.limit {
                    return Ok(page);
                }
            }
        }
        if exhausted {
            return Ok(page);
        }
    }
}

#[derive(QueryableByName)]
struct FactsRow {
    #[diesel(sql_type = sql::Uuid)]
    id: Uuid,
    #[diesel(sql_type = sql::Bool)]
    described: bool,
    #[diesel(sql_type = sql::Bool)]
    comparison_entry: bool,
    #[diesel(sql_type = sql::Bool)]
    has_manual: bool,
    #[diesel(sql_type = sql::Jsonb)]
    origin_readings: serde_json::Value,
    #[diesel(sql_type = sql::Jsonb)]
    adoptions: serde_json::Value,
}

/// An indicator `i`'s baseline, target and latest measurement, as JSON.
const READING: &str = "jsonb_build_object('baseline', i.baseline, 'target', i.target, 'latest',
    (SELECT x.value FROM indicator_measurements x WHERE x.indicator_id = i.id
      ORDER BY x.measured_on DESC, x.created_at DESC LIMIT 1))";

/// What the data level of each method is derived from, in one query.
pub async fn evidence_facts(
    conn: &mut AsyncPgConnection,
    ids: &[Uuid],
) -> QueryResult<HashMap<Uuid, EvidenceFacts>> {
    let mut sql = Sql::default();
    let ids = sql.bind::<sql::Array<sql::Uuid>, _>(ids.to_vec());
    sql.push(format!(
        "SELECT m.id,
                (btrim(m.problem) <> '' AND btrim(m.approach) <> '') AS described,
                EXISTS (SELECT 1 FROM method_evidence e WHERE e.method_id = m.id
                         AND e.level >= 3 AND e.comparison_group
                         AND cardinality(e.indicator_ids) > 0) AS comparison_entry,
                EXISTS (SELECT 1 FROM jsonb_array_elements(m.resources) r
                         WHERE r->>'kind' IN ('manual', 'guide')) AS has_manual,
                COALESCE((SELECT jsonb_agg({READING})
                            FROM method_indicators mi
                            JOIN lab_indicators i ON i.id = mi.indicator_id
                            JOIN method_origin_labs ol ON ol.method_id = m.id AND ol.lab_id = i.lab_id
                           WHERE mi.method_id = m.id), '[]') AS origin_readings,
                COALESCE((SELECT jsonb_agg(jsonb_build_object(
                            'independent', a.organization_id <> m.organization_id
                               AND NOT EXISTS (SELECT 1 FROM lab_participants p
                                                 JOIN method_origin_labs pl ON pl.lab_id = p.lab_id
                                                WHERE pl.method_id = m.id
                                                  AND p.organization_id = a.organization_id),
                            'municipality_code', a.municipality_code,
                            'county_code', am.county_code,
                            'readings', COALESCE((SELECT jsonb_agg({READING})
                                                    FROM lab_indicators i
                                                    JOIN method_indicators mi ON mi.method_id = m.id
                                                     AND mi.indicator_id = i.copied_from
                                                   WHERE i.lab_id = a.lab_id), '[]')))
                            FROM adoptions a JOIN municipalities am ON am.code = a.municipality_code
                           WHERE a.method_id = m.id), '[]') AS adoptions
           FROM methods m
          WHERE m.id = ANY({ids})"
    ));
    let rows: Vec<FactsRow> = sql.finish().load(conn).await?;
    rows.into_iter()
        .map(|row| {
            Ok((
                row.id,
                EvidenceFacts {
                    described: row.described,
                    origin_readings: from_json(row.origin_readings)?,
                    comparison_entry: row.comparison_entry,
                    adoptions: from_json(row.adoptions)?,
                    has_manual: row.has_manual,
                },
            ))
        })
        .collect()
}

/// The fields of a new or changed method, already validated.
pub struct MethodFields<'a> {
    pub title: &'a str,
    pub summary: &'a str,
    pub problem: &'a str,
    pub approach: &'a str,
    pub results: &'a str,
    pub transfer: &'a Transfer,
    pub target_groups: &'a [String],
    pub challenge_areas: &'a [String],
    pub resources: &'a [Resource],
    pub licence: &'a str,
}

/// What a method is linked to, already checked.
pub struct MethodLinks<'a> {
    pub labs: &'a [Uuid],
    pub ideas: &'a [Uuid],
    pub indicators: &'a [Uuid],
}

fn resources_json(resources: &[Resource]) -> serde_json::Value {
    serde_json::to_value(resources).unwrap_or_else(|_| serde_json::Value::Array(Vec::new()))
}

/// Creates a draft (in the caller's transaction).
pub async fn insert(
    conn: &mut AsyncPgConnection,
    organization_id: Uuid,
    fields: &MethodFields<'_>,
    links: &MethodLinks<'_>,
    created_by: Option<Uuid>,
) -> QueryResult<Uuid> {
    let id = Uuid::now_v7();
    diesel::insert_into(methods::table)
        .values((
            methods::id.eq(id),
            methods::organization_id.eq(organization_id),
            methods::title.eq(fields.title),
            methods::summary.eq(fields.summary),
            methods::problem.eq(fields.problem),
            methods::approach.eq(fields.approach),
            methods::approach_html.eq(to_safe_html(fields.approach)),
            methods::results.eq(fields.results),
            methods::transfer_staff.eq(fields.transfer.staff.trim()),
            methods::transfer_time.eq(fields.transfer.time.trim()),
            methods::transfer_cost_range.eq(fields.transfer.cost_range.trim()),
            methods::transfer_prerequisites.eq(fields.transfer.prerequisites.trim()),
            methods::target_groups.eq(fields.target_groups),
            methods::challenge_areas.eq(fields.challenge_areas),
            methods::resources.eq(resources_json(fields.resources)),
            methods::licence.eq(fields.licence),
            methods::created_by.eq(created_by),
        ))
        .execute(conn)
        .await?;
    analyse(conn, Searched::Methods, id).await?;
    set_links(conn, id, links).await?;
    Ok(id)
}

lock_version_of!(methods);

/// Whether the organisation has a method of this title (the demo loads each once).
pub async fn exists_with_title(
    conn: &mut AsyncPgConnection,
    organization_id: Uuid,
    title: &str,
) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        methods::table
            .filter(methods::organization_id.eq(organization_id))
            .filter(methods::title.eq(title)),
    ))
    .get_result(conn)
    .await
}

/// Changes a method's fields and links (in the caller's transaction).
pub async fn update(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    fields: &MethodFields<'_>,
    links: &MethodLinks<'_>,
) -> QueryResult<()> {
    diesel::update(methods::table.find(id))
        .set((
            methods::title.eq(fields.title),
            methods::summary.eq(fields.summary),
            methods::problem.eq(fields.problem),
            methods::approach.eq(fields.approach),
            methods::approach_html.eq(to_safe_html(fields.approach)),
            methods::results.eq(fields.results),
            methods::transfer_staff.eq(fields.transfer.staff.trim()),
            methods::transfer_time.eq(fields.transfer.time.trim()),
            methods::transfer_cost_range.eq(fields.transfer.cost_range.trim()),
            methods::transfer_prerequisites.eq(fields.transfer.prerequisites.trim()),
            methods::target_groups.eq(fields.target_groups),
            methods::challenge_areas.eq(fields.challenge_areas),
            methods::resources.eq(resources_json(fields.resources)),
            methods::licence.eq(fields.licence),
            methods::version.eq(methods::version + 1),
            methods::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)
        .await?;
    analyse(conn, Searched::Methods, id).await?;
    set_links(conn, id, links).await
}

async fn set_links(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    links: &MethodLinks<'_>,
) -> QueryResult<()> {
    diesel::delete(method_origin_labs::table.filter(method_origin_labs::method_id.eq(id)))
        .execute(conn)
        .await?;
    diesel::delete(method_origin_ideas::table.filter(method_origin_ideas::method_id.eq(id)))
        .execute(conn)
        .await?;
    diesel::delete(method_indicators::table.filter(method_indicators::method_id.eq(id)))
        .execute(conn)
        .await?;
    let labs: Vec<_> = links
        .labs
        .iter()
        .map(|lab| {
            (
                method_origin_labs::method_id.eq(id),
                method_origin_labs::lab_id.eq(*lab),
            )
        })
        .collect();
    if !labs.is_empty() {
        diesel::insert_into(method_origin_labs::table)
            .values(labs)
            .on_conflict_do_nothing()
            .execute(conn)
            .await?;
    }
    let ideas: Vec<_> = links
        .ideas
        .iter()
        .map(|idea| {
            (
                method_origin_ideas::method_id.eq(id),
                method_origin_ideas::idea_id.eq(*idea),
            )
        })
        .collect();
    if !ideas.is_empty() {
        diesel::insert_into(method_origin_ideas::table)
            .values(ideas)
            .on_conflict_do_nothing()
            .execute(conn)
            .await?;
    }
    let indicators: Vec<_> = links
        .indicators
        .iter()
        .map(|indicator| {
            (
                method_indicators::method_id.eq(id),
                method_indicators::indicator_id.eq(*indicator),
            )
        })
        .collect();
    if !indicators.is_empty() {
        diesel::insert_into(method_indicators::table)
            .values(indicators)
            .on_conflict_do_nothing()
            .execute(conn)
            .await?;
    }
    Ok(())
}

/// Moves a method to `status` (with the reason when retiring); publishing stamps the time.
pub async fn set_status(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    status: MethodStatus,
    reason: Option<&str>,
) -> QueryResult<()> {
    diesel::update(methods::table.find(id))
        .set((
            methods::status.eq(status.as_str()),
            methods::retired_reason.eq(reason),
            methods::published_at.eq(diesel::dsl::sql::<sql::Nullable<sql::Timestamptz>>(
                "COALESCE(published_at, CASE WHEN status = 'draft' THEN now() END)",
            )),
            methods::version.eq(methods::version + 1),
            methods::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

/// Records an independent review.
pub async fn review(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    level: i32,
    note: &str,
    reviewer: Option<Uuid>,
) -> QueryResult<()> {
    diesel::update(methods::table.find(id))
        .set((
            methods::reviewed_level.eq(level),
            methods::review_note.eq(note),
            methods::reviewed_by.eq(reviewer),
            methods::version.eq(methods::version + 1),
            methods::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

/// A research organisation of the person's that neither owns the method nor took part in
/// its origin labs, if any: who may review it.
pub async fn outsider_research_organization(
    conn: &mut AsyncPgConnection,
    user_id: Uuid,
    method_id: Uuid,
) -> QueryResult<Option<Uuid>> {
    #[derive(QueryableByName)]
    struct Row {
        #[diesel(sql_type = sql::Uuid)]
        id: Uuid,
    }
    let mut sql = Sql::default();
    let user = sql.bind::<sql::Uuid, _>(user_id);
    let method = sql.bind::<sql::Uuid, _>(method_id);
    sql.push(format!(
        "SELECT o.id FROM organizations o JOIN memberships ms ON ms.organization_id = o.id
          WHERE ms.user_id = {user} AND o.kind = 'research'
            AND NOT EXISTS (SELECT 1 FROM methods m WHERE m.id = {method} AND m.organization_id = o.id)
            AND NOT EXISTS (SELECT 1 FROM method_origin_labs ol
                              JOIN lab_participants p ON p.lab_id = ol.lab_id
                             WHERE ol.method_id = {method} AND p.organization_id = o.id)
          ORDER BY o.name, o.id LIMIT 1"
    ));
    let row: Option<Row> = sql.finish().get_result(conn).await.optional()?;
    Ok(row.map(|row| row.id))
}

/// Of `ids`, the indicators that belong to one of `labs`.
pub async fn indicators_of_labs(
    conn: &mut AsyncPgConnection,
    ids: &[Uuid],
    labs: &[Uuid],
) -> QueryResult<Vec<Uuid>> {
    use super::schema::lab_indicators;
    lab_indicators::table
        .filter(lab_indicators::id.eq_any(ids))
        .filter(lab_indicators::lab_id.eq_any(labs))
        .select(lab_indicators::id)
        .load(conn)
        .await
}

/// Of `ids`, the verified ideas of one of `labs`.
pub async fn verified_ideas(
    conn: &mut AsyncPgConnection,
    ids: &[Uuid],
    labs: &[Uuid],
) -> QueryResult<Vec<Uuid>> {
    use super::schema::ideas;
    ideas::table
        .filter(ideas::id.eq_any(ids))
        .filter(ideas::lab_id.eq_any(labs))
        .filter(ideas::status.eq("verified"))
        .select(ideas::id)
        .load(conn)
        .await
}

#[derive(Queryable)]
struct EvidenceRow {
    id: Uuid,
    method_id: Uuid,
    level: i32,
    summary: String,
    sources: serde_json::Value,
    indicator_ids: Vec<Uuid>,
    comparison_group: bool,
    created_at: DateTime<Utc>,
}

/// The evidence fields, already validated.
pub struct EvidenceFields<'a> {
    pub level: i32,
    pub summary: &'a str,
    pub sources: &'a [Link],
    pub indicator_ids: &'a [Uuid],
    pub comparison_group: bool,
}

pub async fn insert_evidence(
    conn: &mut AsyncPgConnection,
    method_id: Uuid,
    fields: &EvidenceFields<'_>,
    created_by: Option<Uuid>,
) -> QueryResult<Uuid> {
    let id = Uuid::now_v7();
    let sources = serde_json::to_value(fields.sources)
        .unwrap_or_else(|_| serde_json::Value::Array(Vec::new()));
    diesel::insert_into(method_evidence::table)
        .values((
            method_evidence::id.eq(id),
            method_evidence::method_id.eq(method_id),
            method_evidence::level.eq(fields.level),
            method_evidence::summary.eq(fields.summary),
            method_evidence::sources.eq(sources),
            method_evidence::indicator_ids.eq(fields.indicator_ids),
            method_evidence::comparison_group.eq(fields.comparison_group),
            method_evidence::created_by.eq(created_by),
        ))
        .execute(conn)
        .await?;
    Ok(id)
}

/// A method's evidence entries, highest level first.
pub async fn evidence(conn: &mut AsyncPgConnection, method_id: Uuid) -> QueryResult<Vec<Evidence>> {
    let rows: Vec<EvidenceRow> = method_evidence::table
        .filter(method_evidence::method_id.eq(method_id))
        .order((
            method_evidence::level.desc(),
            method_evidence::created_at,
            method_evidence::id,
        ))
        .select((
            method_evidence::id,
            method_evidence::method_id,
            method_evidence::level,
            method_evidence::summary,
            method_evidence::sources,
            method_evidence::indicator_ids,
            method_evidence::comparison_group,
            method_evidence::created_at,
        ))
        .load(conn)
        .await?;
    rows.into_iter()
        .map(|row| {
            Ok(Evidence {
                id: row.id,
                method_id: row.method_id,
                level: row.level,
                summary: row.summary,
                sources: from_json(row.sources)?,
                indicator_ids: row.indicator_ids,
                comparison_group: row.comparison_group,
                created_at: row.created_at,
            })
        })
        .collect()
}

/// The participants of the method's origin labs, for the notification on publishing.
pub async fn origin_participants(
    conn: &mut AsyncPgConnection,
    method_id: Uuid,
) -> QueryResult<Vec<Uuid>> {
    use super::schema::lab_participants;
    lab_participants::table
        .inner_join(
            method_origin_labs::table.on(method_origin_labs::lab_id.eq(lab_participants::lab_id)),
        )
        .filter(method_origin_labs::method_id.eq(method_id))
        .select(lab_participants::organization_id)
        .distinct()
        .load(conn)
        .await
}
