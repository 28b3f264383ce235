//! In-app notifications, written in the transaction of the event that causes them.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types as sql;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use shared::{MailFrequency, Notification, NotificationKind};
use uuid::Uuid;

use super::schema::notifications;
use super::sql::Sql;

/// The channel that wakes the notification mailer when notifications are committed.
pub const MAIL_CHANNEL: &str = "notification_mail";

/// Notifies a person of an event about a subject.
pub async fn notify(
    conn: &mut AsyncPgConnection,
    user_id: Uuid,
    kind: NotificationKind,
    subject_type: &str,
    subject_id: Uuid,
    details: serde_json::Value,
) -> QueryResult<()> {
    let event = Event {
        kind,
        subject_type,
        subject_id,
        details,
    };
    insert(conn, Recipients::Person(user_id), event).await
}

/// Notifies every member of an organisation but `except` (who caused the event).
pub async fn notify_organization(
    conn: &mut AsyncPgConnection,
    organization_id: Uuid,
    except: Option<Uuid>,
    kind: NotificationKind,
    subject_type: &str,
    subject_id: Uuid,
    details: serde_json::Value,
) -> QueryResult<()> {
    let event = Event {
        kind,
        subject_type,
        subject_id,
        details,
    };
    insert(
        conn,
        Recipients::Members {
            organization_id,
            except,
        },
        event,
    )
    .await
}

/// Notifies an organisation's owners and admins.
pub async fn notify_admins(
    conn: &mut AsyncPgConnection,
    organization_id: Uuid,
    kind: NotificationKind,
    subject_type: &str,
    subject_id: Uuid,
    details: serde_json::Value,
) -> QueryResult<()> {
    let event = Event {
        kind,
        subject_type,
        subject_id,
        details,
    };
    insert(conn, Recipients::Admins { organization_id }, event).await
}

/// Who is told.
enum Recipients {
    Person(Uuid),
    Members {
        organization_id: Uuid,
        except: Option<Uuid>,
    },
    Admins {
        organization_id: Uuid,
    },
}

/// What they are told of.
struct Event<'a> {
    kind: NotificationKind,
    subject_type: &'a str,
    subject_id: Uuid,
    details: serde_json::Value,
}

/// Writes the notifications, each with how and when it is mailed (the person's setting for
/// the kind, else its default), and wakes the mailer once the transaction commits.
async fn insert(
    conn: &mut AsyncPgConnection,
    recipients: Recipients,
    event: Event<'_>,
) -> QueryResult<()> {
    let mut sql = Sql::default();
    let kind = sql.bind::<sql::Text, _>(event.kind.as_str());
    let default = sql.bind::<sql::Text, _>(event.kind.default_frequency().as_str());
    let subject_type = sql.bind::<sql::Text, _>(event.subject_type.to_owned());
    let subject = sql.bind::<sql::Uuid, _>(event.subject_id);
    let details = sql.bind::<sql::Jsonb, _>(event.details);
    let people = match recipients {
        Recipients::Person(user_id) => {
            format!(
                "SELECT {}::uuid AS user_id",
                sql.bind::<sql::Uuid, _>(user_id)
            )
        }
        Recipients::Members {
            organization_id,
            except,
        } => {
            let organization = sql.bind::<sql::Uuid, _>(organization_id);
            let mut people = format!(
                "SELECT m.user_id FROM memberships m WHERE m.organization_id = {organization}"
            );
            if let Some(except) = except {
                let except = sql.bind::<sql::Uuid, _>(except);
                people.push_str(&format!(" AND m.user_id <> {except}"));
            }
            people
        }
        Recipients::Admins { organization_id } => {
            let organization = sql.bind::<sql::Uuid, _>(organization_id);
            format!(
                "SELECT m.user_id FROM memberships m WHERE m.organization_id = {organization}
                    AND m.role IN ('owner', 'admin')"
            )
        }
    };
    sql.push(format!(
        "INSERT INTO notifications (id, user_id, kind, subject_type, subject_id, details,
                                    mail_frequency, mail_due_at)
         SELECT gen_random_uuid(), r.user_id, {kind}, {subject_type}, {subject}, {details},
                f.frequency, notification_mail_due(f.frequency, now())
           FROM ({people}) r
           LEFT JOIN notification_settings s ON s.user_id = r.user_id
          CROSS JOIN LATERAL (SELECT coalesce(s.frequencies ->> {kind}, {default}) AS frequency) f"
    ));
    sql.finish().execute(conn).await?;
    crate::outbox::wake(conn, MAIL_CHANNEL).await
}

/// The columns of a [`Row`].
macro_rules! row_columns {
    () => {
        (
            notifications::id,
            notifications::kind,
            notifications::subject_type,
            notifications::subject_id,
            notifications::details,
            notifications::read_at,
            notifications::created_at,
        )
    };
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
        .select(row_columns!())
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
    let rows: Vec<Row> = query.load(conn).await?;
    Ok(rows.into_iter().map(Row::into_notification).collect())
}

