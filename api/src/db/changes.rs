//! The changes feed's rows (written by triggers, see the `changes` migration).

use chrono::{DateTime, Utc};
use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use serde::{Deserialize, Serialize};
use shared::{ChangeKind, ObjectType};
use uuid::Uuid;

use super::schema::changes;

/// An object's latest change as recorded.
#[derive(Debug, Clone, Queryable)]
pub struct Recorded {
    pub object_type: ObjectType,
    pub id: Uuid,
    pub change: ChangeKind,
    pub at: DateTime<Utc>,
}

/// Where a page of the feed ends: the feed is in the order of `(at, type, id)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Key(pub DateTime<Utc>, pub ObjectType, pub Uuid);

impl Recorded {
    pub fn key(&self) -> Key {
        Key(self.at, self.object_type, self.id)
    }
}

/// Up to `limit` changes at or after `since`, after `after`, oldest first.
pub async fn after(
    conn: &mut AsyncPgConnection,
    since: Option<DateTime<Utc>>,
    after: Option<&Key>,
    limit: i64,
) -> QueryResult<Vec<Recorded>> {
    let mut query = changes::table
        .select((
            changes::object_type,
            changes::object_id,
            changes::change,
            changes::at,
        ))
        .order((changes::at, changes::object_type, changes::object_id))
        .limit(limit)
        .into_boxed();
    if let Some(since) = since {
        query = query.filter(changes::at.ge(since));
    }
    if let Some(Key(at, object_type, id)) = after {
        let object_type = object_type.as_str();
        query = query.filter(
            changes::at.gt(*at).or(changes::at.eq(*at).and(
                changes::object_type.gt(object_type).or(changes::object_type
                    .eq(object_type)
                    .and(changes::object_id.gt(*id))),
            )),
        );
    }
    query.load(conn).await
}
