//! The evidence levels of a method on Nesta's Standards of Evidence, as far as the
//! platform's own records support them: a pure function of the facts one query gathers
//! (`db::methods::evidence_facts`), with a sentence per rule in the reader's language.
//!
//! Unlike Nesta's scale, which is cumulative, levels 4 and 5 do not need level 3: labs in
//! housing areas rarely have comparison groups, so replication elsewhere counts without
//! one, and the reasons say plainly when no comparison group is recorded. Levels 3–5 do
//! need level 2 (data shows change).

use std::collections::BTreeSet;

use serde::Deserialize;
use shared::{LevelReason, indicator_progress};

/// An indicator's baseline, target and latest measurement.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Reading {
    pub baseline: f64,
    pub target: f64,
    pub latest: Option<f64>,
}

impl Reading {
    /// Whether the latest measurement has moved from the baseline towards the target.
    pub fn moved_towards_target(&self) -> bool {
        indicator_progress(self.baseline, self.target, self.latest).is_some_and(|p| p > 0.0)
    }
}

/// An adoption as the rules see it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct AdoptionFacts {
    /// The adopter is neither the owner nor a participant of an origin lab.
    pub independent: bool,
    pub municipality_code: String,
    pub county_code: String,
    /// The adoption lab's copies of the method's indicators.
    pub readings: Vec<Reading>,
}

impl AdoptionFacts {
    /// An independent replication that shows change.
    fn replicates(&self) -> bool {
        self.independent && self.readings.iter().any(Reading::moved_towards_target)
    }
}

/// What the records say about a method.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
pub struct EvidenceFacts {
    /// Both the problem and the approach are written.
    pub described: bool,
    /// The method's indicators in its origin labs.
    pub origin_readings: Vec<Reading>,
    /// An entry of level 3 or more records a comparison group and names an indicator.
    pub comparison_entry: bool,
    pub adoptions: Vec<AdoptionFacts>,
    /// A manual or guide is among the resources.
    pub has_manual: bool,
}

/// The data level and the reasons, one per rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataLevel {
    /// The highest level whose rule holds; 0 when none does.
    pub level: i32,
    pub reasons: Vec<LevelReason>,
}

/// Levels 3 to 5 need this many places of independent replication for level 5.
const LEVEL_5_MUNICIPALITIES: usize = 3;
const LEVEL_5_COUNTIES: usize = 2;

