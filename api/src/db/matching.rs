//! The candidates the matchmaking engine scores: fetched and coarsely pre-ranked in SQL
//! (indexes on challenge areas, coverage, tags and text; the order mirrors the weights of
//! `domain::matching::WEIGHTS`), so that only a few hundred reach the exact, explained
//! score of `domain::matching`.

use diesel::prelude::*;
use diesel::sql_types as sql;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use shared::Need;
use uuid::Uuid;

use super::labs::{VISIBLE, bind_viewer};
use super::offerings::{OfferingRow, TRACK_RECORD};
use crate::authz::Viewer;

/// How many candidates reach the exact score.
pub const CANDIDATES: i64 = 200;

/// The words of a text's search vector as an "any of these" query (its Swedish stems),
/// without the words common in `table`: those Postgres' statistics (kept by autovacuum's
/// ANALYZE) find in over 1 % of its rows and in more than 10. A word such as "område" would
/// otherwise make thousands of rows candidates and tell nothing about them.
fn words_of(vector: &str, table: &str) -> String {
    format!(
        "(SELECT string_agg(quote_literal(word), ' | ') FROM unnest(tsvector_to_array({vector})) AS word
           WHERE word NOT IN (
               SELECT e.word FROM pg_stats s
               CROSS JOIN LATERAL unnest(s.most_common_elems::text::text[]) WITH ORDINALITY AS e(word, i)
               WHERE s.schemaname = current_schema() AND s.tablename = '{table}' AND s.attname = 'search'
                 AND s.most_common_elem_freqs[e.i] > greatest(0.01,
                     10.0 / greatest((SELECT reltuples FROM pg_class WHERE oid = '{table}'::regclass), 1))
           ))::tsquery"
    )
}

/// A coarse place score in SQL, in the order of `domain::matching::Reach`.
fn reach_sql(municipality: &str, county: &str) -> String {
    format!(
        "CASE WHEN {municipality} = ANY(o.coverage_municipalities) THEN 1.0 \
              WHEN {county} = ANY(o.coverage_counties) THEN 0.7 \
              WHEN o.coverage_national THEN 0.4 ELSE 0.0 END"
    )
}

/// Active offerings of other organisations, not yet matched with the need, that share its
/// challenge area, its words or its tags; best first by a coarse score.
pub async fn offerings_for_need(
    conn: &mut AsyncPgConnection,
    viewer: &Viewer,
    need: &Need,
) -> QueryResult<Vec<OfferingRow>> {
    // Materialised: the need's words once, and the pre-ranking over the narrow columns;
    // only the best candidates get their full row, stems and track record.
    let text = format!(
        "WITH q AS MATERIALIZED (SELECT {words} AS words FROM needs n WHERE n.id = $2),
         best AS MATERIALIZED (
             SELECT id, text_rank FROM (
                 SELECT o.id, coalesce(ts_rank(o.search, q.words), 0)::real AS text_rank,
                        0.25 * (o.challenge_areas @> ARRAY[$4::text])::int + 0.10 * ({reach}) AS base
                   FROM offerings o CROSS JOIN q
                  WHERE o.status = 'active'
                    AND o.organization_id <> $3
                    AND NOT EXISTS (SELECT 1 FROM matches x WHERE x.need_id = $2
                                    AND x.offering_id = o.id AND x.state <> 'withdrawn')
                    -- The same area where the need is, or the same words or tags anywhere.
                    AND ((o.challenge_areas @> ARRAY[$4::text]
                          AND ($6 = ANY(o.coverage_municipalities) OR $7 = ANY(o.coverage_counties)
                               OR o.coverage_national))
                         OR o.search @@ q.words OR o.tags && $5)
             ) candidates
             ORDER BY base + 0.25 * (1 - exp(-20 * text_rank)) DESC, id
             LIMIT $8)
         {select} JOIN best ON best.id = o.id",
        words = words_of("n.search", "offerings"),
        select = super::offerings::select("best.text_rank", TRACK_RECORD, true),
        reach = reach_sql("$6", "$7"),
    );
    diesel::sql_query(text)
        .bind::<sql::Array<sql::Uuid>, _>(viewer.offer_organizations.clone())
        .bind::<sql::Uuid, _>(need.id)
        .bind::<sql::Uuid, _>(need.organization.id)
        .bind::<sql::Text, _>(&need.challenge_area)
        .bind::<sql::Array<sql::Text>, _>(&need.tags)
        .bind::<sql::Text, _>(&need.municipality_code)
        .bind::<sql::Text, _>(&need.county_code)
        .bind::<sql::BigInt, _>(CANDIDATES)
        .load(conn)
        .await
}

