//! Measuring the matchmaking engine: its quality against the labelled set in
//! `eval/matching.json` (`cargo xtask eval-matching`), and its speed with 20,000 offerings
//! and 2,000 needs (`cargo xtask bench-matching`). Both load their data into an empty
//! database through the same functions the API uses, and ask the same suggestions function
//! the handler does.

use std::collections::HashMap;
use std::time::Instant;

use anyhow::Context;
use diesel_async::AsyncPgConnection;
use serde::Deserialize;
use shared::{Coverage, NeedStatus, OfferingKind, OfferingStatus, OrganizationKind, Visibility};
use uuid::Uuid;

use api::auth::Caller;
use api::authz::Viewer;
use api::db;
use api::db::labs::LabFields;
use api::db::needs::NeedFields;
use api::db::offerings::OfferingFields;
use api::db::organizations::OrganizationFields;
use api::suggestions;

#[derive(Debug, Deserialize)]
pub struct EvaluationSet {
    pub organizations: Vec<EvalOrganization>,
    pub needs: Vec<EvalNeed>,
    pub offerings: Vec<EvalOffering>,
}

#[derive(Debug, Deserialize)]
pub struct EvalOrganization {
    pub key: String,
    pub name: String,
    pub kind: OrganizationKind,
    pub municipality: String,
}

#[derive(Debug, Deserialize)]
pub struct EvalNeed {
    pub key: String,
    pub org: String,
    pub municipality: String,
    pub challenge_area: String,
    pub title: String,
    pub description: String,
    pub tags: Vec<String>,
    /// The keys of the offerings a lab coordinator would consider relevant.
    pub relevant: Vec<String>,
    /// Which part of the set the need belongs to: `original`, or `phrasing` for needs that
    /// speak of a topic in other words (compounds, synonyms, a typo) than its offerings.
    #[serde(default = "original")]
    pub part: String,
}

fn original() -> String {
    "original".to_owned()
}

#[derive(Debug, Deserialize)]
pub struct EvalOffering {
    pub key: String,
    pub org: String,
    pub title: String,
    pub description: String,
    pub kind: OfferingKind,
    pub challenge_areas: Vec<String>,
    pub coverage: Coverage,
    pub tags: Vec<String>,
}

/// The quality figures, averaged over the needs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Quality {
    pub precision_at_3: f64,
    pub recall_at_10: f64,
    pub ndcg_at_10: f64,
}

/// Precision@k: the share of the first k suggestions that are relevant.
pub fn precision_at(k: usize, ranked: &[String], relevant: &[String]) -> f64 {
    let hits = ranked
        .iter()
        .take(k)
        .filter(|key| relevant.contains(key))
        .count();
    hits as f64 / k as f64
}

/// Recall@k: the share of the relevant offerings among the first k suggestions.
pub fn recall_at(k: usize, ranked: &[String], relevant: &[String]) -> f64 {
    if relevant.is_empty() {
        return 1.0;
    }
    let hits = ranked
        .iter()
        .take(k)
        .filter(|key| relevant.contains(key))
        .count();
    hits as f64 / relevant.len() as f64
}

/// nDCG@k with binary relevance: hits count more the higher they rank.
pub fn ndcg_at(k: usize, ranked: &[String], relevant: &[String]) -> f64 {
    let gain = |position: usize| 1.0 / ((position + 2) as f64).log2();
    let dcg: f64 = ranked
        .iter()
        .take(k)
        .enumerate()
        .filter(|(_, key)| relevant.contains(key))
        .map(|(position, _)| gain(position))
        .sum();
    let ideal: f64 = (0..relevant.len().min(k)).map(gain).sum();
    if ideal == 0.0 { 1.0 } else { dcg / ideal }
}

/// A valid organisation number for the n-th made-up organisation (Luhn check digit).
fn org_number(n: usize) -> String {
    shared::org_number::with_check_digit(&format!("559{:06}", n % 1_000_000))
}

/// The owner of everything loaded, and its organisation ids by key.
async fn load_organizations(
    conn: &mut AsyncPgConnection,
    organizations: &[(String, String, OrganizationKind, String)],
) -> anyhow::Result<HashMap<String, Uuid>> {
    let owner = db::users::insert(
        conn,
        "eval@innolabb.example",
        "no password",
        "Utvärdering",
        shared::Locale::Sv,
    )
    .await?
    .context("the evaluation needs an empty database")?;
    let mut ids = HashMap::new();
    for (n, (key, name, kind, municipality)) in organizations.iter().enumerate() {
        let fields = OrganizationFields {
            name,
            kind: *kind,
            municipality_code: municipality,
            description: "",
            website: None,
        };
        let organization = db::organizations::insert(conn, &fields, &org_number(n), owner.id)
            .await
            .map_err(|_| anyhow::anyhow!("could not create the organisation {key}"))?;
        ids.insert(key.clone(), organization.id);
    }
    Ok(ids)
}

