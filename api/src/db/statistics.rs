//! The platform's public figures, one query each. Only public labs (and their ideas and
//! matches), published methods and their adoptions count.

use diesel::prelude::*;
use diesel::sql_types as sql;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use shared::{CountyCount, KeyCount, MonthCount};
use uuid::Uuid;

use super::sql::Sql;

#[derive(QueryableByName)]
struct KeyRow {
    #[diesel(sql_type = sql::Text)]
    key: String,
    #[diesel(sql_type = sql::BigInt)]
    count: i64,
}

async fn key_counts(conn: &mut AsyncPgConnection, query: &str) -> QueryResult<Vec<KeyCount>> {
    let rows: Vec<KeyRow> = Sql::new(query).finish().load(conn).await?;
    Ok(rows
        .into_iter()
        .map(|row| KeyCount {
            key: row.key,
            count: row.count,
        })
        .collect())
}

/// Public labs by phase (phases without labs left out; the caller fills them in).
pub async fn labs_by_phase(conn: &mut AsyncPgConnection) -> QueryResult<Vec<KeyCount>> {
    key_counts(
        conn,
        "SELECT phase AS key, count(*) AS count FROM labs WHERE listed GROUP BY phase",
    )
    .await
}

/// Public labs by challenge area, every area in its order.
pub async fn labs_by_area(conn: &mut AsyncPgConnection) -> QueryResult<Vec<KeyCount>> {
    key_counts(
        conn,
        "SELECT ca.key, count(l.id) AS count FROM challenge_areas ca
           LEFT JOIN labs l ON l.challenge_area = ca.key AND l.listed
          GROUP BY ca.key, ca.position ORDER BY ca.position",
    )
    .await
}

/// Ideas of public labs by status (statuses without ideas, and hidden ideas, left out).
pub async fn ideas_by_status(conn: &mut AsyncPgConnection) -> QueryResult<Vec<KeyCount>> {
    key_counts(
        conn,
        "SELECT i.status AS key, count(*) AS count FROM ideas i
           JOIN labs l ON l.id = i.lab_id
          WHERE l.listed AND i.hidden_at IS NULL GROUP BY i.status",
    )
    .await
}

#[derive(QueryableByName)]
struct MonthRow {
    #[diesel(sql_type = sql::Text)]
    month: String,
    #[diesel(sql_type = sql::Text)]
    key: String,
    #[diesel(sql_type = sql::BigInt)]
    count: i64,
}

/// A month in Swedish time, as `YYYY-MM`, of the timestamp `column`.
fn month_of(column: &str) -> String {
    format!("to_char(date_trunc('month', {column} AT TIME ZONE 'Europe/Stockholm'), 'YYYY-MM')")
}

async fn month_counts(conn: &mut AsyncPgConnection, query: &str) -> QueryResult<Vec<MonthCount>> {
    let rows: Vec<MonthRow> = Sql::new(query).finish().load(conn).await?;
    Ok(rows
        .into_iter()
        .map(|row| MonthCount {
            month: row.month,
            key: row.key,
            count: row.count,
        })
        .collect())
}

/// Matches on needs of public labs, by the month they were requested and their state now.
pub async fn matches_by_month(conn: &mut AsyncPgConnection) -> QueryResult<Vec<MonthCount>> {
    let month = month_of("ma.created_at");
    month_counts(
        conn,
        &format!(
            "SELECT {month} AS month, ma.state AS key, count(*) AS count FROM matches ma
               JOIN needs n ON n.id = ma.need_id JOIN labs l ON l.id = n.lab_id
              WHERE l.listed GROUP BY 1, 2 ORDER BY 1, 2"
        ),
    )
    .await
}

/// Adoptions of published (or retired) methods by the month they were recorded.
pub async fn adoptions_by_month(conn: &mut AsyncPgConnection) -> QueryResult<Vec<MonthCount>> {
    let month = month_of("a.created_at");
    month_counts(
        conn,
        &format!(
            "SELECT {month} AS month, '' AS key, count(*) AS count FROM adoptions a
               JOIN methods m ON m.id = a.method_id WHERE m.status <> 'draft'
              GROUP BY 1 ORDER BY 1"
        ),
    )
    .await
}

#[derive(QueryableByName)]
struct CountyRow {
    #[diesel(sql_type = sql::Text)]
    county_code: String,
    #[diesel(sql_type = sql::Text)]
    county_name: String,
    #[diesel(sql_type = sql::BigInt)]
    count: i64,
}

/// Adoptions of published (or retired) methods by county, counties without any left out.
pub async fn adoptions_by_county(conn: &mut AsyncPgConnection) -> QueryResult<Vec<CountyCount>> {
    let rows: Vec<CountyRow> = Sql::new(
        "SELECT c.code AS county_code, c.name AS county_name, count(*) AS count FROM adoptions a
           JOIN methods m ON m.id = a.method_id
           JOIN municipalities mu ON mu.code = a.municipality_code
           JOIN counties c ON c.code = mu.county_code
          WHERE m.status <> 'draft' GROUP BY c.code, c.name ORDER BY c.code",
    )
    .finish()
    .load(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| CountyCount {
            county_code: row.county_code,
            county_name: row.county_name,
            count: row.count,
        })
        .collect())
}

/// The ids of the published methods, whose levels the caller derives.
pub async fn published_methods(conn: &mut AsyncPgConnection) -> QueryResult<Vec<Uuid>> {
    use super::schema::methods;
    methods::table
        .filter(methods::status.eq("published"))
        .select(methods::id)
        .load(conn)
        .await
}

#[derive(QueryableByName)]
struct DirectoryRow {
    #[diesel(sql_type = sql::BigInt)]
    offerings: i64,
    #[diesel(sql_type = sql::BigInt)]
    organizations: i64,
}

/// How many offerings and organisations there are: the totals no other figure counts.
pub async fn offerings_and_organizations(conn: &mut AsyncPgConnection) -> QueryResult<(i64, i64)> {
    let row: DirectoryRow = Sql::new(
        "SELECT (SELECT count(*) FROM offerings WHERE hidden_at IS NULL) AS offerings,
                (SELECT count(*) FROM organizations WHERE hidden_at IS NULL) AS organizations",
    )
    .finish()
    .get_result(conn)
    .await?;
    Ok((row.offerings, row.organizations))
}
