//! Organisations' webhooks.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use shared::Webhook;
use uuid::Uuid;

use super::schema::webhooks;

lock_version_of!(webhooks);

type Row = (
    Uuid,
    Uuid,
    String,
    String,
    Vec<String>,
    bool,
    Option<DateTime<Utc>>,
    Option<DateTime<Utc>>,
    Option<String>,
    DateTime<Utc>,
    DateTime<Utc>,
    i32,
);

const COLUMNS: (
    webhooks::id,
    webhooks::organization_id,
    webhooks::url,
    webhooks::description,
    webhooks::events,
    webhooks::enabled,
    webhooks::previous_secret_until,
    webhooks::failing_since,
    webhooks::disabled_reason,
    webhooks::created_at,
    webhooks::updated_at,
    webhooks::version,
) = (
    webhooks::id,
    webhooks::organization_id,
    webhooks::url,
    webhooks::description,
    webhooks::events,
    webhooks::enabled,
    webhooks::previous_secret_until,
    webhooks::failing_since,
    webhooks::disabled_reason,
    webhooks::created_at,
    webhooks::updated_at,
    webhooks::version,
);

fn to_webhook(
    (
        id,
        organization_id,
        url,
        description,
        events,
        enabled,
        rotated,
        failing_since,
        disabled_reason,
        created_at,
        updated_at,
        version,
    ): Row,
) -> Webhook {
    Webhook {
        id,
        organization_id,
        url,
        description,
        events,
        enabled,
        // A rotation that is over is no longer news.
        secret_rotated_until: rotated.filter(|until| *until > Utc::now()),
        failing_since,
        disabled_reason,
        created_at,
        updated_at,
        version,
    }
}

/// A webhook's fields, already checked.
pub struct WebhookFields<'a> {
    pub url: &'a str,
    pub description: &'a str,
    pub events: &'a [String],
    pub enabled: bool,
}

pub async fn insert(
    conn: &mut AsyncPgConnection,
    organization_id: Uuid,
    fields: &WebhookFields<'_>,
    secret: &str,
    created_by: Option<Uuid>,
) -> QueryResult<Webhook> {
    diesel::insert_into(webhooks::table)
        .values((
            webhooks::id.eq(Uuid::now_v7()),
            webhooks::organization_id.eq(organization_id),
            webhooks::url.eq(fields.url),
            webhooks::description.eq(fields.description),
            webhooks::events.eq(fields.events),
            webhooks::enabled.eq(fields.enabled),
            webhooks::secret.eq(secret),
            webhooks::created_by.eq(created_by),
        ))
        .returning(COLUMNS)
        .get_result(conn)
        .await
        .map(to_webhook)
}

/// The organisation's webhooks, oldest first.
pub async fn of_organization(
    conn: &mut AsyncPgConnection,
    organization_id: Uuid,
) -> QueryResult<Vec<Webhook>> {
    let rows: Vec<Row> = webhooks::table
        .filter(webhooks::organization_id.eq(organization_id))
        .order((webhooks::created_at, webhooks::id))
        .select(COLUMNS)
        .load(conn)
        .await?;
    Ok(rows.into_iter().map(to_webhook).collect())
}

/// One of the organisation's webhooks (`None` for another organisation's).
pub async fn find(
    conn: &mut AsyncPgConnection,
    organization_id: Uuid,
    id: Uuid,
) -> QueryResult<Option<Webhook>> {
    let row: Option<Row> = webhooks::table
        .filter(webhooks::id.eq(id))
        .filter(webhooks::organization_id.eq(organization_id))
        .select(COLUMNS)
        .first(conn)
        .await
        .optional()?;
    Ok(row.map(to_webhook))
}