/// Loads the set; answers each need's id with its key and relevant keys, and each
/// offering's key by id.
async fn load<'a>(
    conn: &mut AsyncPgConnection,
    set: &'a EvaluationSet,
) -> anyhow::Result<(Vec<(Uuid, &'a EvalNeed)>, HashMap<Uuid, String>)> {
    let organizations: Vec<_> = set
        .organizations
        .iter()
        .map(|o| {
            (
                o.key.clone(),
                o.name.clone(),
                o.kind,
                o.municipality.clone(),
            )
        })
        .collect();
    let ids = load_organizations(conn, &organizations).await?;
    let org = |key: &str| {
        ids.get(key)
            .copied()
            .with_context(|| format!("no organisation {key}"))
    };
    let mut labs: HashMap<(String, String), Uuid> = HashMap::new();
    let mut needs = Vec::new();
    for need in &set.needs {
        let host = org(&need.org)?;
        let lab_key = (need.org.clone(), need.challenge_area.clone());
        let lab = match labs.get(&lab_key) {
            Some(lab) => *lab,
            None => {
                let fields = LabFields {
                    title: "Utvärderingslabb",
                    summary: "",
                    description: "",
                    challenge_area: &need.challenge_area,
                    municipality_code: &need.municipality,
                    neighbourhood: "",
                    starts_on: None,
                    ends_on: None,
                    visibility: Visibility::Public,
                };
                let lab = db::labs::insert(conn, &fields, host, None).await?;
                labs.insert(lab_key, lab);
                lab
            }
        };
        let fields = NeedFields {
            title: &need.title,
            description: &need.description,
            challenge_area: &need.challenge_area,
            municipality_code: &need.municipality,
            tags: &need.tags,
            status: NeedStatus::Open,
        };
        needs.push((
            db::needs::insert(conn, lab, host, &fields, None).await?,
            need,
        ));
    }
    let mut offerings = HashMap::new();
    for offering in &set.offerings {
        let fields = OfferingFields {
            title: &offering.title,
            description: &offering.description,
            kind: offering.kind,
            challenge_areas: &offering.challenge_areas,
            coverage: &offering.coverage,
            tags: &offering.tags,
            status: OfferingStatus::Active,
        };
        let id = db::offerings::insert(conn, org(&offering.org)?, &fields, None).await?;
        offerings.insert(id, offering.key.clone());
    }
    Ok((needs, offerings))
}

/// Loads the set into an empty database and measures the engine against its labels: the
/// figures of each part of the set (in the order they first appear), then of all needs.
pub async fn evaluate(
    conn: &mut AsyncPgConnection,
    set: &EvaluationSet,
) -> anyhow::Result<Vec<(String, Quality)>> {
    let (needs, offerings) = load(conn, set).await?;
    // As autovacuum would: the engine leaves out words its statistics find common.
    diesel_async::RunQueryDsl::execute(diesel::sql_query("ANALYZE"), conn).await?;
    let viewer = Viewer::load(conn, Caller::Anonymous).await?;
    let mut sums: Vec<(String, [f64; 3], usize)> = Vec::new();
    for (id, labelled) in &needs {
        let need = db::needs::find(conn, &viewer, *id)
            .await?
            .context("a need vanished")?;
        let ranked: Vec<String> = suggestions::offerings_for_need(conn, &viewer, &need, 10, "sv")
            .await?
            .into_iter()
            .filter_map(|s| offerings.get(&s.offering.id).cloned())
            .collect();
        let figures = [
            precision_at(3, &ranked, &labelled.relevant),
            recall_at(10, &ranked, &labelled.relevant),
            ndcg_at(10, &ranked, &labelled.relevant),
        ];
        for part in [labelled.part.as_str(), "all"] {
            let at = match sums.iter().position(|(name, ..)| name == part) {
                Some(at) => at,
                None => {
                    sums.push((part.to_owned(), [0.0; 3], 0));
                    sums.len() - 1
                }
            };
            let (_, sum, count) = &mut sums[at];
            for (total, figure) in sum.iter_mut().zip(figures) {
                *total += figure;
            }
            *count += 1;
        }
        if ranked
            .first()
            .is_none_or(|first| !labelled.relevant.contains(first))
        {
            println!(
                "  {}: first {:?}, relevant {:?}",
                labelled.key,
                ranked.first(),
                labelled.relevant
            );
        }
    }
    // "all" was first met beside the first part: it goes last.
    sums.sort_by_key(|(name, ..)| name == "all");
    Ok(sums
        .into_iter()
        .map(|(name, [precision, recall, ndcg], count)| {
            let count = count.max(1) as f64;
            let quality = Quality {
                precision_at_3: precision / count,
                recall_at_10: recall / count,
                ndcg_at_10: ndcg / count,
            };
            (name, quality)
        })
        .collect())
}

/// Percentiles of the time of one suggestions request, in milliseconds.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Timing {
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub max_ms: f64,
}

