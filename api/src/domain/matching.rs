//! The matchmaking score: how well an offering fits a need, and why. A pure function of
//! what the queries fetched, so that it can be tested, tuned against the evaluation set
//! (`cargo xtask eval-matching`) and explained: the score is exactly the weighted sum of
//! its reasons, each with a sentence in the reader's language.

use shared::{Factor, Reason};

/// The weights of the factors; they sum to 1, so the score is in [0, 1].
pub const WEIGHTS: [(Factor, f64); 5] = [
    (Factor::ChallengeArea, 0.25),
    (Factor::Geography, 0.10),
    (Factor::Text, 0.50),
    (Factor::Tags, 0.10),
    (Factor::TrackRecord, 0.05),
];

/// What the score needs to know of a need.
#[derive(Debug, Clone, PartialEq)]
pub struct NeedFacts<'a> {
    pub challenge_area: &'a str,
    pub municipality_code: &'a str,
    pub county_code: &'a str,
    pub municipality_name: &'a str,
    pub tags: &'a [String],
}

/// What the score needs to know of an offering.
#[derive(Debug, Clone, PartialEq)]
pub struct OfferingFacts<'a> {
    pub challenge_areas: &'a [String],
    pub national: bool,
    pub counties: &'a [String],
    pub municipalities: &'a [String],
    pub tags: &'a [String],
}

/// What the queries measured of the pair.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Measured<'a> {
    /// How much of the need's vocabulary the offering shares (see [`text_relevance`]).
    pub text: f64,
    /// Accepted, active or completed matches of the offering's organisation.
    pub track_record: i64,
    /// The words the two texts share (or share through a synonym), as the text they were
    /// measured against writes them, rarest first.
    pub shared_words: &'a [String],
}

/// How near an offering reaches a need's place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    Municipality,
    County,
    National,
    Elsewhere,
}

pub fn reach(need: &NeedFacts<'_>, offering: &OfferingFacts<'_>) -> Reach {
    if offering
        .municipalities
        .iter()
        .any(|m| m == need.municipality_code)
    {
        Reach::Municipality
    } else if offering.counties.iter().any(|c| c == need.county_code) {
        Reach::County
    } else if offering.national {
        Reach::National
    } else {
        Reach::Elsewhere
    }
}

/// How much of a text's vocabulary a candidate shares, and which of its words.
#[derive(Debug, Clone, PartialEq)]
pub struct TextShare {
    /// In [0, 1].
    pub share: f64,
    /// The indexes of the text's words the candidate has, rarest (weightiest) first.
    pub shared: Vec<usize>,
}

/// How much of a text's vocabulary each candidate shares, weighing rare words more: the
/// words are Swedish stems (Postgres' `swedish` configuration), those of a synonym group
/// made one (see `swedish::concept`); a word's weight is its inverse document frequency
/// among the candidates, and a candidate's share is the weight of the words it shares over
/// the weight of all the text's words. So "läxhjälp" counts for much, "unga" (in half the
/// candidates) for little.
pub fn text_relevance(words: &[String], candidates: &[Vec<String>]) -> Vec<TextShare> {
    let count = candidates.len() as f64;
    let weight = |word: &String| {
        let frequency = candidates.iter().filter(|c| c.contains(word)).count() as f64;
        ((count + 1.0) / (frequency + 0.5)).ln().max(0.0)
    };
    let mut weights: Vec<(usize, f64)> = words
        .iter()
        .enumerate()
        .map(|(index, word)| (index, weight(word)))
        .collect();
    weights.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let total: f64 = weights.iter().map(|(_, w)| w).sum();
    candidates
        .iter()
        .map(|candidate| {
            let shared: Vec<(usize, f64)> = weights
                .iter()
                .filter(|(index, weight)| *weight > 0.0 && candidate.contains(&words[*index]))
                .copied()
                .collect();
            let share = if total <= 0.0 {
                0.0
            } else {
                (shared.iter().map(|(_, w)| w).sum::<f64>() / total).clamp(0.0, 1.0)
            };
            TextShare {
                share,
                shared: shared.into_iter().map(|(index, _)| index).collect(),
            }
        })
        .collect()
}

/// How many shared words an explanation names.
const NAMED_WORDS: usize = 3;

