//! Stored first answers to POSTs sent with an `Idempotency-Key` (see `crate::idempotency`).
//!
//! Everything here runs inside the request's transaction: the key is held by a
//! transaction-scoped advisory lock while the request runs, and its row is written with
//! the answer just before the commit. So a key is either answered (its work committed) or
//! unknown (nothing committed); a crashed instance leaves no key behind "in progress".

use diesel::prelude::*;
use diesel::sql_types::{Bool, Text};
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use super::schema::idempotency_keys;

/// How long a key is remembered.
pub const KEEP_HOURS: i64 = 24;

/// A stored answer.
#[derive(Debug, Clone, PartialEq, Eq, Queryable)]
pub struct StoredResponse {
    pub status: i16,
    pub location: Option<String>,
    pub etag: Option<String>,
    pub body: Vec<u8>,
}

/// What a key means for a new request.
#[derive(Debug)]
pub enum Claim {
    /// The key is new and now held by this transaction: handle the request, [`store`] its
    /// answer and commit, or roll back.
    New,
    /// The same request came before: answer with this.
    Replay(StoredResponse),
    /// The key came with a different request.
    Mismatch,
    /// Another transaction holds the key: its request is still being handled.
    InProgress,
}

#[derive(QueryableByName)]
struct Locked {
    #[diesel(sql_type = Bool)]
    locked: bool,
}

/// Claims `key` for `caller`'s request with hash `request_hash`. Must run in a
/// transaction: the claim lasts until it ends.
pub async fn claim(
    conn: &mut AsyncPgConnection,
    caller: &str,
    key: &str,
    request_hash: &[u8],
) -> QueryResult<Claim> {
    // Two requests with one key are told apart without waiting: the second gets 409 while
    // the first runs. (A collision of the 64-bit hash only makes a rare spurious 409.)
    let Locked { locked } = diesel::sql_query(
        "SELECT pg_try_advisory_xact_lock(hashtextextended($1 || ' ' || $2, 0)) AS locked",
    )
    .bind::<Text, _>(caller)
    .bind::<Text, _>(key)
    .get_result(conn)
    .await?;
    if !locked {
        return Ok(Claim::InProgress);
    }
    let this_key = idempotency_keys::table.find((caller, key));
    // An expired answer is forgotten now rather than at the next hourly pruning.
    diesel::delete(this_key.filter(idempotency_keys::created_at.lt(expired_before())))
        .execute(conn)
        .await?;
    let stored: Option<(Vec<u8>, StoredResponse)> = this_key
        .select((
            idempotency_keys::request_hash,
            (
                idempotency_keys::status,
                idempotency_keys::location,
                idempotency_keys::etag,
                idempotency_keys::response_body,
            ),
        ))
        .first(conn)
        .await
        .optional()?;
    Ok(match stored {
        None => Claim::New,
        Some((hash, _)) if hash != request_hash => Claim::Mismatch,
        Some((_, response)) => Claim::Replay(response),
    })
}

/// Stores the answer to a claimed key, in the transaction that did the work.
pub async fn store(
    conn: &mut AsyncPgConnection,
    caller: &str,
    key: &str,
    request_hash: &[u8],
    response: &StoredResponse,
) -> QueryResult<()> {
    diesel::insert_into(idempotency_keys::table)
        .values((
            idempotency_keys::caller.eq(caller),
            idempotency_keys::key.eq(key),
            idempotency_keys::request_hash.eq(request_hash),
            idempotency_keys::status.eq(response.status),
            idempotency_keys::location.eq(&response.location),
            idempotency_keys::etag.eq(&response.etag),
            idempotency_keys::response_body.eq(&response.body),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

/// Forgets every answer older than [`KEEP_HOURS`]; returns how many.
pub async fn prune(conn: &mut AsyncPgConnection) -> QueryResult<usize> {
    diesel::delete(
        idempotency_keys::table.filter(idempotency_keys::created_at.lt(expired_before())),
    )
    .execute(conn)
    .await
}

fn expired_before() -> chrono::DateTime<chrono::Utc> {
    chrono::Utc::now() - chrono::Duration::hours(KEEP_HOURS)
}