/// Loads `offerings` offerings and `needs` needs made from the evaluation set's texts,
/// spread over the 290 municipalities, then times `samples` suggestions requests.
pub async fn benchmark(
    conn: &mut AsyncPgConnection,
    set: &EvaluationSet,
    offerings: usize,
    needs: usize,
    samples: usize,
) -> anyhow::Result<Timing> {
    let municipalities: Vec<String> = db::reference::municipalities(conn, None)
        .await?
        .into_iter()
        .map(|m| m.code)
        .collect();
    let counties: Vec<String> = db::reference::counties(conn)
        .await?
        .into_iter()
        .map(|c| c.code)
        .collect();
    let organizations: Vec<_> = (0..200)
        .map(|n| {
            (
                format!("org{n}"),
                format!("Aktör {n}"),
                OrganizationKind::CivilSociety,
                municipalities[n % municipalities.len()].clone(),
            )
        })
        .collect();
    let ids = load_organizations(conn, &organizations).await?;
    let org_ids: Vec<Uuid> = (0..200)
        .filter_map(|n| ids.get(&format!("org{n}")).copied())
        .collect();
    let started = Instant::now();
    for n in 0..offerings {
        let template = &set.offerings[n % set.offerings.len()];
        let coverage = match n % 10 {
            0 => Coverage {
                national: true,
                ..Coverage::default()
            },
            1..=3 => Coverage {
                counties: vec![counties[n % counties.len()].clone()],
                ..Coverage::default()
            },
            _ => Coverage {
                municipalities: vec![municipalities[(n * 7) % municipalities.len()].clone()],
                ..Coverage::default()
            },
        };
        let fields = OfferingFields {
            title: &template.title,
            description: &template.description,
            kind: template.kind,
            challenge_areas: &template.challenge_areas,
            coverage: &coverage,
            tags: &template.tags,
            status: OfferingStatus::Active,
        };
        db::offerings::insert(conn, org_ids[n % org_ids.len()], &fields, None).await?;
    }
    let mut need_ids = Vec::with_capacity(needs);
    for n in 0..needs {
        let template = &set.needs[n % set.needs.len()];
        let municipality = &municipalities[(n * 13) % municipalities.len()];
        let host = org_ids[(n * 3 + 1) % org_ids.len()];
        let lab_fields = LabFields {
            title: "Benchmarklabb",
            summary: "",
            description: "",
            challenge_area: &template.challenge_area,
            municipality_code: municipality,
            neighbourhood: "",
            starts_on: None,
            ends_on: None,
            visibility: Visibility::Public,
        };
        let lab = db::labs::insert(conn, &lab_fields, host, None).await?;
        let fields = NeedFields {
            title: &template.title,
            description: &template.description,
            challenge_area: &template.challenge_area,
            municipality_code: municipality,
            tags: &template.tags,
            status: NeedStatus::Open,
        };
        need_ids.push(db::needs::insert(conn, lab, host, &fields, None).await?);
    }
    println!(
        "  loaded {offerings} offerings and {needs} needs in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    diesel_async::RunQueryDsl::execute(diesel::sql_query("ANALYZE"), conn).await?;
    let viewer = Viewer::load(conn, Caller::Anonymous).await?;
    let mut times = Vec::with_capacity(samples);
    for n in 0..samples {
        let id = need_ids[(n * 7919) % need_ids.len()];
        let started = Instant::now();
        // What the handler does: read the need, fetch candidates, score, keep the best 10.
        let need = db::needs::find(conn, &viewer, id)
            .await?
            .context("a need vanished")?;
        let found = suggestions::offerings_for_need(conn, &viewer, &need, 10, "sv").await?;
        times.push(started.elapsed().as_secs_f64() * 1000.0);
        anyhow::ensure!(!found.is_empty(), "no suggestions for a benchmark need");
    }
    times.sort_by(f64::total_cmp);
    let at = |share: f64| {
        times[((times.len() as f64 * share).ceil() as usize)
            .saturating_sub(1)
            .min(times.len() - 1)]
    };
    Ok(Timing {
        p50_ms: at(0.50),
        p95_ms: at(0.95),
        max_ms: at(1.0),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keys(items: &[&str]) -> Vec<String> {
        items.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn precision_recall_and_ndcg_of_a_ranking() {
        let ranked = keys(&["a", "x", "b", "y"]);
        let relevant = keys(&["a", "b", "c"]);
        assert!((precision_at(3, &ranked, &relevant) - 2.0 / 3.0).abs() < 1e-12);
        assert!((recall_at(10, &ranked, &relevant) - 2.0 / 3.0).abs() < 1e-12);
        let perfect = keys(&["a", "b", "c"]);
        assert!((ndcg_at(10, &perfect, &relevant) - 1.0).abs() < 1e-12);
        let ndcg = ndcg_at(10, &ranked, &relevant);
        assert!(ndcg > 0.5 && ndcg < 1.0, "{ndcg}");
        assert_eq!(ndcg_at(10, &keys(&["x"]), &relevant), 0.0);
    }

    #[test]
    fn made_up_organisation_numbers_are_valid() {
        for n in [0, 1, 42, 199] {
            let number = org_number(n);
            assert_eq!(
                shared::org_number::parse(&number).as_deref(),
                Ok(number.as_str())
            );
        }
    }
}
