//! Fixed-window counters in Postgres, so that every API instance enforces the same limits.
//! (A request-counting middleware such as actix-extensible-rate-limit cannot count only
//! *failed* logins, which is what we throttle; these few lines can.)

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Integer, Interval, Text, Timestamptz};
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use super::schema::rate_limits;
use super::sql::Sql;

#[derive(QueryableByName)]
struct Window {
    #[diesel(sql_type = Integer)]
    count: i32,
    #[diesel(sql_type = Timestamptz)]
    window_start: DateTime<Utc>,
}

/// Counts one event under `key` and returns the count in the current window and when
/// that window ends.
pub async fn hit(
    conn: &mut AsyncPgConnection,
    key: &str,
    window: Duration,
) -> QueryResult<(i32, DateTime<Utc>)> {
    let mut sql = Sql::default();
    let (key, window_length) = (
        sql.bind::<Text, _>(key),
        sql.bind::<Interval, _>(to_interval(window)),
    );
    sql.push(format!(
        "INSERT INTO rate_limits (key, window_start, count) VALUES ({key}, now(), 1)
         ON CONFLICT (key) DO UPDATE SET
             count = CASE WHEN rate_limits.window_start <= now() - {window_length} THEN 1 ELSE rate_limits.count + 1 END,
             window_start = CASE WHEN rate_limits.window_start <= now() - {window_length} THEN now() ELSE rate_limits.window_start END
         RETURNING count, window_start"
    ));
    let row: Window = sql.finish().get_result(conn).await?;
    Ok((row.count, row.window_start + window))
}

/// The count in the current window under `key` (0 when the window has passed), and when
/// the window ends.
pub async fn peek(
    conn: &mut AsyncPgConnection,
    key: &str,
    window: Duration,
) -> QueryResult<(i32, DateTime<Utc>)> {
    let row: Option<(i32, DateTime<Utc>)> = rate_limits::table
        .find(key)
        .select((rate_limits::count, rate_limits::window_start))
        .first(conn)
        .await
        .optional()?;
    Ok(match row {
        Some((count, start)) if start + window > Utc::now() => (count, start + window),
        _ => (0, Utc::now()),
    })
}

/// Forgets the count under `key` (e.g. after a successful login).
pub async fn clear(conn: &mut AsyncPgConnection, key: &str) -> QueryResult<()> {
    diesel::delete(rate_limits::table.find(key))
        .execute(conn)
        .await?;
    Ok(())
}

fn to_interval(window: Duration) -> diesel::pg::data_types::PgInterval {
    diesel::pg::data_types::PgInterval::from_microseconds(
        window.num_microseconds().unwrap_or(i64::MAX),
    )
}