/// A candidate need with what the score needs beyond the need itself.
#[derive(QueryableByName)]
pub struct NeedCandidate {
    #[diesel(sql_type = sql::Uuid)]
    pub id: Uuid,
    #[diesel(sql_type = sql::Array<sql::Text>)]
    pub words: Vec<String>,
}

/// Open needs of labs the viewer may see, of other organisations, not yet matched with the
/// offering, that share a challenge area, words or tags with it; best first by a coarse score.
pub async fn needs_for_offering(
    conn: &mut AsyncPgConnection,
    viewer: &Viewer,
    offering_id: Uuid,
) -> QueryResult<Vec<NeedCandidate>> {
    let text = format!(
        "WITH o AS MATERIALIZED (SELECT ofr.*, {words} AS words FROM offerings ofr WHERE ofr.id = $4),
         best AS MATERIALIZED (
             SELECT n.id
               FROM needs n
               JOIN labs l ON l.id = n.lab_id
               JOIN municipalities m ON m.code = n.municipality_code
               CROSS JOIN o
              WHERE {VISIBLE}
                AND n.status = 'open'
                AND n.organization_id <> o.organization_id
                AND NOT EXISTS (SELECT 1 FROM matches x WHERE x.need_id = n.id AND x.offering_id = o.id
                                AND x.state <> 'withdrawn')
                -- The same area where the offering reaches, or the same words or tags anywhere.
                AND ((n.challenge_area = ANY(o.challenge_areas)
                      AND (n.municipality_code = ANY(o.coverage_municipalities)
                           OR m.county_code = ANY(o.coverage_counties) OR o.coverage_national))
                     OR n.search @@ o.words OR n.tags && o.tags)
              ORDER BY 0.25 * (n.challenge_area = ANY(o.challenge_areas))::int + 0.10 * ({reach})
                       + 0.25 * (1 - exp(-20 * coalesce(ts_rank(n.search, o.words), 0))) DESC, n.id
              LIMIT $5)
         SELECT n.id, tsvector_to_array(n.search) AS words FROM needs n JOIN best ON best.id = n.id",
        words = words_of("ofr.search", "needs"),
        reach = reach_sql("n.municipality_code", "m.county_code"),
    );
    bind_viewer(diesel::sql_query(text).into_boxed(), viewer)
        .bind::<sql::Uuid, _>(offering_id)
        .bind::<sql::BigInt, _>(CANDIDATES)
        .load(conn)
        .await
}

/// The Swedish stems of a need's or an offering's title and description.
pub async fn words_of_need(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Vec<String>> {
    words_of_row(conn, "needs", id).await
}

pub async fn words_of_offering(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Vec<String>> {
    words_of_row(conn, "offerings", id).await
}

async fn words_of_row(
    conn: &mut AsyncPgConnection,
    table: &str,
    id: Uuid,
) -> QueryResult<Vec<String>> {
    #[derive(QueryableByName)]
    struct Words {
        #[diesel(sql_type = sql::Array<sql::Text>)]
        words: Vec<String>,
    }
    let row: Option<Words> = diesel::sql_query(format!(
        "SELECT tsvector_to_array(search) AS words FROM {table} WHERE id = $1"
    ))
    .bind::<sql::Uuid, _>(id)
    .get_result(conn)
    .await
    .optional()?;
    Ok(row.map(|row| row.words).unwrap_or_default())
}

/// The accepted, active or completed matches of an organisation's offerings.
pub async fn track_record(conn: &mut AsyncPgConnection, organization_id: Uuid) -> QueryResult<i64> {
    #[derive(QueryableByName)]
    struct Count {
        #[diesel(sql_type = sql::BigInt)]
        count: i64,
    }
    let row: Count = diesel::sql_query(
        "SELECT count(*) AS count FROM matches WHERE offering_organization_id = $1 \
         AND state IN ('accepted', 'active', 'completed')",
    )
    .bind::<sql::Uuid, _>(organization_id)
    .get_result(conn)
    .await?;
    Ok(row.count)
}
