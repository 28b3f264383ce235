//! Adoptions: an organisation's use of a published method in a municipality, and the lab an
//! adoption may open with copies of the method's indicators.

use chrono::{DateTime, NaiveDate, Utc};
use diesel::prelude::*;
use diesel::sql_types as sql;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use shared::limits;
use shared::{
    Adoption, AdoptionStatus, CountySpread, LabPhase, Method, MethodRef, MonthSpread,
    OrganizationRef, OriginCounty, Visibility,
};
use uuid::Uuid;

use super::labs::LabFields;
use super::schema::adoptions;
use super::sql::Sql;
use crate::auth::Caller;
use crate::authz::Viewer;

#[derive(QueryableByName)]
struct AdoptionRow {
    #[diesel(sql_type = sql::Uuid)]
    id: Uuid,
    #[diesel(sql_type = sql::Uuid)]
    method_id: Uuid,
    #[diesel(sql_type = sql::Text)]
    method_title: String,
    #[diesel(sql_type = sql::Uuid)]
    organization_id: Uuid,
    #[diesel(sql_type = sql::Text)]
    organization_name: String,
    #[diesel(sql_type = sql::Text)]
    municipality_code: String,
    #[diesel(sql_type = sql::Text)]
    municipality_name: String,
    #[diesel(sql_type = sql::Text)]
    county_code: String,
    #[diesel(sql_type = sql::Text)]
    neighbourhood: String,
    #[diesel(sql_type = sql::Nullable<sql::Date>)]
    started_on: Option<NaiveDate>,
    #[diesel(sql_type = sql::Text)]
    status: AdoptionStatus,
    #[diesel(sql_type = sql::Text)]
    adaptations: String,
    #[diesel(sql_type = sql::Text)]
    outcome: String,
    #[diesel(sql_type = sql::Nullable<sql::Uuid>)]
    lab_id: Option<Uuid>,
    #[diesel(sql_type = sql::Bool)]
    can_edit: bool,
    #[diesel(sql_type = sql::Timestamptz)]
    created_at: DateTime<Utc>,
    #[diesel(sql_type = sql::Timestamptz)]
    updated_at: DateTime<Utc>,
    #[diesel(sql_type = sql::Integer)]
    version: i32,
}

impl From<AdoptionRow> for Adoption {
    fn from(row: AdoptionRow) -> Self {
        Adoption {
            id: row.id,
            method: MethodRef {
                id: row.method_id,
                title: row.method_title,
            },
            organization: OrganizationRef {
                id: row.organization_id,
                name: row.organization_name,
            },
            municipality_code: row.municipality_code,
            municipality_name: row.municipality_name,
            county_code: row.county_code,
            neighbourhood: row.neighbourhood,
            started_on: row.started_on,
            status: row.status,
            adaptations: row.adaptations,
            outcome: row.outcome,
            lab_id: row.lab_id,
            can_edit: row.can_edit,
            created_at: row.created_at,
            updated_at: row.updated_at,
            version: row.version,
        }
    }
}

/// The select list, for a viewer whose writing organisations are bound as `writes`.
fn select(writes: &str) -> String {
    format!(
        "SELECT a.id, a.method_id, me.title AS method_title, a.organization_id,
                o.name AS organization_name, a.municipality_code, mu.name AS municipality_name,
                mu.county_code, a.neighbourhood, a.started_on, a.status, a.adaptations,
                a.outcome, a.lab_id, a.organization_id = ANY({writes}) AS can_edit,
                a.created_at, a.updated_at, a.version
           FROM adoptions a
           JOIN methods me ON me.id = a.method_id
           JOIN organizations o ON o.id = a.organization_id
           JOIN municipalities mu ON mu.code = a.municipality_code"
    )
}

fn bind_writes(sql: &mut Sql<'_>, viewer: &Viewer) -> String {
    sql.bind::<sql::Array<sql::Uuid>, _>(viewer.method_organizations.clone())
}

pub async fn find(
    conn: &mut AsyncPgConnection,
    viewer: &Viewer,
    id: Uuid,
) -> QueryResult<Option<Adoption>> {
    let mut sql = Sql::default();
    let writes = bind_writes(&mut sql, viewer);
    sql.push(select(&writes));
    let id = sql.bind::<sql::Uuid, _>(id);
    sql.push(format!(" WHERE a.id = {id}"));
    let row: Option<AdoptionRow> = sql.finish().get_result(conn).await.optional()?;
    Ok(row.map(Adoption::from))
}