/// Changes the fields and the version.
pub async fn update(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    fields: &WebhookFields<'_>,
) -> QueryResult<()> {
    if fields.enabled {
        // Switched on again: its failures and why it was off are the past.
        diesel::update(webhooks::table.find(id))
            .filter(webhooks::enabled.eq(false))
            .set((
                webhooks::failing_since.eq(None::<DateTime<Utc>>),
                webhooks::disabled_reason.eq(None::<String>),
            ))
            .execute(conn)
            .await?;
    }
    diesel::update(webhooks::table.find(id))
        .set((
            webhooks::url.eq(fields.url),
            webhooks::description.eq(fields.description),
            webhooks::events.eq(fields.events),
            webhooks::enabled.eq(fields.enabled),
            webhooks::version.eq(webhooks::version + 1),
            webhooks::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)
        .await
        .map(|_| ())
}

/// Gives the webhook a new secret; the one it had signs beside it until `old_until`.
pub async fn rotate_secret(
    conn: &mut AsyncPgConnection,
    id: Uuid,
    secret: &str,
    old_until: DateTime<Utc>,
) -> QueryResult<()> {
    diesel::update(webhooks::table.find(id))
        .set((
            webhooks::previous_secret.eq(webhooks::secret.nullable()),
            webhooks::previous_secret_until.eq(Some(old_until)),
            webhooks::secret.eq(secret),
            webhooks::version.eq(webhooks::version + 1),
            webhooks::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)
        .await
        .map(|_| ())
}

/// Deletes one of the organisation's webhooks; whether there was one.
pub async fn delete(
    conn: &mut AsyncPgConnection,
    organization_id: Uuid,
    id: Uuid,
) -> QueryResult<bool> {
    let deleted = diesel::delete(
        webhooks::table
            .filter(webhooks::id.eq(id))
            .filter(webhooks::organization_id.eq(organization_id)),
    )
    .execute(conn)
    .await?;
    Ok(deleted > 0)
}

/// An enabled webhook subscribed to an event.
#[derive(Debug, Queryable)]
pub struct Subscribed {
    pub id: Uuid,
    pub organization_id: Uuid,
}

/// The enabled webhooks subscribed to `event_type`, grouped by organisation.
pub async fn subscribed(
    conn: &mut AsyncPgConnection,
    event_type: &str,
) -> QueryResult<Vec<Subscribed>> {
    webhooks::table
        .filter(webhooks::enabled)
        .filter(webhooks::events.contains(vec![event_type]))
        .order((webhooks::organization_id, webhooks::id))
        .select((webhooks::id, webhooks::organization_id))
        .load(conn)
        .await
}

/// The channel on which a committed delivery wakes the workers of every instance.
pub const OUTBOX_CHANNEL: &str = "webhook_outbox";

async fn wake_workers(conn: &mut AsyncPgConnection) -> QueryResult<()> {
    crate::outbox::wake(conn, OUTBOX_CHANNEL).await
}

/// Puts an event for a webhook in the outbox, in the caller's transaction: the worker sends
/// it once that commits. Its `webhook-id` is `msg_` and a new UUID.
pub async fn enqueue(
    conn: &mut AsyncPgConnection,
    webhook_id: Uuid,
    event_type: &str,
    payload: &serde_json::Value,
    message_id: &str,
) -> QueryResult<Uuid> {
    use super::schema::webhook_deliveries as d;
    let id = Uuid::now_v7();
    diesel::insert_into(d::table)
        .values((
            d::id.eq(id),
            d::webhook_id.eq(webhook_id),
            d::message_id.eq(message_id),
            d::event_type.eq(event_type),
            d::payload.eq(payload),
        ))
        .execute(conn)
        .await?;
    wake_workers(conn).await?;
    Ok(id)
}

/// A delivery the worker has leased, with what it needs to send it.
#[derive(QueryableByName)]
pub struct Due {
    #[diesel(sql_type = diesel::sql_types::Uuid)]
    pub delivery_id: Uuid,
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub message_id: String,
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub body: String,
    #[diesel(sql_type = diesel::sql_types::Integer)]
    pub attempts: i32,
    #[diesel(sql_type = diesel::sql_types::Uuid)]
    pub webhook_id: Uuid,
    #[diesel(sql_type = diesel::sql_types::Uuid)]
    pub organization_id: Uuid,
    #[diesel(sql_type = diesel::sql_types::Text)]
    pub url: String,
    #[diesel(sql_type = diesel::sql_types::Bool)]
    pub enabled: bool,
    /// The secrets that sign it now: the webhook's, and its previous one while a rotation lasts.
    #[diesel(sql_type = diesel::sql_types::Array<diesel::sql_types::Text>)]
    pub secrets: Vec<String>,
}

/// Leases up to `limit` due deliveries for `lease_seconds` (committed at once, so no
/// transaction stays open while they are sent). Several API instances share the outbox:
/// `SKIP LOCKED` and the lease give each delivery to one of them.
pub async fn claim_due(
    conn: &mut AsyncPgConnection,
    limit: i64,
    lease_seconds: i32,
) -> QueryResult<Vec<Due>> {
    let mut sql = super::sql::Sql::default();
    let lease = sql.bind::<diesel::sql_types::Integer, _>(lease_seconds);
    let limit = sql.bind::<diesel::sql_types::BigInt, _>(limit);
    sql.push(format!(
        "UPDATE webhook_deliveries d SET locked_until = now() + make_interval(secs => {lease})
           FROM webhooks w
          WHERE w.id = d.webhook_id
            AND d.id IN (SELECT id FROM webhook_deliveries
                          WHERE status = 'pending' AND next_attempt_at <= now()
                            AND (locked_until IS NULL OR locked_until < now())
                          ORDER BY next_attempt_at LIMIT {limit}
                            FOR UPDATE SKIP LOCKED)
      RETURNING d.id AS delivery_id, d.message_id, d.payload::text AS body, d.attempts,
                w.id AS webhook_id, w.organization_id, w.url, w.enabled,
                array_remove(ARRAY[w.secret, CASE WHEN w.previous_secret_until > now()
                                                  THEN w.previous_secret END], NULL) AS secrets"
    ));
    sql.finish().load(conn).await
}

/// What an attempt found.
pub struct Attempt<'a> {
    pub status_code: Option<i32>,
    pub duration_ms: i32,
    pub response_excerpt: &'a str,
    pub error: Option<&'a str>,
}

/// What becomes of a delivery after an attempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Next {
    Succeeded,
    RetryAt(DateTime<Utc>),
    Failed,
}

