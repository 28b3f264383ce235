//! Suggestions: the candidates the database finds, scored and explained by the pure
//! `domain::matching::score`, best first. The handlers, the evaluation
//! (`api eval-matching`) and the benchmark (`api bench-matching`) all call these.

use diesel_async::AsyncPgConnection;
use shared::{Need, NeedSuggestion, Offering, OfferingSuggestion};

use crate::authz::Viewer;
use crate::db;
use crate::domain::matching::{self, Measured, NeedFacts, OfferingFacts};
use crate::domain::swedish;
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
    let vocabulary = Vocabulary::of(&db::matching::words_of_need(conn, need.id).await?);
    let vocabularies: Vec<Vec<String>> = candidates.iter().map(|c| concepts(&c.words)).collect();
    let texts = matching::text_relevance(&vocabulary.concepts, &vocabularies);
    let scored = candidates
        .into_iter()
        .zip(texts)
        .map(|(row, text)| {
            let shared_words = vocabulary.named(&text.shared);
            let measured = Measured {
                text: matching::blend_text(text.share, row.rank),
                track_record: row.track_record,
                shared_words: &shared_words,
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
    let vocabulary = Vocabulary::of(&db::matching::words_of_offering(conn, offering.id).await?);
    let vocabularies: Vec<Vec<String>> = candidates.iter().map(|c| concepts(&c.words)).collect();
    let texts = matching::text_relevance(&vocabulary.concepts, &vocabularies);
    let mut scored = Vec::with_capacity(candidates.len());
    for (candidate, text) in candidates.into_iter().zip(texts) {
        let Some(need) = db::needs::find(conn, viewer, candidate.id).await? else {
            continue;
        };
        let shared_words = vocabulary.named(&text.shared);
        let measured = Measured {
            text: text.share,
            track_record,
            shared_words: &shared_words,
        };
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

/// The text a suggestion is measured against, as concepts (stems, a synonym group's as
/// one), each with the word that names it.
struct Vocabulary {
    concepts: Vec<String>,
    names: Vec<String>,
}

impl Vocabulary {
    fn of(words: &[db::matching::Word]) -> Self {
        let mut vocabulary = Self {
            concepts: Vec::with_capacity(words.len()),
            names: Vec::with_capacity(words.len()),
        };
        for word in words {
            let concept = swedish::concept(&word.stem);
            if !vocabulary.concepts.contains(&concept) {
                vocabulary.concepts.push(concept);
                vocabulary.names.push(word.shown.clone());
            }
        }
        vocabulary
    }

    /// The words that name the concepts at `indexes`.
    fn named(&self, indexes: &[usize]) -> Vec<String> {
        indexes
            .iter()
            .map(|&index| self.names[index].clone())
            .collect()
    }
}

/// A candidate's stems as concepts.
fn concepts(stems: &[String]) -> Vec<String> {
    stems.iter().map(|stem| swedish::concept(stem)).collect()
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
