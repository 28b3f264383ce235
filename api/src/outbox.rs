//! What the API's outbox workers (webhooks, e-mail) share: the loop that works through what
//! is due, woken by `LISTEN`/`NOTIFY` when something is committed, and when to try a
//! failed send again. Each worker leases its rows (`locked_until`), commits, sends with no
//! transaction open, and records the attempt, so several API instances can run side by side.

use std::time::Duration;

use chrono::{DateTime, Utc};
use diesel_async::{AsyncConnection as _, AsyncPgConnection, RunQueryDsl as _};
use futures_util::StreamExt as _;
use rand::Rng as _;

use crate::domain::retries::retry_delay;

/// How often an outbox is looked at when it was empty: retries fall due by time, which no
/// notification announces.
const IDLE: Duration = Duration::from_millis(250);

/// Runs `work` (one pass over what is due, returning how many it handled) until the process
/// ends, waiting for a notification on `channel` (or [`IDLE`]) whenever a pass found nothing.
pub async fn run<F, Pass>(name: &'static str, database_url: String, channel: &'static str, work: F)
where
    F: Fn() -> Pass,
    Pass: Future<Output = anyhow::Result<usize>>,
{
    let mut listener = Listener {
        name,
        database_url,
        channel,
        conn: None,
    };
    loop {
        match work().await {
            Ok(0) => listener.wait(IDLE).await,
            Ok(_) => {}
            Err(error) => {
                tracing::warn!(%error, "{name}: the outbox could not be read");
                tokio::time::sleep(Duration::from_secs(1)).await;
            }
        }
    }
}

/// When to try again after the attempt numbered `attempts + 1` failed, or `None` when the
/// schedule is over; a receiver's `retry_after` is honoured.
pub fn retry_at(attempts: i32, retry_after: Option<Duration>) -> Option<DateTime<Utc>> {
    let failed = u32::try_from(attempts + 1).unwrap_or(u32::MAX);
    let jitter = rand::rng().random::<f64>();
    retry_delay(failed, retry_after, jitter)
        .and_then(|delay| chrono::Duration::from_std(delay).ok())
        .map(|delay| Utc::now() + delay)
}

/// Tells an outbox's workers that something is due, once the caller's transaction commits
/// (Postgres sends a transaction's notifications at its commit, one of each).
pub async fn wake(conn: &mut AsyncPgConnection, channel: &str) -> diesel::QueryResult<()> {
    diesel::sql_query(format!("NOTIFY {channel}"))
        .execute(conn)
        .await
        .map(|_| ())
}

/// A connection of its own that listens for committed work (a pooled one would be handed
/// to requests, and its notifications lost).
struct Listener {
    name: &'static str,
    database_url: String,
    channel: &'static str,
    conn: Option<AsyncPgConnection>,
}

impl Listener {
    /// Waits until work is committed, or `at_most`. Without a listening connection (the
    /// database was away) it connects again, and meanwhile only waits.
    async fn wait(&mut self, at_most: Duration) {
        if self.conn.is_none() {
            self.conn = self.listen().await;
        }
        let Some(conn) = self.conn.as_mut() else {
            tokio::time::sleep(at_most).await;
            return;
        };
        let broken = {
            let mut notifications = std::pin::pin!(conn.notifications_stream());
            matches!(
                tokio::time::timeout(at_most, notifications.next()).await,
                Ok(None | Some(Err(_)))
            )
        };
        if broken {
            self.conn = None;
        }
    }

    async fn listen(&self) -> Option<AsyncPgConnection> {
        let listening = async {
            let mut conn = AsyncPgConnection::establish(&self.database_url).await?;
            diesel::sql_query(format!("LISTEN {}", self.channel))
                .execute(&mut conn)
                .await?;
            anyhow::Ok(conn)
        };
        match listening.await {
            Ok(conn) => Some(conn),
            Err(error) => {
                let name = self.name;
                tracing::warn!(%error, "{name}: cannot listen for new work; polling");
                None
            }
        }
    }
}
