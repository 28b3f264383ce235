//! The audit log: who changed what state, when.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use super::schema::{api_keys, audit_log, users};
use super::sql::escape_like;
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

/// Which entries of the log to read.
#[derive(Debug, Default)]
pub struct Filter {
    /// Only those concerning this organisation (its objects, and its API keys' doings).
    pub organization_id: Option<Uuid>,
    /// An action (`lab.created`), or every action on a kind of subject (`lab.`).
    pub action: Option<String>,
    pub subject_type: Option<String>,
    pub subject_id: Option<Uuid>,
    pub actor_user_id: Option<Uuid>,
    pub since: Option<DateTime<Utc>>,
    pub until: Option<DateTime<Utc>>,
}

type Row = (
    Uuid,
    String,
    String,
    Uuid,
    Option<Uuid>,
    Option<String>,
    Option<Uuid>,
    Option<String>,
    serde_json::Value,
    DateTime<Utc>,
);

/// A page of the log, newest first, after the entry `after` (its time and id).
pub async fn list(
    conn: &mut AsyncPgConnection,
    filter: &Filter,
    after: Option<(DateTime<Utc>, Uuid)>,
    limit: i64,
) -> QueryResult<Vec<shared::AuditEntry>> {
    let mut query = audit_log::table
        .left_join(users::table.on(users::id.nullable().eq(audit_log::actor_user_id)))
        .left_join(api_keys::table.on(api_keys::id.nullable().eq(audit_log::actor_api_key_id)))
        .select((
            audit_log::id,
            audit_log::action,
            audit_log::subject_type,
            audit_log::subject_id,
            users::id.nullable(),
            users::display_name.nullable(),
            api_keys::id.nullable(),
            api_keys::name.nullable(),
            audit_log::details,
            audit_log::created_at,
        ))
        .order((audit_log::created_at.desc(), audit_log::id.desc()))
        .limit(limit)
        .into_boxed();
    if let Some(organization) = filter.organization_id {
        query = query.filter(audit_log::organization_ids.contains(vec![organization]));
    }
    match filter.action.as_deref() {
        Some(prefix) if prefix.ends_with('.') => {
            query = query.filter(audit_log::action.like(format!("{}%", escape_like(prefix))));
        }
        Some(action) => query = query.filter(audit_log::action.eq(action.to_owned())),
        None => {}
    }
    if let Some(subject_type) = &filter.subject_type {
        query = query.filter(audit_log::subject_type.eq(subject_type.clone()));
    }
    if let Some(subject_id) = filter.subject_id {
        query = query.filter(audit_log::subject_id.eq(subject_id));
    }
    if let Some(actor) = filter.actor_user_id {
        query = query.filter(audit_log::actor_user_id.eq(actor));
    }
    if let Some(since) = filter.since {
        query = query.filter(audit_log::created_at.ge(since));
    }
    if let Some(until) = filter.until {
        query = query.filter(audit_log::created_at.lt(until));
    }
    if let Some((at, id)) = after {
        query = query.filter(
            audit_log::created_at
                .lt(at)
                .or(audit_log::created_at.eq(at).and(audit_log::id.lt(id))),
        );
    }
    let rows: Vec<Row> = query.load(conn).await?;
    Ok(rows
        .into_iter()
        .map(
            |(
                id,
                action,
                subject_type,
                subject_id,
                user_id,
                user_name,
                key_id,
                key_name,
                details,
                created_at,
            )| {
                shared::AuditEntry {
                    id,
                    action,
                    subject_type,
                    subject_id,
                    actor: user_id
                        .zip(user_name)
                        .map(|(id, display_name)| shared::PersonRef { id, display_name }),
                    api_key: key_id
                        .zip(key_name)
                        .map(|(id, name)| shared::ApiKeyRef { id, name }),
                    details,
                    created_at,
                }
            },
        )
        .collect())
}
