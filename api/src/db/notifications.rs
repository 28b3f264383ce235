//! In-app notifications, written in the transaction of the event that causes them.

use diesel::prelude::*;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use super::schema::notifications;

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
