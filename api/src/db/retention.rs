//! How long what is no longer needed is kept: the rules the README states under *What is
//! kept, and why*, applied every hour by a task in the API (`startup::prune_hourly`).

use chrono::{DateTime, Duration, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use super::schema::{account_tokens, mail_outbox, rate_limits, refresh_tokens};

/// A refresh token is kept this many days after it expired (an expired one is refused
/// anyway; the days let a person's export show recent sign-ins).
pub const REFRESH_TOKEN_DAYS: i64 = 30;
/// A mailed token's hash is kept this many days after it expired (at most 48 hours valid).
pub const ACCOUNT_TOKEN_DAYS: i64 = 7;
/// A sent or failed mail's subject and recipient, the outbox's log, this many days.
pub const MAIL_LOG_DAYS: i64 = 90;
/// A throttling counter this many days after its window began (windows are ≤ 1 hour).
pub const COUNTER_DAYS: i64 = 1;

/// How many rows one pass removed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Pruned {
    pub refresh_tokens: usize,
    pub account_tokens: usize,
    pub mails: usize,
    pub counters: usize,
    pub idempotency_keys: usize,
    pub recent_writes: usize,
}

impl Pruned {
    pub fn total(&self) -> usize {
        self.refresh_tokens
            + self.account_tokens
            + self.mails
            + self.counters
            + self.idempotency_keys
            + self.recent_writes
    }
}

/// The moment `days` ago.
fn days_ago(days: i64) -> DateTime<Utc> {
    Utc::now() - Duration::days(days)
}

/// Removes what has outlived its time (and idempotency answers after
/// [`super::idempotency::KEEP_HOURS`], a caller's last change after
/// [`super::replica::READ_YOUR_WRITES`]).
pub async fn prune(conn: &mut AsyncPgConnection) -> QueryResult<Pruned> {
    Ok(Pruned {
        refresh_tokens: diesel::delete(
            refresh_tokens::table
                .filter(refresh_tokens::expires_at.lt(days_ago(REFRESH_TOKEN_DAYS))),
        )
        .execute(conn)
        .await?,
        account_tokens: diesel::delete(
            account_tokens::table
                .filter(account_tokens::expires_at.lt(days_ago(ACCOUNT_TOKEN_DAYS))),
        )
        .execute(conn)
        .await?,
        mails: diesel::delete(
            mail_outbox::table.filter(mail_outbox::finished_at.lt(days_ago(MAIL_LOG_DAYS))),
        )
        .execute(conn)
        .await?,
        counters: diesel::delete(
            rate_limits::table.filter(rate_limits::window_start.lt(days_ago(COUNTER_DAYS))),
        )
        .execute(conn)
        .await?,
        idempotency_keys: super::idempotency::prune(conn).await?,
        recent_writes: super::recent_writes::prune(conn, super::replica::READ_YOUR_WRITES).await?,
    })
}
