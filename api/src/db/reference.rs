//! Queries over the reference data: challenge areas, counties, municipalities.

use diesel::dsl::count_star;
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use shared::{ChallengeArea, County, LocalizedText, Municipality};

use super::schema::{challenge_areas, counties, municipalities};

#[derive(QueryableByName)]
struct ChallengeAreaRow {
    #[diesel(sql_type = diesel::sql_types::Text)]
    key: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    name_sv: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    name_en: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    description_sv: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    description_en: String,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    lab_count: i64,
    #[diesel(sql_type = diesel::sql_types::BigInt)]
    offering_count: i64,
}

/// The challenge areas in their fixed order, each with how many public labs are still
/// running in it and how many offerings are active (the same for every caller).
pub async fn challenge_areas(conn: &mut AsyncPgConnection) -> QueryResult<Vec<ChallengeArea>> {
    let rows: Vec<ChallengeAreaRow> = diesel::sql_query(
        "SELECT a.key, a.name_sv, a.name_en, a.description_sv, a.description_en,
                (SELECT count(*) FROM labs l
                  WHERE l.challenge_area = a.key
                    AND l.listed AND l.phase <> 'closed') AS lab_count,
                (SELECT count(*) FROM offerings o
                  WHERE a.key = ANY (o.challenge_areas) AND o.status = 'active'
                    AND o.hidden_at IS NULL) AS offering_count
           FROM challenge_areas a
          ORDER BY a.position",
    )
    .load(conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|row| ChallengeArea {
            key: row.key,
            name: LocalizedText {
                sv: row.name_sv,
                en: row.name_en,
            },
            description: LocalizedText {
                sv: row.description_sv,
                en: row.description_en,
            },
            lab_count: row.lab_count,
            offering_count: row.offering_count,
        })
        .collect())
}

/// The counties by code, each with how many municipalities it has.
pub async fn counties(conn: &mut AsyncPgConnection) -> QueryResult<Vec<County>> {
    let rows: Vec<(String, String, i64)> = counties::table
        .inner_join(municipalities::table)
        .group_by((counties::code, counties::name))
        .order(counties::code)
        .select((counties::code, counties::name, count_star()))
        .load(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(|(code, name, municipality_count)| County {
            code,
            name,
            municipality_count,
        })
        .collect())
}

/// The municipalities in Swedish alphabetical order (the column's collation), optionally
/// only those of one county.
pub async fn municipalities(
    conn: &mut AsyncPgConnection,
    county_code: Option<&str>,
) -> QueryResult<Vec<Municipality>> {
    let mut query = municipalities::table
        .inner_join(counties::table)
        .order(municipalities::name)
        .select((
            municipalities::code,
            municipalities::name,
            municipalities::county_code,
            counties::name,
        ))
        .into_boxed();
    if let Some(county_code) = county_code {
        query = query.filter(municipalities::county_code.eq(county_code.to_owned()));
    }
    let rows: Vec<(String, String, String, String)> = query.load(conn).await?;
    Ok(rows
        .into_iter()
        .map(|(code, name, county_code, county_name)| Municipality {
            code,
            name,
            county_code,
            county_name,
        })
        .collect())
}

/// Whether a municipality with this code exists.
pub async fn municipality_exists(conn: &mut AsyncPgConnection, code: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(municipalities::table.find(code)))
        .get_result(conn)
        .await
}

/// Whether a challenge area with this key exists.
pub async fn challenge_area_exists(conn: &mut AsyncPgConnection, key: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(challenge_areas::table.find(key)))
        .get_result(conn)
        .await
}

/// Whether a county with this code exists.
pub async fn county_exists(conn: &mut AsyncPgConnection, code: &str) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(counties::table.find(code)))
        .get_result(conn)
        .await
}
