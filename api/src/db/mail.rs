//! The outbox of e-mail (see `crate::mail`).

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use super::schema::mail_outbox as m;
use super::sql::Sql;
use crate::mail::Mail;

pub async fn insert(
    conn: &mut AsyncPgConnection,
    user_id: Uuid,
    recipient: &str,
    mail: &Mail,
) -> QueryResult<()> {
    diesel::insert_into(m::table)
        .values((
            m::id.eq(Uuid::now_v7()),
            m::user_id.eq(user_id),
            m::recipient.eq(recipient),
            m::kind.eq(mail.kind),
            m::subject.eq(&mail.subject),
            m::body_text.eq(&mail.text),
            m::body_html.eq(&mail.html),
            m::unsubscribe_url.eq(&mail.unsubscribe_url),
        ))
        .execute(conn)
        .await?;
    Ok(())
}

/// A mail the worker has leased.
#[derive(QueryableByName)]
#[diesel(table_name = m)]
pub struct Due {
    pub id: Uuid,
    pub recipient: String,
    pub subject: String,
    pub body_text: String,
    pub body_html: String,
    pub unsubscribe_url: Option<String>,
    pub attempts: i32,
}

/// Leases up to `limit` due mails for `lease_seconds` (committed at once, so no transaction
/// stays open while they are sent; another instance skips them).
pub async fn claim_due(
    conn: &mut AsyncPgConnection,
    limit: i64,
    lease_seconds: i32,
) -> QueryResult<Vec<Due>> {
    let mut sql = Sql::default();
    let lease = sql.bind::<diesel::sql_types::Integer, _>(lease_seconds);
    let limit = sql.bind::<diesel::sql_types::BigInt, _>(limit);
    sql.push(format!(
        "UPDATE mail_outbox SET locked_until = now() + make_interval(secs => {lease})
          WHERE id IN (SELECT id FROM mail_outbox
                        WHERE status = 'pending' AND next_attempt_at <= now()
                          AND (locked_until IS NULL OR locked_until < now())
                        ORDER BY next_attempt_at LIMIT {limit}
                          FOR UPDATE SKIP LOCKED)
      RETURNING id, recipient, subject, body_text, body_html, unsubscribe_url, attempts"
    ));
    sql.finish().load(conn).await
}

/// What becomes of a mail after an attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Next {
    Sent,
    RetryAt(DateTime<Utc>, String),
    Failed(String),
}

/// Records an attempt, releasing the lease. A finished mail's bodies are erased: they may
/// carry a single-use token, and are nobody's to read again.
pub async fn record_attempt(conn: &mut AsyncPgConnection, id: Uuid, next: Next) -> QueryResult<()> {
    let (status, next_attempt_at, error) = match next {
        Next::Sent => ("sent", None, None),
        Next::RetryAt(at, error) => ("pending", Some(at), Some(error)),
        Next::Failed(error) => ("failed", None, Some(error)),
    };
    let row = diesel::update(m::table.find(id)).filter(m::status.eq("pending"));
    let common = (
        m::status.eq(status),
        m::attempts.eq(m::attempts + 1),
        m::locked_until.eq(None::<DateTime<Utc>>),
        m::last_error.eq(error),
    );
    match next_attempt_at {
        Some(at) => {
            row.set((common, m::next_attempt_at.eq(at)))
                .execute(conn)
                .await?
        }
        None => {
            row.set((
                common,
                m::finished_at.eq(diesel::dsl::now),
                m::body_text.eq(""),
                m::body_html.eq(""),
            ))
            .execute(conn)
            .await?
        }
    };
    Ok(())
}