/// Postgres' `ts_rank` (which weighs title words over description words) turned into
/// [0, 1), blended with the vocabulary share of [`text_relevance`].
pub fn blend_text(vocabulary: f64, rank: f32) -> f64 {
    let rank = f64::from(rank.max(0.0));
    (TEXT_BLEND * vocabulary + (1.0 - TEXT_BLEND) * (1.0 - (-rank * 20.0).exp())).clamp(0.0, 1.0)
}

/// How much of the text score is the vocabulary share (the rest is the title-weighted rank).
pub const TEXT_BLEND: f64 = 0.5;

/// The share of the smaller tag set that the other has too.
pub fn tag_overlap(a: &[String], b: &[String]) -> f64 {
    let smaller = a.len().min(b.len());
    if smaller == 0 {
        return 0.0;
    }
    let shared = a.iter().filter(|tag| b.contains(tag)).count();
    shared as f64 / smaller as f64
}

/// The score of the pair and its reasons, in `language` (`"en"`, else Swedish).
pub fn score(
    need: &NeedFacts<'_>,
    offering: &OfferingFacts<'_>,
    measured: Measured,
    language: &str,
) -> (f64, Vec<Reason>) {
    let en = language == "en";
    let reasons: Vec<Reason> = WEIGHTS
        .iter()
        .map(|&(factor, weight)| {
            let (score, explanation) = match factor {
                Factor::ChallengeArea => {
                    if offering
                        .challenge_areas
                        .iter()
                        .any(|a| a == need.challenge_area)
                    {
                        (
                            1.0,
                            say(
                                en,
                                "Erbjudandet gäller samma fokusområde som behovet.",
                                "The offering works on the same challenge area as the need.",
                            ),
                        )
                    } else {
                        (
                            0.0,
                            say(
                                en,
                                "Erbjudandet gäller andra fokusområden än behovet.",
                                "The offering works on other challenge areas than the need.",
                            ),
                        )
                    }
                }
                Factor::Geography => match reach(need, offering) {
                    Reach::Municipality => (
                        1.0,
                        format_place(
                            en,
                            "Erbjudandet finns i {}, där behovet finns.",
                            "The offering is available in {}, where the need is.",
                            need.municipality_name,
                        ),
                    ),
                    Reach::County => (
                        0.7,
                        format_place(
                            en,
                            "Erbjudandet täcker hela länet som {} ligger i.",
                            "The offering covers the whole county {} is in.",
                            need.municipality_name,
                        ),
                    ),
                    Reach::National => (
                        0.4,
                        say(
                            en,
                            "Erbjudandet finns i hela landet.",
                            "The offering is available nationwide.",
                        ),
                    ),
                    Reach::Elsewhere => (
                        0.0,
                        say(
                            en,
                            "Erbjudandet finns inte där behovet finns.",
                            "The offering is not available where the need is.",
                        ),
                    ),
                },
                Factor::Text => {
                    let score = measured.text.clamp(0.0, 1.0);
                    let explanation = if !measured.shared_words.is_empty() {
                        both_about(en, measured.shared_words)
                    } else if score > 0.0 {
                        say(
                            en,
                            "Beskrivningarna har några ord gemensamt.",
                            "The descriptions share some words.",
                        )
                    } else {
                        say(
                            en,
                            "Beskrivningarna har inga ord gemensamt.",
                            "The descriptions share no words.",
                        )
                    };
                    (score, explanation)
                }
                Factor::Tags => {
                    let shared: Vec<&String> = need
                        .tags
                        .iter()
                        .filter(|t| offering.tags.contains(t))
                        .collect();
                    let score = tag_overlap(need.tags, offering.tags);
                    let explanation = if shared.is_empty() {
                        say(en, "Inga gemensamma taggar.", "No tags in common.")
                    } else {
                        let list = shared
                            .iter()
                            .map(|t| t.as_str())
                            .collect::<Vec<_>>()
                            .join(", ");
                        if en {
                            format!("Tags in common: {list}.")
                        } else {
                            format!("Gemensamma taggar: {list}.")
                        }
                    };
                    (score, explanation)
                }
                Factor::TrackRecord => {
                    let count = measured.track_record.max(0);
                    let score = (count as f64 / 3.0).min(1.0);
                    let explanation = match (count, en) {
                        (0, false) => {
                            "Organisationen har inga genomförda matchningar ännu.".to_owned()
                        }
                        (0, true) => "The organisation has no matches carried out yet.".to_owned(),
                        (1, false) => {
                            "Organisationen har 1 accepterad eller genomförd matchning.".to_owned()
                        }
                        (1, true) => {
                            "The organisation has 1 accepted or completed match.".to_owned()
                        }
                        (n, false) => format!(
                            "Organisationen har {n} accepterade eller genomförda matchningar."
                        ),
                        (n, true) => {
                            format!("The organisation has {n} accepted or completed matches.")
                        }
                    };
                    (score, explanation)
                }
            };
            Reason {
                factor,
                weight,
                score,
                explanation,
            }
        })
        .collect();
    let total = reasons.iter().map(|r| r.weight * r.score).sum::<f64>();
    (total.clamp(0.0, 1.0), reasons)
}