/// A method's adoptions, oldest first (a complete list: a method has tens, not thousands).
pub async fn of_method(
    conn: &mut AsyncPgConnection,
    viewer: &Viewer,
    method_id: Uuid,
    selection: Selection,
) -> QueryResult<Vec<Adoption>> {
    let mut sql = Sql::default();
    let writes = bind_writes(&mut sql, viewer);
    sql.push(select(&writes));
    let method = sql.bind::<sql::Uuid, _>(method_id);
    sql.push(format!(" WHERE a.method_id = {method}"));
    sql.and_at_least::<sql::Timestamptz, _>("a.updated_at", selection.updated_since);
    sql.push(if selection.by_update {
        " ORDER BY a.updated_at, a.id"
    } else {
        " ORDER BY a.created_at, a.id"
    });
    let rows: Vec<AdoptionRow> = sql.finish().load(conn).await?;
    Ok(rows.into_iter().map(Adoption::from).collect())
}

/// Which of a method's adoptions, in which order: all, oldest first; or for incremental
/// sync those changed since a time, the least recently changed first.
#[derive(Debug, Clone, Copy, Default)]
pub struct Selection {
    pub updated_since: Option<chrono::DateTime<chrono::Utc>>,
    pub by_update: bool,
}

/// The fields of a new or changed adoption, already validated.
pub struct AdoptionFields<'a> {
    pub neighbourhood: &'a str,
    pub started_on: Option<NaiveDate>,
    pub status: AdoptionStatus,
    pub adaptations: &'a str,
    pub outcome: &'a str,
}

/// Records an adoption (in the caller's transaction).
pub async fn insert(
    conn: &mut AsyncPgConnection,
    method_id: Uuid,
    organization_id: Uuid,
    municipality_code: &str,
    fields: &AdoptionFields<'_>,
    lab_id: Option<Uuid>,
    created_by: Option<Uuid>,
) -> QueryResult<Uuid> {
    let id = Uuid::now_v7();
    diesel::insert_into(adoptions::table)
        .values((
            adoptions::id.eq(id),
            adoptions::method_id.eq(method_id),
            adoptions::organization_id.eq(organization_id),
            adoptions::municipality_code.eq(municipality_code),
            adoptions::neighbourhood.eq(fields.neighbourhood),
            adoptions::started_on.eq(fields.started_on),
            adoptions::status.eq(fields.status.as_str()),
            adoptions::adaptations.eq(fields.adaptations),
            adoptions::outcome.eq(fields.outcome),
            adoptions::lab_id.eq(lab_id),
            adoptions::created_by.eq(created_by),
        ))
        .execute(conn)
        .await?;
    Ok(id)
}

lock_version_of!(adoptions);

