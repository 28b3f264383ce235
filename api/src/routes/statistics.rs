//! The platform's public figures: what the statistics page charts.

use actix_web::{get, web};
use shared::{IdeaStatus, KeyCount, LabPhase, Statistics};
use utoipa_actix_web::service_config::ServiceConfig;

use crate::db::{self, Pool};
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
/// by data level, adoptions by county and month, and totals. Members-only labs (with
/// their ideas and matches) and draft methods are left out.
#[utoipa::path(
    tag = "statistics",
    responses((status = 200, description = "The figures.", body = Statistics)),
)]
#[get("/statistics")]
async fn get_statistics(pool: web::Data<Pool>) -> Result<web::Json<Statistics>, ApiError> {
    let mut conn = pool.get().await?;
    let phases = db::statistics::labs_by_phase(&mut conn).await?;
    let statuses = db::statistics::ideas_by_status(&mut conn).await?;
    let published = db::statistics::published_methods(&mut conn).await?;
    let facts = db::methods::evidence_facts(&mut conn, &published).await?;
    Ok(web::Json(Statistics {
        labs_by_phase: complete(LabPhase::ALL.iter().map(|p| p.as_str()), &phases),
        labs_by_area: db::statistics::labs_by_area(&mut conn).await?,
        ideas_by_status: complete(IdeaStatus::ALL.iter().map(|s| s.as_str()), &statuses),
        matches_by_month: db::statistics::matches_by_month(&mut conn).await?,
        methods_by_level: histogram(facts.values().map(|f| evidence::data_level(f, "sv").level)),
        adoptions_by_county: db::statistics::adoptions_by_county(&mut conn).await?,
        adoptions_by_month: db::statistics::adoptions_by_month(&mut conn).await?,
        totals: db::statistics::totals(&mut conn).await?,
    }))
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
    fn levels_are_counted_from_zero_to_five() {
        let counted = histogram([0, 2, 2, 5, 7]);
        assert_eq!(
            counted.iter().map(|c| c.count).collect::<Vec<_>>(),
            [1, 0, 2, 0, 0, 1]
        );
        assert_eq!(counted[2].key, "2");
    }
}