/// "Behovet och erbjudandet handlar båda om ”läxhjälp” och ”elever”."
fn both_about(en: bool, words: &[String]) -> String {
    let quoted: Vec<String> = words
        .iter()
        .take(NAMED_WORDS)
        .map(|word| match en {
            true => format!("“{word}”"),
            false => format!("”{word}”"),
        })
        .collect();
    let and = if en { "and" } else { "och" };
    let list = match quoted.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [first @ .., last] => format!("{} {and} {last}", first.join(", ")),
    };
    match en {
        true => format!("The need and the offering are both about {list}."),
        false => format!("Behovet och erbjudandet handlar båda om {list}."),
    }
}

fn say(en: bool, sv: &str, english: &str) -> String {
    if en { english } else { sv }.to_owned()
}

fn format_place(en: bool, sv: &str, english: &str, place: &str) -> String {
    if en { english } else { sv }.replace("{}", place)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| (*s).to_owned()).collect()
    }

    struct Pair {
        need_tags: Vec<String>,
        areas: Vec<String>,
        counties: Vec<String>,
        municipalities: Vec<String>,
        national: bool,
        tags: Vec<String>,
    }

    impl Pair {
        fn new() -> Self {
            Pair {
                need_tags: strings(&["jobbcoachning", "kvinnor"]),
                areas: strings(&["unemployment"]),
                counties: Vec::new(),
                municipalities: strings(&["0581"]),
                national: false,
                tags: strings(&["kvinnor"]),
            }
        }

        fn score(&self, measured: Measured, language: &str) -> (f64, Vec<Reason>) {
            let need = NeedFacts {
                challenge_area: "unemployment",
                municipality_code: "0581",
                county_code: "05",
                municipality_name: "Norrköping",
                tags: &self.need_tags,
            };
            let offering = OfferingFacts {
                challenge_areas: &self.areas,
                national: self.national,
                counties: &self.counties,
                municipalities: &self.municipalities,
                tags: &self.tags,
            };
            score(&need, &offering, measured, language)
        }
    }

    const SOME_TEXT: Measured<'static> = Measured {
        text: 0.3,
        track_record: 0,
        shared_words: &[],
    };

    #[test]
    fn the_score_is_the_weighted_sum_of_its_reasons_and_within_0_and_1() {
        let (score, reasons) = Pair::new().score(
            Measured {
                text: 0.6,
                track_record: 5,
                shared_words: &[],
            },
            "sv",
        );
        let sum: f64 = reasons.iter().map(|r| r.weight * r.score).sum();
        assert!((score - sum).abs() < 1e-12);
        assert!((0.0..=1.0).contains(&score));
        assert_eq!(reasons.len(), 5);
        assert!((WEIGHTS.iter().map(|(_, w)| w).sum::<f64>() - 1.0).abs() < 1e-12);
        let perfect = Pair {
            need_tags: strings(&["kvinnor"]),
            ..Pair::new()
        };
        let (best, _) = perfect.score(
            Measured {
                text: 1.0,
                track_record: 3,
                shared_words: &[],
            },
            "sv",
        );
        assert!(best > 0.99 && best <= 1.0, "{best}");
    }

    #[test]
    fn nearer_is_better_municipality_over_county_over_national_over_none() {
        let municipality = Pair::new().score(SOME_TEXT, "sv").0;
        let county = Pair {
            municipalities: vec![],
            counties: strings(&["05"]),
            ..Pair::new()
        }
        .score(SOME_TEXT, "sv")
        .0;
        let national = Pair {
            municipalities: vec![],
            national: true,
            ..Pair::new()
        }
        .score(SOME_TEXT, "sv")
        .0;
        let elsewhere = Pair {
            municipalities: strings(&["1480"]),
            ..Pair::new()
        }
        .score(SOME_TEXT, "sv")
        .0;
        assert!(municipality > county && county > national && national > elsewhere);
    }

    #[test]
    fn the_challenge_area_text_tags_and_track_record_each_count() {
        let base = Pair::new().score(SOME_TEXT, "sv").0;
        assert!(
            Pair {
                areas: strings(&["schools"]),
                ..Pair::new()
            }
            .score(SOME_TEXT, "sv")
            .0 < base
        );
        assert!(
            Pair::new()
                .score(
                    Measured {
                        text: 0.0,
                        track_record: 0,
                        shared_words: &[],
                    },
                    "sv"
                )
                .0
                < base
        );
        assert!(
            Pair {
                tags: vec![],
                ..Pair::new()
            }
            .score(SOME_TEXT, "sv")
            .0 < base
        );
        assert!(
            Pair::new()
                .score(
                    Measured {
                        text: 0.3,
                        track_record: 2,
                        shared_words: &[],
                    },
                    "sv"
                )
                .0
                > base
        );
        assert_eq!(tag_overlap(&strings(&["a", "b"]), &strings(&["b"])), 1.0);
        assert_eq!(tag_overlap(&strings(&["a"]), &[]), 0.0);
    }

    #[test]
    fn rare_shared_words_count_more_than_common_ones() {
        let words = strings(&["läxhjälp", "unga", "kväll"]);
        let candidates = vec![
            strings(&["läxhjälp", "student"]),
            strings(&["unga", "fotboll"]),
            strings(&["unga", "fritidsgård"]),
            strings(&["unga", "kväll", "läxhjälp"]),
            strings(&["odling"]),
        ];
        let shares = text_relevance(&words, &candidates);
        let relevance: Vec<f64> = shares.iter().map(|share| share.share).collect();
        assert!(relevance[0] > relevance[1], "{relevance:?}");
        assert_eq!(relevance[4], 0.0);
        assert!((relevance[3] - 1.0).abs() < 1e-12);
        assert!(relevance.iter().all(|r| (0.0..=1.0).contains(r)));
        // The shared words, rarest first: kväll (in one), läxhjälp (in two), unga (in three).
        assert_eq!(shares[3].shared, [2, 0, 1]);
        assert_eq!(shares[0].shared, [0]);
        assert!(shares[4].shared.is_empty());
        assert!(
            text_relevance(&[], &candidates)
                .iter()
                .all(|r| r.share == 0.0)
        );
    }

    #[test]
    fn the_text_reason_names_the_shared_words() {
        let shared = strings(&["läxhjälp", "elever", "kvällar", "skolan"]);
        let measured = Measured {
            shared_words: &shared,
            ..SOME_TEXT
        };
        let (_, sv) = Pair::new().score(measured, "sv");
        assert_eq!(
            sv[2].explanation,
            "Behovet och erbjudandet handlar båda om ”läxhjälp”, ”elever” och ”kvällar”."
        );
        let one = strings(&["läxhjälp"]);
        let (_, en) = Pair::new().score(
            Measured {
                shared_words: &one,
                ..SOME_TEXT
            },
            "en",
        );
        assert_eq!(
            en[2].explanation,
            "The need and the offering are both about “läxhjälp”."
        );
    }

    #[test]
    fn reasons_are_sentences_in_the_readers_language() {
        let (_, sv) = Pair::new().score(SOME_TEXT, "sv");
        let (_, en) = Pair::new().score(SOME_TEXT, "en");
        assert_eq!(
            sv[1].explanation,
            "Erbjudandet finns i Norrköping, där behovet finns."
        );
        assert_eq!(
            en[1].explanation,
            "The offering is available in Norrköping, where the need is."
        );
        assert_eq!(sv[3].explanation, "Gemensamma taggar: kvinnor.");
        assert_eq!(
            en[0].explanation,
            "The offering works on the same challenge area as the need."
        );
        assert!(
            sv.iter()
                .chain(en.iter())
                .all(|r| r.explanation.ends_with('.'))
        );
    }
}
