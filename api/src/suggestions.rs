//! Suggestions: the candidates the database finds, scored and explained by the pure
//! `domain::matching::score`, best first. The handlers, the evaluation
//! (`api eval-matching`) and the benchmark (`api bench-matching`) all call these.

use diesel_async::AsyncPgConnection;
use shared::{Need, NeedSuggestion, Offering, OfferingSuggestion};

use crate::authz::Viewer;
use crate::db;
use crate::domain::matching::{self, Measured, NeedFacts, OfferingFacts};
use crate::error::ApiError;

/// The best `limit` offerings for a need, with their reasons in `language`.
pub async fn offerings_for_need(
    conn: &mut AsyncPgConnection,
    viewer: &Viewer,
    need: &Need,
    limit: usize,
    language: &str,
) -> Result<Vec<OfferingSuggestion>, ApiError> {
    let candidates = db::matching::offerings_for_need(conn, viewer, need).await?;
    let words = db::matching::words_of_need(conn, need.id).await?;
    let vocabularies: Vec<Vec<String>> = candidates.iter().map(|c| c.words.clone()).collect();
    let texts = matching::text_relevance(&words, &vocabularies);
    let scored = candidates
        .into_iter()
        .zip(texts)
        .map(|(row, text)| {
            let measured = Measured {
                text: matching::blend_text(text, row.rank),
                track_record: row.track_record,
            };
            let offering = Offering::from(row);
            let (score, reasons) = matching::score(
                &need_facts(need),
                &offering_facts(&offering),
                measured,
                language,
            );
            (
                score,
                OfferingSuggestion {
                    offering,
                    score,
                    reasons,
                },
            )
        })
        .collect();
    Ok(best(scored, limit))
}

/// The best `limit` open needs (of labs the viewer may see) for an offering.
pub async fn needs_for_offering(
    conn: &mut AsyncPgConnection,
    viewer: &Viewer,
    offering: &Offering,
    limit: usize,
    language: &str,
) -> Result<Vec<NeedSuggestion>, ApiError> {
    let track_record = db::matching::track_record(conn, offering.organization.id).await?;
    let candidates = db::matching::needs_for_offering(conn, viewer, offering.id).await?;
    let words = db::matching::words_of_offering(conn, offering.id).await?;
    let vocabularies: Vec<Vec<String>> = candidates.iter().map(|c| c.words.clone()).collect();
    let texts = matching::text_relevance(&words, &vocabularies);
    let mut scored = Vec::with_capacity(candidates.len());
    for (candidate, text) in candidates.into_iter().zip(texts) {
        let Some(need) = db::needs::find(conn, viewer, candidate.id).await? else {
            continue;
        };
        let measured = Measured { text, track_record };
        let (score, reasons) = matching::score(
            &need_facts(&need),
            &offering_facts(offering),
            measured,
            language,
        );
        scored.push((
            score,
            NeedSuggestion {
                need,
                score,
                reasons,
            },
        ));
    }
    Ok(best(scored, limit))
}

fn need_facts(need: &Need) -> NeedFacts<'_> {
    NeedFacts {
        challenge_area: &need.challenge_area,
        municipality_code: &need.municipality_code,
        county_code: &need.county_code,
        municipality_name: &need.municipality_name,
        tags: &need.tags,
    }
}

fn offering_facts(offering: &Offering) -> OfferingFacts<'_> {
    OfferingFacts {
        challenge_areas: &offering.challenge_areas,
        national: offering.coverage.national,
        counties: &offering.coverage.counties,
        municipalities: &offering.coverage.municipalities,
        tags: &offering.tags,
    }
}

/// Keeps the best `limit`, best first (ties: the earlier candidate first).
fn best<T>(mut scored: Vec<(f64, T)>, limit: usize) -> Vec<T> {
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    scored.truncate(limit);
    scored.into_iter().map(|(_, item)| item).collect()
}
