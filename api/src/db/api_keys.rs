//! Partner systems' API keys.

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use shared::{ApiKey, Scope};
use uuid::Uuid;

use super::schema::api_keys;
use crate::auth::KeyCaller;

type Row = (
    Uuid,
    String,
    String,
    Vec<String>,
    DateTime<Utc>,
    Option<DateTime<Utc>>,
    Option<DateTime<Utc>>,
    Option<i32>,
);

fn scopes(values: &[String]) -> Vec<Scope> {
    values
        .iter()
        .filter_map(|value| Scope::parse(value))
        .collect()
}

fn to_api_key(
    (id, name, prefix, scope_values, created_at, last_used_at, revoked_at, rate_limit): Row,
) -> ApiKey {
    ApiKey {
        id,
        name,
        prefix,
        scopes: scopes(&scope_values),
        created_at,
        last_used_at,
        revoked_at,
        rate_limit,
    }
}

const COLUMNS: (
    api_keys::id,
    api_keys::name,
    api_keys::prefix,
    api_keys::scopes,
    api_keys::created_at,
    api_keys::last_used_at,
    api_keys::revoked_at,
    api_keys::rate_limit,
) = (
    api_keys::id,
    api_keys::name,
    api_keys::prefix,
    api_keys::scopes,
    api_keys::created_at,
    api_keys::last_used_at,
    api_keys::revoked_at,
    api_keys::rate_limit,
);

/// The caller a live key stands for, recording that it was used.
pub async fn authenticate(
    conn: &mut AsyncPgConnection,
    secret_hash: &[u8],
) -> QueryResult<Option<KeyCaller>> {
    let row: Option<(Uuid, Uuid, Vec<String>, Option<i32>)> = diesel::update(
        api_keys::table
            .filter(api_keys::secret_hash.eq(secret_hash))
            .filter(api_keys::revoked_at.is_null()),
    )
    .set(api_keys::last_used_at.eq(diesel::dsl::now))
    .returning((
        api_keys::id,
        api_keys::organization_id,
        api_keys::scopes,
        api_keys::rate_limit,
    ))
    .get_result(conn)
    .await
    .optional()?;
    Ok(row.map(
        |(key_id, organization_id, scope_values, rate_limit)| KeyCaller {
            key_id,
            organization_id,
            scopes: scopes(&scope_values),
            rate_limit,
        },
    ))
}

pub async fn insert(
    conn: &mut AsyncPgConnection,
    organization_id: Uuid,
    name: &str,
    prefix: &str,
    secret_hash: &[u8],
    scopes: &[Scope],
    created_by: Uuid,
) -> QueryResult<ApiKey> {
    let row: Row = diesel::insert_into(api_keys::table)
        .values((
            api_keys::id.eq(Uuid::now_v7()),
            api_keys::organization_id.eq(organization_id),
            api_keys::name.eq(name),
            api_keys::prefix.eq(prefix),
            api_keys::secret_hash.eq(secret_hash),
            api_keys::scopes.eq(scopes
                .iter()
                .map(|scope| scope.as_str().to_owned())
                .collect::<Vec<_>>()),
            api_keys::created_by.eq(created_by),
        ))
        .returning(COLUMNS)
        .get_result(conn)
        .await?;
    Ok(to_api_key(row))
}

pub async fn of_organization(
    conn: &mut AsyncPgConnection,
    organization_id: Uuid,
) -> QueryResult<Vec<ApiKey>> {
    let rows: Vec<Row> = api_keys::table
        .filter(api_keys::organization_id.eq(organization_id))
        .order(api_keys::created_at.desc())
        .select(COLUMNS)
        .load(conn)
        .await?;
    Ok(rows.into_iter().map(to_api_key).collect())
}

/// Revokes a key of an organisation; `false` when it has no such key.
pub async fn revoke(
    conn: &mut AsyncPgConnection,
    organization_id: Uuid,
    key_id: Uuid,
) -> QueryResult<bool> {
    let found = api_keys::table
        .filter(api_keys::id.eq(key_id))
        .filter(api_keys::organization_id.eq(organization_id))
        .select(api_keys::id)
        .first::<Uuid>(conn)
        .await
        .optional()?;
    if found.is_none() {
        return Ok(false);
    }
    diesel::update(
        api_keys::table
            .find(key_id)
            .filter(api_keys::revoked_at.is_null()),
    )
    .set(api_keys::revoked_at.eq(diesel::dsl::now))
    .execute(conn)
    .await?;
    Ok(true)
}

/// Gives one of the organisation's keys its own limit of requests a minute (`None`: the
/// default); the key, or `None` when the organisation has no such key.
pub async fn set_rate_limit(
    conn: &mut AsyncPgConnection,
    organization_id: Uuid,
    key_id: Uuid,
    limit: Option<i32>,
) -> QueryResult<Option<ApiKey>> {
    let row: Option<Row> = diesel::update(
        api_keys::table
            .filter(api_keys::id.eq(key_id))
            .filter(api_keys::organization_id.eq(organization_id)),
    )
    .set(api_keys::rate_limit.eq(limit))
    .returning(COLUMNS)
    .get_result(conn)
    .await
    .optional()?;
    Ok(row.map(to_api_key))
}
