//! Stored first answers to POSTs sent with an `Idempotency-Key` (see `crate::idempotency`).

use diesel::prelude::*;
use diesel::sql_types::{Integer, Text};
use diesel_async::{AsyncPgConnection, RunQueryDsl};

use super::schema::idempotency_keys;
use super::sql::Sql;

/// How long a key is remembered.
pub const KEEP_HOURS: i64 = 24;

/// How long a request may hold a key before a retry may take it over (the first request
/// is presumed lost, e.g. with a crashed instance).
const ABANDONED_AFTER_MINUTES: i64 = 5;

/// A stored answer.
#[derive(Debug, Clone)]
pub struct StoredResponse {
    pub status: u16,
    pub location: Option<String>,
    pub etag: Option<String>,
    pub body: Vec<u8>,
}

/// What a key means for a new request.
#[derive(Debug)]
pub enum Claim {
    /// The key is new: handle the request, then [`store`] or [`release`].
    New,
    /// The same request came before: answer with this.
    Replay(StoredResponse),
    /// The key came with a different request.
    Mismatch,
    /// The first request with this key is still being handled.
    InProgress,
}

/// A stored row: request hash, status, location, ETag, body.
type Stored = (
    Vec<u8>,
    Option<i16>,
    Option<String>,
    Option<String>,
    Option<Vec<u8>>,
);

/// Claims `key` for `caller`'s request with hash `request_hash`.
pub async fn claim(
    conn: &mut AsyncPgConnection,
    caller: &str,
    key: &str,
    request_hash: &[u8],
) -> QueryResult<Claim> {
    // Forget expired keys, and this key if its first request was abandoned.
    let mut sql = Sql::default();
    let (caller_p, key_p) = (sql.bind::<Text, _>(caller), sql.bind::<Text, _>(key));
    let keep = sql.bind::<Integer, _>(KEEP_HOURS as i32);
    let abandoned = sql.bind::<Integer, _>(ABANDONED_AFTER_MINUTES as i32);
    sql.push(format!(
        "DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => {keep}) \
         OR (caller = {caller_p} AND key = {key_p} AND status IS NULL \
             AND created_at < now() - make_interval(mins => {abandoned}))"
    ));
    sql.finish().execute(conn).await?;
    let inserted = diesel::insert_into(idempotency_keys::table)
        .values((
            idempotency_keys::caller.eq(caller),
            idempotency_keys::key.eq(key),
            idempotency_keys::request_hash.eq(request_hash),
        ))
        .on_conflict_do_nothing()
        .execute(conn)
        .await?;
    if inserted == 1 {
        return Ok(Claim::New);
    }
    let stored: Option<Stored> = idempotency_keys::table
        .find((caller, key))
        .select((
            idempotency_keys::request_hash,
            idempotency_keys::status,
            idempotency_keys::location,
            idempotency_keys::etag,
            idempotency_keys::response_body,
        ))
        .first(conn)
        .await
        .optional()?;
    Ok(match stored {
        // Deleted between our insert and select: rare; the client may simply retry.
        None => Claim::InProgress,
        Some((hash, ..)) if hash != request_hash => Claim::Mismatch,
        Some((_, None, ..)) => Claim::InProgress,
        Some((_, Some(status), location, etag, body)) => Claim::Replay(StoredResponse {
            status: u16::try_from(status).unwrap_or(500),
            location,
            etag,
            body: body.unwrap_or_default(),
        }),
    })
}

/// Stores the answer to a claimed key.
pub async fn store(
    conn: &mut AsyncPgConnection,
    caller: &str,
    key: &str,
    response: &StoredResponse,
) -> QueryResult<()> {
    diesel::update(idempotency_keys::table.find((caller, key)))
        .set((
            idempotency_keys::status.eq(i16::try_from(response.status).unwrap_or(500)),
            idempotency_keys::location.eq(&response.location),
            idempotency_keys::etag.eq(&response.etag),
            idempotency_keys::response_body.eq(&response.body),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

/// Gives a claimed key back (the request failed; a retry should run it again).
pub async fn release(conn: &mut AsyncPgConnection, caller: &str, key: &str) -> QueryResult<()> {
    diesel::delete(idempotency_keys::table.find((caller, key)))
        .execute(conn)
        .await?;
    Ok(())
}