/// Records an attempt and what follows it, releasing the lease.
pub async fn record_attempt(
    conn: &mut AsyncPgConnection,
    delivery_id: Uuid,
    attempt: &Attempt<'_>,
    next: Next,
) -> QueryResult<()> {
    use super::schema::{webhook_attempts as a, webhook_deliveries as d};
    use diesel_async::AsyncConnection as _;
    conn.transaction(async |conn| {
        diesel::insert_into(a::table)
            .values((
                a::id.eq(Uuid::now_v7()),
                a::delivery_id.eq(delivery_id),
                a::status_code.eq(attempt.status_code),
                a::duration_ms.eq(attempt.duration_ms),
                a::response_excerpt.eq(attempt.response_excerpt),
                a::error.eq(attempt.error),
            ))
            .execute(conn)
            .await?;
        let (status, next_attempt_at) = match next {
            Next::Succeeded => ("succeeded", None),
            Next::RetryAt(at) => ("pending", Some(at)),
            Next::Failed => ("failed", None),
        };
        let finished = next_attempt_at.is_none().then(Utc::now);
        diesel::update(d::table.find(delivery_id))
            .set((
                d::status.eq(status),
                d::attempts.eq(d::attempts + 1),
                d::next_attempt_at.eq(next_attempt_at.unwrap_or_else(Utc::now)),
                d::locked_until.eq(None::<DateTime<Utc>>),
                d::finished_at.eq(finished),
            ))
            .execute(conn)
            .await?;
        Ok(())
    })
    .await
}

/// Switches the webhook off, saying why; whether it was on (so its admins are told once).
pub async fn disable(conn: &mut AsyncPgConnection, id: Uuid, reason: &str) -> QueryResult<bool> {
    diesel::update(webhooks::table.find(id))
        .filter(webhooks::enabled)
        .set((
            webhooks::enabled.eq(false),
            webhooks::disabled_reason.eq(reason),
            webhooks::version.eq(webhooks::version + 1),
            webhooks::updated_at.eq(diesel::dsl::now),
        ))
        .execute(conn)
        .await
        .map(|changed| changed == 1)
}

