//! Single-use tokens sent by mail, stored only as hashes (see `crate::auth::tokens`).

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use super::schema::account_tokens as t;

/// Stores a new token for `purpose`; the person's earlier unused ones of that purpose stop
/// working (only the newest mail's link does).
pub async fn insert(
    conn: &mut AsyncPgConnection,
    token_hash: &[u8],
    user_id: Uuid,
    purpose: &str,
    email: &str,
    expires_at: DateTime<Utc>,
) -> QueryResult<()> {
    diesel::update(t::table)
        .filter(t::user_id.eq(user_id))
        .filter(t::purpose.eq(purpose))
        .filter(t::used_at.is_null())
        .set(t::used_at.eq(diesel::dsl::now))
        .execute(conn)
        .await?;
    diesel::insert_into(t::table)
        .values((
            t::token_hash.eq(token_hash),
            t::user_id.eq(user_id),
            t::purpose.eq(purpose),
            t::email.eq(email),
            t::expires_at.eq(expires_at),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

/// Uses a token: marks it used and answers whose it is and the address it was sent to, in
/// one statement, so that two requests cannot both use it. `None` when it is unknown, used
/// or expired.
pub async fn redeem(
    conn: &mut AsyncPgConnection,
    token_hash: &[u8],
    purpose: &str,
) -> QueryResult<Option<(Uuid, String)>> {
    diesel::update(t::table.find(token_hash))
        .filter(t::purpose.eq(purpose))
        .filter(t::used_at.is_null())
        .filter(t::expires_at.gt(diesel::dsl::now))
        .set(t::used_at.eq(diesel::dsl::now))
        .returning((t::user_id, t::email))
        .get_result(conn)
        .await
        .optional()
}