/// A notification as stored, for [`Notification`].
#[derive(Queryable)]
struct Row {
    id: Uuid,
    kind: String,
    subject_type: String,
    subject_id: Uuid,
    details: serde_json::Value,
    read_at: Option<DateTime<Utc>>,
    created_at: DateTime<Utc>,
}

impl Row {
    fn into_notification(self) -> Notification {
        Notification {
            id: self.id,
            kind: self.kind,
            subject_type: self.subject_type,
            subject_id: self.subject_id,
            details: self.details,
            read: self.read_at.is_some(),
            created_at: self.created_at,
        }
    }
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

/// The kinds a person set, as stored (`{"kind": "frequency"}`), and the settings' version
/// (1 before the first change).
pub async fn settings(
    conn: &mut AsyncPgConnection,
    user_id: Uuid,
) -> QueryResult<(serde_json::Value, i32)> {
    use super::schema::notification_settings as s;
    let found = s::table
        .find(user_id)
        .select((s::frequencies, s::version))
        .first(conn)
        .await
        .optional()?;
    Ok(found.unwrap_or_else(|| (serde_json::json!({}), 1)))
}

/// The settings' version, locked until the transaction ends (1 before the first change).
pub async fn lock_settings_version(
    conn: &mut AsyncPgConnection,
    user_id: Uuid,
) -> QueryResult<i32> {
    use super::schema::notification_settings as s;
    let version = s::table
        .find(user_id)
        .select(s::version)
        .for_update()
        .first(conn)
        .await
        .optional()?;
    Ok(version.unwrap_or(1))
}

/// Sets how the given kinds are mailed, and reschedules their notifications not mailed yet.
pub async fn set_frequencies(
    conn: &mut AsyncPgConnection,
    user_id: Uuid,
    changes: &[(NotificationKind, MailFrequency)],
) -> QueryResult<()> {
    let chosen: serde_json::Map<String, serde_json::Value> = changes
        .iter()
        .map(|(kind, frequency)| (kind.as_str().to_owned(), frequency.as_str().into()))
        .collect();
    let mut sql = Sql::default();
    let user = sql.bind::<sql::Uuid, _>(user_id);
    let chosen = sql.bind::<sql::Jsonb, _>(serde_json::Value::Object(chosen));
    sql.push(format!(
        // Version 1 is the defaults, before the first change.
        "INSERT INTO notification_settings (user_id, frequencies, version) VALUES ({user}, {chosen}, 2)
         ON CONFLICT (user_id) DO UPDATE
            SET frequencies = notification_settings.frequencies || EXCLUDED.frequencies,
                version = notification_settings.version + 1, updated_at = now()"
    ));
    sql.finish().execute(conn).await?;
    for (kind, frequency) in changes {
        let mut sql = Sql::default();
        let frequency = sql.bind::<sql::Text, _>(frequency.as_str());
        let user = sql.bind::<sql::Uuid, _>(user_id);
        let kind = sql.bind::<sql::Text, _>(kind.as_str());
        sql.push(format!(
            "UPDATE notifications
                SET mail_frequency = {frequency},
                    mail_due_at = notification_mail_due({frequency}, created_at)
              WHERE user_id = {user} AND kind = {kind} AND mail_handled_at IS NULL"
        ));
        sql.finish().execute(conn).await?;
    }
    Ok(())
}

/// People with notifications due for mail, and how: up to `limit` (person, frequency) pairs.
pub async fn due_for_mail(
    conn: &mut AsyncPgConnection,
    limit: i64,
) -> QueryResult<Vec<(Uuid, String)>> {
    notifications::table
        .filter(notifications::mail_handled_at.is_null())
        .filter(notifications::read_at.is_null())
        .filter(notifications::mail_due_at.le(diesel::dsl::now))
        .select((notifications::user_id, notifications::mail_frequency))
        .distinct()
        .limit(limit)
        .load(conn)
        .await
}

/// A person's unread notifications of one frequency that are not mailed yet, oldest first,
/// locked (another instance skips them) and marked mailed when the transaction commits.
pub async fn take_for_mail(
    conn: &mut AsyncPgConnection,
    user_id: Uuid,
    frequency: &str,
) -> QueryResult<Vec<Notification>> {
    let rows: Vec<Row> = notifications::table
        .filter(notifications::user_id.eq(user_id))
        .filter(notifications::mail_frequency.eq(frequency))
        .filter(notifications::mail_handled_at.is_null())
        .filter(notifications::read_at.is_null())
        .filter(notifications::mail_due_at.is_not_null())
        .order((notifications::created_at, notifications::id))
        .select(row_columns!())
        .for_update()
        .skip_locked()
        .load(conn)
        .await?;
    let ids: Vec<Uuid> = rows.iter().map(|row| row.id).collect();
    diesel::update(notifications::table.filter(notifications::id.eq_any(&ids)))
        .set(notifications::mail_handled_at.eq(diesel::dsl::now))
        .execute(conn)
        .await?;
    Ok(rows.into_iter().map(Row::into_notification).collect())
}