/// After a delivery succeeded: the endpoint is failing no more.
pub async fn succeeded(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<()> {
    diesel::update(webhooks::table.find(id))
        .filter(webhooks::failing_since.is_not_null())
        .set(webhooks::failing_since.eq(None::<DateTime<Utc>>))
        .execute(conn)
        .await
        .map(|_| ())
}

/// After an attempt failed: since when every attempt has failed.
pub async fn failed(conn: &mut AsyncPgConnection, id: Uuid) -> QueryResult<DateTime<Utc>> {
    diesel::update(webhooks::table.find(id))
        .set(webhooks::failing_since.eq(diesel::dsl::sql::<
            diesel::sql_types::Nullable<diesel::sql_types::Timestamptz>,
        >("coalesce(failing_since, now())")))
        .returning(webhooks::failing_since.assume_not_null())
        .get_result(conn)
        .await
}

type DeliveryRow = (
    Uuid,
    String,
    String,
    String,
    DateTime<Utc>,
    DateTime<Utc>,
    Option<DateTime<Utc>>,
);

/// A webhook's newest deliveries with their attempts.
pub async fn deliveries(
    conn: &mut AsyncPgConnection,
    webhook_id: Uuid,
    limit: i64,
) -> QueryResult<Vec<shared::WebhookDelivery>> {
    use super::schema::{webhook_attempts as a, webhook_deliveries as d};
    let rows: Vec<DeliveryRow> = d::table
        .filter(d::webhook_id.eq(webhook_id))
        .order((d::created_at.desc(), d::id.desc()))
        .limit(limit)
        .select((
            d::id,
            d::message_id,
            d::event_type,
            d::status,
            d::next_attempt_at,
            d::created_at,
            d::finished_at,
        ))
        .load(conn)
        .await?;
    let ids: Vec<Uuid> = rows.iter().map(|row| row.0).collect();
    type AttemptRow = (
        Uuid,
        DateTime<Utc>,
        Option<i32>,
        i32,
        String,
        Option<String>,
    );
    let attempts: Vec<AttemptRow> = a::table
        .filter(a::delivery_id.eq_any(&ids))
        .order((a::attempted_at, a::id))
        .select((
            a::delivery_id,
            a::attempted_at,
            a::status_code,
            a::duration_ms,
            a::response_excerpt,
            a::error,
        ))
        .load(conn)
        .await?;
    Ok(rows
        .into_iter()
        .map(
            |(id, message_id, event_type, status, next, created_at, finished_at)| {
                shared::WebhookDelivery {
                    id,
                    message_id,
                    event_type,
                    next_attempt_at: (status == "pending").then_some(next),
                    status,
                    created_at,
                    finished_at,
                    attempts: attempts
                        .iter()
                        .filter(|attempt| attempt.0 == id)
                        .map(|attempt| shared::WebhookAttempt {
                            attempted_at: attempt.1,
                            status_code: attempt.2,
                            duration_ms: attempt.3,
                            response_excerpt: attempt.4.clone(),
                            error: attempt.5.clone(),
                        })
                        .collect(),
                }
            },
        )
        .collect())
}

/// Sends a delivery of the webhook again (with the same `webhook-id`), from the start of
/// the retry schedule; whether there was such a delivery.
pub async fn redeliver(
    conn: &mut AsyncPgConnection,
    webhook_id: Uuid,
    delivery_id: Uuid,
) -> QueryResult<bool> {
    use super::schema::webhook_deliveries as d;
    let updated = diesel::update(
        d::table
            .filter(d::id.eq(delivery_id))
            .filter(d::webhook_id.eq(webhook_id)),
    )
    .set((
        d::status.eq("pending"),
        d::attempts.eq(0),
        d::next_attempt_at.eq(diesel::dsl::now),
        d::locked_until.eq(None::<DateTime<Utc>>),
        d::finished_at.eq(None::<DateTime<Utc>>),
    ))
    .execute(conn)
    .await?;
    wake_workers(conn).await?;
    Ok(updated > 0)
}
