//! The candidates the matchmaking engine scores: fetched and coarsely pre-ranked in SQL
//! (indexes on challenge areas, coverage, tags and text), so that only a few hundred reach
//! the exact, explained score of `domain::matching`.

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

/// The words of a text's search vector as an "any of these" query (its Swedish stems).
fn words_of(vector: &str) -> String {
    format!(
        "(SELECT string_agg(quote_literal(word), ' | ') FROM unnest(tsvector_to_array({vector})) AS word)::tsquery"
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
    let text = format!(
        "WITH q AS (SELECT {words} AS words FROM needs n WHERE n.id = $2)
         {select} CROSS JOIN q
          WHERE o.status = 'active'
            AND o.organization_id <> $3
            AND NOT EXISTS (SELECT 1 FROM matches x WHERE x.need_id = $2 AND x.offering_id = o.id
                            AND x.state <> 'withdrawn')
            AND (o.challenge_areas @> ARRAY[$4::text] OR o.search @@ q.words OR o.tags && $5)
          ORDER BY 0.3 * (o.challenge_areas @> ARRAY[$4::text])::int + 0.25 * ({reach})
                   + 0.3 * (1 - exp(-8 * coalesce(ts_rank(o.search, q.words), 0))) DESC, o.id
          LIMIT $8",
        words = words_of("n.search"),
        select = super::offerings::select(
            "coalesce(ts_rank(o.search, q.words), 0)::real",
            TRACK_RECORD
        ),
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
    #[diesel(sql_type = sql::Float4)]
    pub rank: f32,
}

/// Open needs of labs the viewer may see, of other organisations, not yet matched with the
/// offering, that share a challenge area, words or tags with it; best first by a coarse score.
pub async fn needs_for_offering(
    conn: &mut AsyncPgConnection,
    viewer: &Viewer,
    offering_id: Uuid,
) -> QueryResult<Vec<NeedCandidate>> {
    let text = format!(
        "WITH o AS (SELECT ofr.*, {words} AS words FROM offerings ofr WHERE ofr.id = $4)
         SELECT n.id, coalesce(ts_rank(n.search, o.words), 0)::real AS rank
           FROM needs n
           JOIN labs l ON l.id = n.lab_id
           JOIN municipalities m ON m.code = n.municipality_code
           CROSS JOIN o
          WHERE {VISIBLE}
            AND n.status = 'open'
            AND n.organization_id <> o.organization_id
            AND NOT EXISTS (SELECT 1 FROM matches x WHERE x.need_id = n.id AND x.offering_id = o.id
                            AND x.state <> 'withdrawn')
            AND (n.challenge_area = ANY(o.challenge_areas) OR n.search @@ o.words OR n.tags && o.tags)
          ORDER BY 0.3 * (n.challenge_area = ANY(o.challenge_areas))::int + 0.25 * ({reach})
                   + 0.3 * (1 - exp(-8 * coalesce(ts_rank(n.search, o.words), 0))) DESC, n.id
          LIMIT $5",
        words = words_of("ofr.search"),
        reach = reach_sql("n.municipality_code", "m.county_code"),
    );
    bind_viewer(diesel::sql_query(text).into_boxed(), viewer)
        .bind::<sql::Uuid, _>(offering_id)
        .bind::<sql::BigInt, _>(CANDIDATES)
        .load(conn)
        .await
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
