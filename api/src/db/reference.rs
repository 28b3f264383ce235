//! Queries over the reference data: challenge areas, counties, municipalities.

use diesel::dsl::count_star;
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use shared::{ChallengeArea, County, LocalizedText, Municipality};

use super::schema::{challenge_areas, counties, municipalities};

/// The challenge areas in their fixed order.
pub async fn challenge_areas(conn: &mut AsyncPgConnection) -> QueryResult<Vec<ChallengeArea>> {
    let rows: Vec<(String, String, String, String, String)> = challenge_areas::table
        .order(challenge_areas::position)
        .select((
            challenge_areas::key,
            challenge_areas::name_sv,
            challenge_areas::name_en,
            challenge_areas::description_sv,
            challenge_areas::description_en,
        ))
        .load(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(
            |(key, name_sv, name_en, description_sv, description_en)| ChallengeArea {
                key,
                name: LocalizedText {
                    sv: name_sv,
                    en: name_en,
                },
                description: LocalizedText {
                    sv: description_sv,
                    en: description_en,
                },
            },
        )
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
