//! When each signed-in caller last changed something, kept on the primary: what
//! read-your-writes asks before sending a read to the replica. Times are the database's
//! own clock, the same for every API instance.

use diesel::dsl::{IntervalDsl, now};
use diesel::prelude::*;
use diesel::sql_types::Timestamptz;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use super::schema::recent_writes;

/// Notes that `caller` (`crate::auth::Caller::owner`) changed something now.
pub async fn record(conn: &mut AsyncPgConnection, caller: &str) -> QueryResult<()> {
    diesel::insert_into(recent_writes::table)
        .values(recent_writes::caller.eq(caller))
        .on_conflict(recent_writes::caller)
        .do_update()
        .set(recent_writes::written_at.eq(now))
        .execute(conn)
        .await?;
    Ok(())
}

/// Whether `caller` changed something within the last `window`.
pub async fn within(
    conn: &mut AsyncPgConnection,
    caller: &str,
    window: std::time::Duration,
) -> QueryResult<bool> {
    diesel::select(diesel::dsl::exists(
        recent_writes::table
            .filter(recent_writes::caller.eq(caller))
            .filter(
                recent_writes::written_at
                    .gt(now.into_sql::<Timestamptz>() - seconds(window).seconds()),
            ),
    ))
    .get_result(conn)
    .await
}

/// Forgets the writes older than `window`: past it they change nothing.
pub async fn prune(
    conn: &mut AsyncPgConnection,
    window: std::time::Duration,
) -> QueryResult<usize> {
    diesel::delete(recent_writes::table.filter(
        recent_writes::written_at.lt(now.into_sql::<Timestamptz>() - seconds(window).seconds()),
    ))
    .execute(conn)
    .await
}

/// `window` in whole seconds, as Postgres's interval takes it.
fn seconds(window: std::time::Duration) -> i32 {
    i32::try_from(window.as_secs()).unwrap_or(i32::MAX)
}