/// Derives the data level from the facts, with its reasons in `language` (`"en"`, else
/// Swedish).
pub fn data_level(facts: &EvidenceFacts, language: &str) -> DataLevel {
    let en = language == "en";
    let say = |sv: String, english: String| if en { english } else { sv };

    let rule_1 = facts.described;
    let moved = facts
        .origin_readings
        .iter()
        .filter(|r| r.moved_towards_target())
        .count();
    let rule_2 = moved > 0;
    let rule_3 = rule_2 && facts.comparison_entry;
    let replications: Vec<&AdoptionFacts> =
        facts.adoptions.iter().filter(|a| a.replicates()).collect();
    let rule_4 = rule_2 && !replications.is_empty();
    let municipalities: BTreeSet<&str> = replications
        .iter()
        .map(|a| a.municipality_code.as_str())
        .collect();
    let counties: BTreeSet<&str> = replications
        .iter()
        .map(|a| a.county_code.as_str())
        .collect();
    let spread =
        municipalities.len() >= LEVEL_5_MUNICIPALITIES && counties.len() >= LEVEL_5_COUNTIES;
    let rule_5 = rule_4 && spread && facts.has_manual;

    let needs_change = |sv: &str, english: &str| {
        say(
            format!("{sv} Först måste data visa en förändring (nivå 2)."),
            format!("{english} First, data must show change (level 2)."),
        )
    };
    let reasons = vec![
        LevelReason {
            level: 1,
            holds: rule_1,
            explanation: if rule_1 {
                say(
                    "Problemet och arbetssättet är beskrivna.".into(),
                    "The problem and the approach are described.".into(),
                )
            } else {
                say(
                    "Beskriv både problemet och arbetssättet.".into(),
                    "Describe both the problem and the approach.".into(),
                )
            },
        },
        LevelReason {
            level: 2,
            holds: rule_2,
            explanation: if rule_2 {
                say(
                    format!(
                        "{moved} av {} indikatorer i ursprungslabben har rört sig från utgångsvärdet mot målet.",
                        facts.origin_readings.len()
                    ),
                    format!(
                        "{moved} of {} indicators in the origin labs moved from their baseline towards their target.",
                        facts.origin_readings.len()
                    ),
                )
            } else if facts.origin_readings.is_empty() {
                say(
                    "Ingen indikator i ett ursprungslabb är kopplad till metoden.".into(),
                    "No indicator of an origin lab is linked to the method.".into(),
                )
            } else {
                say(
                    "Ingen kopplad indikator har ännu rört sig mot sitt mål.".into(),
                    "No linked indicator has yet moved towards its target.".into(),
                )
            },
        },
        LevelReason {
            level: 3,
            holds: rule_3,
            explanation: match (facts.comparison_entry, rule_2) {
                (true, true) => say(
                    "Ett underlag på nivå 3 jämför med en jämförelsegrupp och anger en indikator.".into(),
                    "A level-3 entry compares with a comparison group and names an indicator.".into(),
                ),
                (true, false) => needs_change(
                    "En jämförelsegrupp finns.",
                    "A comparison group is recorded.",
                ),
                (false, _) => say(
                    "Ingen jämförelsegrupp finns registrerad.".into(),
                    "No comparison group is recorded.".into(),
                ),
            },
        },
        LevelReason {
            level: 4,
            holds: rule_4,
            explanation: match (replications.len(), rule_2) {
                (0, _) => say(
                    "Ingen organisation utanför ursprungslabben har ännu visat förändring med metoden.".into(),
                    "No organisation outside the origin labs has yet shown change with the method.".into(),
                ),
                (n, true) => say(
                    format!("{n} införande hos organisationer utanför ursprungslabben visar förändring (utan krav på jämförelsegrupp)."),
                    format!("{n} adoptions by organisations outside the origin labs show change (no comparison group required)."),
                ),
                (_, false) => needs_change(
                    "Införanden utanför ursprungslabben visar förändring.",
                    "Adoptions outside the origin labs show change.",
                ),
            },
        },
        LevelReason {
            level: 5,
            holds: rule_5,
            explanation: if rule_5 {
                say(
                    format!(
                        "Förändring i {} kommuner i {} län, och en manual eller vägledning finns.",
                        municipalities.len(),
                        counties.len()
                    ),
                    format!(
                        "Change in {} municipalities of {} counties, and a manual or guide exists.",
                        municipalities.len(),
                        counties.len()
                    ),
                )
            } else {
                let mut missing_sv = Vec::new();
                let mut missing_en = Vec::new();
                if !spread {
                    missing_sv.push(format!(
                        "förändring i minst {LEVEL_5_MUNICIPALITIES} kommuner i {LEVEL_5_COUNTIES} län (nu {} kommuner, {} län)",
                        municipalities.len(),
                        counties.len()
                    ));
                    missing_en.push(format!(
                        "change in at least {LEVEL_5_MUNICIPALITIES} municipalities of {LEVEL_5_COUNTIES} counties (now {} municipalities, {} counties)",
                        municipalities.len(),
                        counties.len()
                    ));
                }
                if !facts.has_manual {
                    missing_sv.push("en manual eller vägledning bland resurserna".to_owned());
                    missing_en.push("a manual or guide among the resources".to_owned());
                }
                if !rule_2 {
                    missing_sv.push("data som visar förändring (nivå 2)".to_owned());
                    missing_en.push("data showing change (level 2)".to_owned());
                }
                say(
                    format!("Saknas: {}.", missing_sv.join("; ")),
                    format!("Missing: {}.", missing_en.join("; ")),
                )
            },
        },
    ];
    let level = reasons
        .iter()
        .filter(|r| r.holds)
        .map(|r| r.level)
        .max()
        .unwrap_or(0);
    DataLevel { level, reasons }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn moved() -> Reading {
        Reading {
            baseline: 10.0,
            target: 60.0,
            latest: Some(30.0),
        }
    }

    fn still() -> Reading {
        Reading {
            baseline: 10.0,
            target: 60.0,
            latest: Some(10.0),
        }
    }

    fn adoption(
        independent: bool,
        municipality: &str,
        county: &str,
        reading: Reading,
    ) -> AdoptionFacts {
        AdoptionFacts {
            independent,
            municipality_code: municipality.to_owned(),
            county_code: county.to_owned(),
            readings: vec![reading],
        }
    }

    fn holds(facts: &EvidenceFacts) -> Vec<bool> {
        data_level(facts, "sv")
            .reasons
            .iter()
            .map(|r| r.holds)
            .collect()
    }

    #[test]
    fn a_reading_moves_towards_its_target_in_either_direction() {
        assert!(moved().moved_towards_target());
        assert!(!still().moved_towards_target());
        let fewer = Reading {
            baseline: 40.0,
            target: 10.0,
            latest: Some(30.0),
        };
        assert!(fewer.moved_towards_target());
        let worse = Reading {
            baseline: 40.0,
            target: 10.0,
            latest: Some(45.0),
        };
        assert!(!worse.moved_towards_target());
        assert!(
            !Reading {
                latest: None,
                ..moved()
            }
            .moved_towards_target()
        );
    }

    #[test]
    fn nothing_recorded_is_level_zero_with_five_reasons() {
        let level = data_level(&EvidenceFacts::default(), "en");
        assert_eq!(level.level, 0);
        assert_eq!(
            level.reasons.iter().map(|r| r.level).collect::<Vec<_>>(),
            [1, 2, 3, 4, 5]
        );
        assert_eq!(
            level.reasons[0].explanation,
            "Describe both the problem and the approach."
        );
    }

    #[test]
    fn level_1_needs_problem_and_approach() {
        let facts = EvidenceFacts {
            described: true,
            ..Default::default()
        };
        assert_eq!(data_level(&facts, "sv").level, 1);
        assert_eq!(holds(&facts), [true, false, false, false, false]);
    }

    #[test]
    fn level_2_needs_an_origin_indicator_that_moved() {
        let mut facts = EvidenceFacts {
            described: true,
            origin_readings: vec![still()],
            ..Default::default()
        };
        assert_eq!(data_level(&facts, "sv").level, 1);
        facts.origin_readings.push(moved());
        let level = data_level(&facts, "en");
        assert_eq!(level.level, 2);
        assert_eq!(
            level.reasons[1].explanation,
            "1 of 2 indicators in the origin labs moved from their baseline towards their target."
        );
    }

    #[test]
    fn level_3_needs_a_comparison_group_and_change() {
        let facts = EvidenceFacts {
            described: true,
            comparison_entry: true,
            ..Default::default()
        };
        assert_eq!(
            data_level(&facts, "sv").level,
            1,
            "a comparison group without change"
        );
        let facts = EvidenceFacts {
            origin_readings: vec![moved()],
            ..facts
        };
        assert_eq!(data_level(&facts, "sv").level, 3);
        let without = EvidenceFacts {
            comparison_entry: false,
            ..facts
        };
        let level = data_level(&without, "en");
        assert_eq!(level.level, 2);
        assert_eq!(
            level.reasons[2].explanation,
            "No comparison group is recorded."
        );
    }

    #[test]
    fn level_4_needs_an_independent_adoption_that_shows_change_but_no_comparison_group() {
        let base = EvidenceFacts {
            described: true,
            origin_readings: vec![moved()],
            ..Default::default()
        };
        let inside = EvidenceFacts {
            adoptions: vec![adoption(false, "0581", "05", moved())],
            ..base.clone()
        };
        assert_eq!(
            data_level(&inside, "sv").level,
            2,
            "a participant of an origin lab"
        );
        let flat = EvidenceFacts {
            adoptions: vec![adoption(true, "1280", "12", still())],
            ..base.clone()
        };
        assert_eq!(
            data_level(&flat, "sv").level,
            2,
            "no change in the adoption"
        );
        let outside = EvidenceFacts {
            adoptions: vec![adoption(true, "1280", "12", moved())],
            ..base.clone()
        };
        let level = data_level(&outside, "sv");
        assert_eq!(level.level, 4);
        assert!(!level.reasons[2].holds, "level 4 without level 3");
        let no_change_at_home = EvidenceFacts {
            origin_readings: vec![still()],
            ..outside
        };
        assert_eq!(
            data_level(&no_change_at_home, "sv").level,
            1,
            "level 4 needs level 2"
        );
    }

    #[test]
    fn level_5_needs_three_municipalities_in_two_counties_and_a_manual() {
        let base = EvidenceFacts {
            described: true,
            origin_readings: vec![moved()],
            adoptions: vec![
                adoption(true, "1280", "12", moved()),
                adoption(true, "1281", "12", moved()),
                adoption(true, "1480", "14", moved()),
            ],
            has_manual: false,
            ..Default::default()
        };
        let level = data_level(&base, "en");
        assert_eq!(level.level, 4);
        assert_eq!(
            level.reasons[4].explanation,
            "Missing: a manual or guide among the resources."
        );
        let with_manual = EvidenceFacts {
            has_manual: true,
            ..base.clone()
        };
        assert_eq!(data_level(&with_manual, "sv").level, 5);
        let one_county = EvidenceFacts {
            adoptions: vec![
                adoption(true, "1280", "12", moved()),
                adoption(true, "1281", "12", moved()),
                adoption(true, "1282", "12", moved()),
            ],
            ..with_manual.clone()
        };
        assert_eq!(data_level(&one_county, "sv").level, 4);
        let twice_in_one_town = EvidenceFacts {
            adoptions: vec![
                adoption(true, "1280", "12", moved()),
                adoption(true, "1280", "12", moved()),
                adoption(true, "1480", "14", moved()),
            ],
            ..with_manual
        };
        assert_eq!(data_level(&twice_in_one_town, "sv").level, 4);
    }
}
