//! The platform's public figures: what the statistics page charts.

use actix_web::{get, web};
use diesel_async::AsyncPgConnection;
use shared::{IdeaStatus, KeyCount, LabPhase, Statistics, Totals};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::auth::Caller;
use crate::db::snapshot_cache::SnapshotCache;
use crate::db::{self, Db};
use crate::domain::evidence;
use crate::error::ApiError;

pub fn configure(config: &mut ServiceConfig) {
    config.service(get_statistics);
}

/// Every key of `keys` in their order, with its count from `counts` (0 when missing).
fn complete(keys: impl IntoIterator<Item = &'static str>, counts: &[KeyCount]) -> Vec<KeyCount> {
    keys.into_iter()
        .map(|key| KeyCount {
            key: key.to_owned(),
            count: counts.iter().find(|c| c.key == key).map_or(0, |c| c.count),
        })
        .collect()
}

/// How many of `levels` are each level from 0 to 5.
fn histogram(levels: impl IntoIterator<Item = i32>) -> Vec<KeyCount> {
    let mut counts = [0_i64; 6];
    for level in levels {
        if let Some(count) = usize::try_from(level).ok().and_then(|l| counts.get_mut(l)) {
            *count += 1;
        }
    }
    counts
        .iter()
        .enumerate()
        .map(|(level, count)| KeyCount {
            key: level.to_string(),
            count: *count,
        })
        .collect()
}

/// The public figures: labs by phase and area, ideas by status, matches by month, methods
/// by data level, adoptions by county and month, and the totals they add up to. Members-only labs (with
/// their ideas and matches) and draft methods are left out.
#[utoipa::path(
    tag = "statistics",
    responses((status = 200, description = "The figures.", body = Statistics)),
)]
#[get("/statistics")]
async fn get_statistics(
    db: Db,
    caller: Caller,
    cache: web::Data<SnapshotCache<Statistics>>,
) -> Result<web::Json<Statistics>, ApiError> {
    // About 100 ms of queries among 10,000 labs, the same for everyone: computed again only
    // when something has been committed since.
    let statistics = cache.get_or_compute(&db, &caller, compute).await?;
    Ok(web::Json(Statistics::clone(&statistics)))
}

async fn compute(conn: &mut AsyncPgConnection) -> Result<Statistics, ApiError> {
    let mut statistics = figures(conn).await?;
    let levels = method_levels(conn).await?;
    statistics.totals.methods = levels.len() as i64;
    statistics.methods_by_level = histogram(levels);
    Ok(statistics)
}

/// The data level of every published method.
async fn method_levels(conn: &mut AsyncPgConnection) -> Result<Vec<i32>, ApiError> {
    let published = db::statistics::published_methods(conn).await?;
    let facts = db::methods::evidence_facts(conn, &published).await?;
    Ok(facts
        .values()
        .map(|f| evidence::data_level(f, "sv").level)
        .collect())
}

/// Every figure but the methods' levels, with the totals they add up to.
async fn figures(conn: &mut AsyncPgConnection) -> Result<Statistics, ApiError> {
    let phases = db::statistics::labs_by_phase(conn).await?;
    let statuses = db::statistics::ideas_by_status(conn).await?;
    let (offerings, organizations) = db::statistics::offerings_and_organizations(conn).await?;
    let mut statistics = Statistics {
        labs_by_phase: complete(LabPhase::ALL.iter().map(|p| p.as_str()), &phases),
        labs_by_area: db::statistics::labs_by_area(conn).await?,
        ideas_by_status: complete(IdeaStatus::ALL.iter().map(|s| s.as_str()), &statuses),
        matches_by_month: db::statistics::matches_by_month(conn).await?,
        methods_by_level: Vec::new(),
        adoptions_by_county: db::statistics::adoptions_by_county(conn).await?,
        adoptions_by_month: db::statistics::adoptions_by_month(conn).await?,
        totals: Totals::default(),
    };
    statistics.totals = totals_of(&statistics, offerings, organizations);
    Ok(statistics)
}

/// The totals the figures add up to (each figure counts every public record once), with
/// the offerings and organisations no figure counts. Methods are counted with their levels.
fn totals_of(figures: &Statistics, offerings: i64, organizations: i64) -> Totals {
    let sum = |counts: &[KeyCount]| counts.iter().map(|c| c.count).sum();
    Totals {
        labs: sum(&figures.labs_by_phase),
        ideas: sum(&figures.ideas_by_status),
        offerings,
        matches: figures.matches_by_month.iter().map(|m| m.count).sum(),
        methods: 0,
        adoptions: figures.adoptions_by_county.iter().map(|c| c.count).sum(),
        organizations,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_counted_in_order_with_zeros() {
        let counts = [KeyCount {
            key: "b".into(),
            count: 3,
        }];
        let complete = complete(["a", "b"], &counts);
        assert_eq!(
            complete
                .iter()
                .map(|c| (c.key.as_str(), c.count))
                .collect::<Vec<_>>(),
            [("a", 0), ("b", 3)]
        );
    }

    #[test]
    fn the_totals_are_what_the_figures_add_up_to() {
        let count = |key: &str, count| KeyCount {
            key: key.into(),
            count,
        };
        let figures = Statistics {
            labs_by_phase: vec![count("forming", 2), count("testing", 3)],
            labs_by_area: vec![count("schools", 5)],
            ideas_by_status: vec![count("submitted", 7), count("verified", 1)],
            matches_by_month: vec![shared::MonthCount {
                month: "2026-11".into(),
                key: "requested".into(),
                count: 4,
            }],
            methods_by_level: Vec::new(),
            adoptions_by_county: vec![shared::CountyCount {
                county_code: "12".into(),
                county_name: "Skåne län".into(),
                count: 6,
            }],
            adoptions_by_month: Vec::new(),
            totals: Totals::default(),
        };
        let totals = totals_of(&figures, 9, 10);
        assert_eq!(
            (totals.labs, totals.ideas, totals.matches, totals.adoptions),
            (5, 8, 4, 6)
        );
        assert_eq!((totals.offerings, totals.organizations), (9, 10));
    }

    #[test]
    fn levels_are_counted_from_zero_to_five() {
        let counted = histogram([0, 2, 2, 5, 7]);
        assert_eq!(
            counted.iter().map(|c| c.count).collect::<Vec<_>>(),
            [1, 0, 2, 0, 0, 1]
        );
        assert_eq!(counted[2].key, "2");
    }
}
