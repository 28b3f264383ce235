//! In-app notifications, written in the transaction of the event that causes them.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types as sql;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use shared::Notification;
use uuid::Uuid;

use super::schema::notifications;
use super::sql::Sql;

/// Notifies a person of an event about a subject.
pub async fn notify(
    conn: &mut AsyncPgConnection,
    user_id: Uuid,
    kind: &str,
    subject_type: &str,
    subject_id: Uuid,
    details: serde_json::Value,
) -> QueryResult<()> {
    diesel::insert_into(notifications::table)
        .values((
            notifications::id.eq(Uuid::now_v7()),
            notifications::user_id.eq(user_id),
            notifications::kind.eq(kind),
            notifications::subject_type.eq(subject_type),
            notifications::subject_id.eq(subject_id),
            notifications::details.eq(details),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

/// Notifies every member of an organisation but `except` (who caused the event).
pub async fn notify_organization(
    conn: &mut AsyncPgConnection,
    organization_id: Uuid,
    except: Option<Uuid>,
    kind: &str,
    subject_type: &str,
    subject_id: Uuid,
    details: serde_json::Value,
) -> QueryResult<()> {
    let members = Members::All { except };
    notify_members(
        conn,
        organization_id,
        members,
        kind,
        subject_type,
        subject_id,
        details,
    )
    .await
}

/// Notifies an organisation's owners and admins.
pub async fn notify_admins(
    conn: &mut AsyncPgConnection,
    organization_id: Uuid,
    kind: &str,
    subject_type: &str,
    subject_id: Uuid,
    details: serde_json::Value,
) -> QueryResult<()> {
    let members = Members::Admins;
    notify_members(
        conn,
        organization_id,
        members,
        kind,
        subject_type,
        subject_id,
        details,
    )
    .await
}

/// Which of an organisation's members are told.
enum Members {
    All { except: Option<Uuid> },
    Admins,
}

async fn notify_members(
    conn: &mut AsyncPgConnection,
    organization_id: Uuid,
    members: Members,
    kind: &str,
    subject_type: &str,
    subject_id: Uuid,
    details: serde_json::Value,
) -> QueryResult<()> {
    let mut sql = Sql::default();
    let organization = sql.bind::<sql::Uuid, _>(organization_id);
    let kind = sql.bind::<sql::Text, _>(kind);
    let subject_type = sql.bind::<sql::Text, _>(subject_type);
    let subject = sql.bind::<sql::Uuid, _>(subject_id);
    let details = sql.bind::<sql::Jsonb, _>(details);
    sql.push(format!(
        "INSERT INTO notifications (id, user_id, kind, subject_type, subject_id, details)
         SELECT gen_random_uuid(), m.user_id, {kind}, {subject_type}, {subject}, {details}
           FROM memberships m
          WHERE m.organization_id = {organization}"
    ));
    match members {
        Members::All {
            except: Some(except),
        } => {
            let except = sql.bind::<sql::Uuid, _>(except);
            sql.push(format!(" AND m.user_id <> {except}"));
        }
        Members::All { except: None } => {}
        Members::Admins => {
            sql.push(" AND m.role IN ('owner', 'admin')");
        }
    }
    sql.finish().execute(conn).await?;
    Ok(())
}

/// A page of a person's notifications, newest first.
pub async fn list(
    conn: &mut AsyncPgConnection,
    user_id: Uuid,
    after: Option<(DateTime<Utc>, Uuid)>,
    limit: i64,
) -> QueryResult<Vec<Notification>> {
    let mut query = notifications::table
        .filter(notifications::user_id.eq(user_id))
        .order((notifications::created_at.desc(), notifications::id.desc()))
        .select((
            notifications::id,
            notifications::kind,
            notifications::subject_type,
            notifications::subject_id,
            notifications::details,
            notifications::read_at,
            notifications::created_at,
        ))
        .limit(limit)
        .into_boxed();
    if let Some((at, id)) = after {
        query = query.filter(
            notifications::created_at
                .lt(at)
                .or(notifications::created_at
                    .eq(at)
                    .and(notifications::id.lt(id))),
        );
    }
    type Row = (
        Uuid,
        String,
        String,
        Uuid,
        serde_json::Value,
        Option<DateTime<Utc>>,
        DateTime<Utc>,
    );
    let rows: Vec<Row> = query.load(conn).await?;
    Ok(rows
        .into_iter()
        .map(
            |(id, kind, subject_type, subject_id, details, read_at, created_at)| Notification {
                id,
                kind,
                subject_type,
                subject_id,
                details,
                read: read_at.is_some(),
                created_at,
            },
        )
        .collect())
}

pub async fn unread_count(conn: &mut AsyncPgConnection, user_id: Uuid) -> QueryResult<i64> {
    notifications::table
        .filter(notifications::user_id.eq(user_id))
        .filter(notifications::read_at.is_null())
        .count()
        .get_result(conn)
        .await
}

/// Marks one of the person's notifications read; `false` when it is not theirs.
pub async fn mark_read(conn: &mut AsyncPgConnection, user_id: Uuid, id: Uuid) -> QueryResult<bool> {
    let found = diesel::update(
        notifications::table
            .find(id)
            .filter(notifications::user_id.eq(user_id)),
    )
    .set(notifications::read_at.eq(diesel::dsl::now))
    .execute(conn)
    .await?;
    Ok(found == 1)
}

pub async fn mark_all_read(conn: &mut AsyncPgConnection, user_id: Uuid) -> QueryResult<()> {
    diesel::update(
        notifications::table
            .filter(notifications::user_id.eq(user_id))
            .filter(notifications::read_at.is_null()),
    )
    .set(notifications::read_at.eq(diesel::dsl::now))
    .execute(conn)
    .await?;
    Ok(())
}