pub async fn update(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    fields: &AdoptionFields<'_>,
) -> QueryResult<()> {
    diesel::update(adoptions::table.find(id))
        .set((
            adoptions::neighbourhood.eq(fields.neighbourhood),
            adoptions::started_on.eq(fields.started_on),
            adoptions::status.eq(fields.status.as_str()),
            adoptions::adaptations.eq(fields.adaptations),
            adoptions::outcome.eq(fields.outcome),
            adoptions::version.eq(adoptions::version + 1),
            adoptions::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

/// Opens the lab an adoption measures its results in: public, in `testing`, the adopter as
/// host, with copies of the method's indicators (in the adoption's transaction, audited
/// as `actor`'s).
pub async fn open_lab(
    conn: &mut AsyncPgConnection,
    actor: &Caller,
    method: &Method,
    adopter: Uuid,
    municipality: &str,
    adoption: &AdoptionFields<'_>,
) -> QueryResult<Uuid> {
    let challenge_area = <[String]>::first(&method.challenge_areas).map_or("", String::as_str);
    let summary: String = method.summary.chars().take(limits::SUMMARY.max).collect();
    let fields = LabFields {
        title: &method.title,
        summary: &summary,
        description: &method.approach,
        challenge_area,
        municipality_code: municipality,
        neighbourhood: adoption.neighbourhood,
        starts_on: adoption.started_on,
        ends_on: None,
        visibility: Visibility::Public,
    };
    let lab = super::labs::insert(conn, &fields, adopter, actor.user_id()).await?;
    super::labs::set_phase(conn, lab, LabPhase::Testing).await?;
    let copied = copy_indicators(conn, method.id, lab).await?;
    let details = serde_json::json!({
        "to": LabPhase::Testing.as_str(), "method": method.id, "indicators_copied": copied,
    });
    super::audit::record(conn, actor, "lab.created", "lab", lab, details).await?;
    Ok(lab)
}

/// Copies the method's indicators into the lab (same name, unit, direction, baseline and
/// target; no measurements), each remembering its original. Answers how many.
pub async fn copy_indicators(
    conn: &mut AsyncPgConnection,
    method_id: Uuid,
    lab_id: Uuid,
) -> QueryResult<usize> {
    let mut sql = Sql::default();
    let lab = sql.bind::<sql::Uuid, _>(lab_id);
    let method = sql.bind::<sql::Uuid, _>(method_id);
    sql.push(format!(
        "INSERT INTO lab_indicators (id, lab_id, name, unit, baseline, target, direction, copied_from, created_at)
         SELECT gen_random_uuid(), {lab}, i.name, i.unit, i.baseline, i.target, i.direction, i.id,
                -- One transaction's now() for all: a microsecond apart keeps the originals' order.
                now() + row_number() OVER (ORDER BY i.created_at, i.id) * interval '1 microsecond'
           FROM method_indicators mi JOIN lab_indicators i ON i.id = mi.indicator_id
          WHERE mi.method_id = {method}"
    ));
    sql.finish().execute(conn).await
}

#[derive(QueryableByName)]
struct CountyRow {
    #[diesel(sql_type = sql::Text)]
    county_code: String,
    #[diesel(sql_type = sql::Text)]
    county_name: String,
    #[diesel(sql_type = sql::BigInt)]
    adoptions: i64,
    #[diesel(sql_type = sql::BigInt)]
    municipalities: i64,
}

/// A method's adoptions by county, in the counties' order.
pub async fn by_county(
    conn: &mut AsyncPgConnection,
    method_id: Uuid,
) -> QueryResult<Vec<CountySpread>> {
    let mut sql = Sql::default();
    let method = sql.bind::<sql::Uuid, _>(method_id);
    sql.push(format!(
        "SELECT c.code AS county_code, c.name AS county_name, count(*) AS adoptions,
                count(DISTINCT a.municipality_code) AS municipalities
           FROM adoptions a
           JOIN municipalities mu ON mu.code = a.municipality_code
           JOIN counties c ON c.code = mu.county_code
          WHERE a.method_id = {method}
          GROUP BY c.code, c.name ORDER BY c.code"
    ));
    let rows: Vec<CountyRow> = sql.finish().load(conn).await?;
    Ok(rows
        .into_iter()
        .map(|row| CountySpread {
            county_code: row.county_code,
            county_name: row.county_name,
            adoptions: row.adoptions,
            municipalities: row.municipalities,
        })
        .collect())
}

#[derive(QueryableByName)]
struct OriginRow {
    #[diesel(sql_type = sql::Text)]
    county_code: String,
    #[diesel(sql_type = sql::Text)]
    county_name: String,
    #[diesel(sql_type = sql::BigInt)]
    labs: i64,
}

/// The counties a method comes from: where its origin labs are, in the counties' order.
pub async fn origin_counties(
    conn: &mut AsyncPgConnection,
    method_id: Uuid,
) -> QueryResult<Vec<OriginCounty>> {
    let mut sql = Sql::default();
    let method = sql.bind::<sql::Uuid, _>(method_id);
    sql.push(format!(
        "SELECT c.code AS county_code, c.name AS county_name, count(*) AS labs
           FROM method_origin_labs o
           JOIN labs l ON l.id = o.lab_id
           JOIN municipalities mu ON mu.code = l.municipality_code
           JOIN counties c ON c.code = mu.county_code
          WHERE o.method_id = {method}
          GROUP BY c.code, c.name ORDER BY c.code"
    ));
    let rows: Vec<OriginRow> = sql.finish().load(conn).await?;
    Ok(rows
        .into_iter()
        .map(|row| OriginCounty {
            county_code: row.county_code,
            county_name: row.county_name,
            labs: row.labs,
        })
        .collect())
}

#[derive(QueryableByName)]
struct MonthRow {
    #[diesel(sql_type = sql::Text)]
    month: String,
    #[diesel(sql_type = sql::BigInt)]
    total: i64,
}

/// A method's adoptions, cumulated by the month (in Swedish time) they were recorded.
pub async fn by_month(
    conn: &mut AsyncPgConnection,
    method_id: Uuid,
) -> QueryResult<Vec<MonthSpread>> {
    let mut sql = Sql::default();
    let method = sql.bind::<sql::Uuid, _>(method_id);
    sql.push(format!(
        "SELECT to_char(month, 'YYYY-MM') AS month,
                (sum(count(*)) OVER (ORDER BY month))::bigint AS total
           FROM (SELECT date_trunc('month', a.created_at AT TIME ZONE 'Europe/Stockholm') AS month
                   FROM adoptions a WHERE a.method_id = {method}) recorded
          GROUP BY month ORDER BY month"
    ));
    let rows: Vec<MonthRow> = sql.finish().load(conn).await?;
    Ok(rows
        .into_iter()
        .map(|row| MonthSpread {
            month: row.month,
            adoptions_total: row.total,
        })
        .collect())
}
