//! The audit log: who changed what state, when.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use super::schema::audit_log;
use crate::auth::Caller;

/// Records an action on a subject by the caller.
pub async fn record(
    conn: &mut AsyncPgConnection,
    caller: &Caller,
    action: &str,
    subject_type: &str,
    subject_id: Uuid,
    details: serde_json::Value,
) -> QueryResult<()> {
    record_at(
        conn,
        caller,
        action,
        subject_type,
        subject_id,
        details,
        Utc::now(),
    )
    .await
}

/// Records an action that happened at `at` (the demo data's past).
pub async fn record_at(
    conn: &mut AsyncPgConnection,
    caller: &Caller,
    action: &str,
    subject_type: &str,
    subject_id: Uuid,
    details: serde_json::Value,
    at: DateTime<Utc>,
) -> QueryResult<()> {
    diesel::insert_into(audit_log::table)
        .values((
            audit_log::id.eq(Uuid::now_v7()),
            audit_log::created_at.eq(at),
            audit_log::actor_user_id.eq(caller.user_id()),
            audit_log::actor_api_key_id.eq(caller.api_key_id()),
            audit_log::action.eq(action),
            audit_log::subject_type.eq(subject_type),
            audit_log::subject_id.eq(subject_id),
            audit_log::details.eq(details),
        ))
        .execute(conn)
        .await?;
    Ok(())
}
