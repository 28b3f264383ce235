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
