//! A value computed from the database, kept for as long as the database shows the same
//! snapshot. Two equal snapshots (`pg_current_snapshot()`: the oldest transaction still
//! running, the next to start, and those running between) see exactly the same committed
//! transactions, so the same queries would give the same answer: it is given again without
//! running them. Any commit in the cluster changes the snapshot, so what the cache gives is
//! never older than what the queries would give; it pays where reads outnumber writes.

use std::sync::{Arc, Mutex};

use diesel::QueryableByName;
use diesel::sql_types::Text;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use super::request::Db;
use super::sql::Sql;
use crate::auth::Caller;
use crate::error::ApiError;

pub struct SnapshotCache<T> {
    /// The last value computed, and the snapshot it was computed in.
    last: Mutex<Option<(String, Arc<T>)>>,
    /// One computation at a time: a request that finds no value waits for the one being
    /// computed (holding no connection) instead of running the same queries beside it.
    computing: tokio::sync::Mutex<()>,
}

impl<T> Default for SnapshotCache<T> {
    fn default() -> Self {
        Self {
            last: Mutex::new(None),
            computing: tokio::sync::Mutex::new(()),
        }
    }
}

impl<T> SnapshotCache<T> {
    /// The value as `caller` would read it now: kept, or computed by `compute` on the
    /// connection the snapshot was taken on (so the value is never older than its key).
    pub async fn get_or_compute(
        &self,
        db: &Db,
        caller: &Caller,
        compute: impl AsyncFn(&mut AsyncPgConnection) -> Result<T, ApiError>,
    ) -> Result<Arc<T>, ApiError> {
        {
            let mut conn = db.read(caller).await?;
            if let Some(value) = self.get(&current_snapshot(&mut conn).await?) {
                return Ok(value);
            }
        }
        let _turn = self.computing.lock().await;
        let mut conn = db.read(caller).await?;
        let snapshot = current_snapshot(&mut conn).await?;
        if let Some(value) = self.get(&snapshot) {
            return Ok(value);
        }
        let value = Arc::new(compute(&mut conn).await?);
        self.put(snapshot, value.clone());
        Ok(value)
    }

    fn get(&self, snapshot: &str) -> Option<Arc<T>> {
        let last = self
            .last
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        last.as_ref()
            .filter(|(kept, _)| kept == snapshot)
            .map(|(_, value)| value.clone())
    }

    fn put(&self, snapshot: String, value: Arc<T>) {
        let mut last = self
            .last
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        *last = Some((snapshot, value));
    }
}

#[derive(QueryableByName)]
struct SnapshotRow {
    #[diesel(sql_type = Text)]
    snapshot: String,
}

async fn current_snapshot(conn: &mut AsyncPgConnection) -> diesel::QueryResult<String> {
    let row: SnapshotRow = Sql::new("SELECT pg_current_snapshot()::text AS snapshot")
        .finish()
        .get_result(conn)
        .await?;
    Ok(row.snapshot)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_given_again_only_for_the_snapshot_it_was_computed_in() {
        let cache = SnapshotCache::default();
        assert!(cache.get("10:12:11").is_none());
        cache.put("10:12:11".to_owned(), Arc::new(7));
        assert_eq!(cache.get("10:12:11").as_deref(), Some(&7));
        // A transaction committed since (11 no longer running), or one begun (12 started).
        assert!(cache.get("10:12:").is_none());
        assert!(cache.get("10:13:11,12").is_none());
        cache.put("10:13:11,12".to_owned(), Arc::new(8));
        assert!(cache.get("10:12:11").is_none());
        assert_eq!(cache.get("10:13:11,12").as_deref(), Some(&8));
    }
}
