//! The candidates the matchmaking engine scores: fetched and coarsely pre-ranked in SQL
//! (indexes on challenge areas, coverage, tags and text; the order mirrors the weights of
//! `domain::matching::WEIGHTS`), so that only a few hundred reach the exact, explained
//! score of `domain::matching`.

use diesel::prelude::*;
use diesel::sql_types as sql;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use shared::Need;
use uuid::Uuid;

use super::labs::BoundViewer;
use super::offerings::{OfferingRow, TRACK_RECORD};
use super::sql::Sql;
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
    let mut sql = Sql::default();
    let offers = super::offerings::bind_offers(&mut sql, viewer);
    let need_id = sql.bind::<sql::Uuid, _>(need.id);
    let own = sql.bind::<sql::Uuid, _>(need.organization.id);
    let area = sql.bind::<sql::Text, _>(need.challenge_area.clone());
    let tags = sql.bind::<sql::Array<sql::Text>, _>(need.tags.clone());
    let municipality = sql.bind::<sql::Text, _>(need.municipality_code.clone());
    let county = sql.bind::<sql::Text, _>(need.county_code.clone());
    let limit = sql.bind::<sql::BigInt, _>(CANDIDATES);
    sql.push(format!(
        "WITH q AS MATERIALIZED (SELECT {words} AS words FROM needs n WHERE n.id = {need_id}),
         best AS MATERIALIZED (
             SELECT id, text_rank FROM (
                 SELECT o.id, coalesce(ts_rank(o.search, q.words), 0)::real AS text_rank,
                        0.25 * (o.challenge_areas @> ARRAY[{area}])::int + 0.10 * ({reach}) AS base
                   FROM offerings o CROSS JOIN q
                  WHERE o.status = 'active' AND o.hidden_at IS NULL
                    AND o.organization_id <> {own}
                    AND NOT EXISTS (SELECT 1 FROM matches x WHERE x.need_id = {need_id}
                                    AND x.offering_id = o.id AND x.state <> 'withdrawn')
                    -- The same area where the need is, or the same words or tags anywhere.
                    AND ((o.challenge_areas @> ARRAY[{area}]
                          AND ({municipality} = ANY(o.coverage_municipalities)
                               OR {county} = ANY(o.coverage_counties) OR o.coverage_national))
                         OR o.search @@ q.words OR o.tags && {tags})
             ) candidates
             ORDER BY base + 0.25 * (1 - exp(-20 * text_rank)) DESC, id
             LIMIT {limit})
         {select} JOIN best ON best.id = o.id",
        words = words_of("n.search", "offerings"),
        select = super::offerings::select(&offers, "best.text_rank", TRACK_RECORD, true),
        reach = reach_sql(&municipality, &county),
    ));
    sql.finish().load(conn).await
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
    let mut sql = Sql::default();
    let who = BoundViewer::bind(&mut sql, viewer);
    let offering = sql.bind::<sql::Uuid, _>(offering_id);
    let limit = sql.bind::<sql::BigInt, _>(CANDIDATES);
    sql.push(format!(
        "WITH o AS MATERIALIZED (SELECT ofr.*, {words} AS words FROM offerings ofr WHERE ofr.id = {offering}),
         best AS MATERIALIZED (
             SELECT n.id
               FROM needs n
               JOIN labs l ON l.id = n.lab_id
               JOIN municipalities m ON m.code = n.municipality_code
               CROSS JOIN o
              WHERE {visible}
                AND n.status = 'open' AND n.hidden_at IS NULL
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
              LIMIT {limit})
         SELECT n.id, tsvector_to_array(n.search) AS words FROM needs n JOIN best ON best.id = n.id",
        words = words_of("ofr.search", "needs"),
        visible = who.may_see(),
        reach = reach_sql("n.municipality_code", "m.county_code"),
    ));
    sql.finish().load(conn).await
}

/// A word of a text's search document: its Swedish stem, and the shortest way the text
/// writes it (the stem itself when no single word of the text gives it), to name it.
#[derive(Debug, Clone, QueryableByName)]
pub struct Word {
    #[diesel(sql_type = sql::Text)]
    pub stem: String,
    #[diesel(sql_type = sql::Text)]
    pub shown: String,
}

/// The words of a need's or an offering's title, description and their compounds' parts.
pub async fn words_of_need(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Vec<Word>> {
    words_of_row(conn, "needs", id).await
}

pub async fn words_of_offering(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<Vec<Word>> {
    words_of_row(conn, "offerings", id).await
}

async fn words_of_row(
    conn: &mut AsyncPgConnection,
    table: &str,
    id: Uuid,
) -> QueryResult<Vec<Word>> {
    let mut sql = Sql::default();
    let id = sql.bind::<sql::Uuid, _>(id);
    sql.push(format!(
        "WITH t AS (SELECT search, concat_ws(' ', title, description, title_parts, text_parts) AS text
                      FROM {table} WHERE id = {id}),
              forms AS (SELECT w AS word, unnest(tsvector_to_array(to_tsvector('swedish', w))) AS stem
                          FROM t, regexp_split_to_table(lower(t.text), '[^[:alpha:]]+') AS w
                         WHERE w <> '')
         SELECT s.stem, coalesce((SELECT f.word FROM forms f WHERE f.stem = s.stem
                                  ORDER BY length(f.word), f.word LIMIT 1), s.stem) AS shown
           FROM t, unnest(tsvector_to_array(t.search)) AS s(stem)
          ORDER BY s.stem"
    ));
    sql.finish().load(conn).await
}

/// The accepted, active or completed matches of an organisation's offerings.
pub async fn track_record(conn: &mut AsyncPgConnection, organization_id: Uuid) -> QueryResult<i64> {
    #[derive(QueryableByName)]
    struct Count {
        #[diesel(sql_type = sql::BigInt)]
        count: i64,
    }
    let mut sql = Sql::default();
    let organization = sql.bind::<sql::Uuid, _>(organization_id);
    sql.push(format!(
        "SELECT count(*) AS count FROM matches WHERE offering_organization_id = {organization} \
         AND state IN ('accepted', 'active', 'completed')"
    ));
    let row: Count = sql.finish().get_result(conn).await?;
    Ok(row.count)
}
