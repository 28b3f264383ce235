//! A person's rights over their data: everything stored about them, and erasure.

use diesel::prelude::*;
use diesel::sql_types as sql;
use diesel_async::{AsyncPgConnection, RunQueryDsl};
use uuid::Uuid;

use super::sql::Sql;

/// The name an erased person's contributions are shown under.
pub const ERASED_NAME: &str = "Borttagen användare";

/// Everything stored about the person, as JSON sections (the profile is added by the
/// caller): memberships, ideas, comments, votes, match messages, reports, notifications and
/// their mail settings, sessions (without their secrets) and the mail sent to them.
pub async fn export(conn: &mut AsyncPgConnection, user_id: Uuid) -> QueryResult<serde_json::Value> {
    #[derive(QueryableByName)]
    struct Export {
        #[diesel(sql_type = sql::Jsonb)]
        data: serde_json::Value,
    }
    let mut sql = Sql::default();
    let me = sql.bind::<sql::Uuid, _>(user_id);
    let section = |query: &str| format!("(SELECT coalesce(jsonb_agg(x), '[]') FROM ({query}) x)");
    sql.push(format!(
        "SELECT jsonb_build_object(
            'memberships', {memberships},
            'ideas', {ideas},
            'comments', {comments},
            'votes', {votes},
            'match_messages', {messages},
            'reports', {reports},
            'notifications', {notifications},
            'notification_settings', (SELECT frequencies FROM notification_settings WHERE user_id = {me}),
            'sessions', {sessions},
            'mail', {mail}
         ) AS data",
        memberships = section(&format!(
            "SELECT m.organization_id, o.name AS organization_name, m.role, m.created_at
               FROM memberships m JOIN organizations o ON o.id = m.organization_id
              WHERE m.user_id = {me} ORDER BY m.created_at"
        )),
        ideas = section(&format!(
            "SELECT id, lab_id, title, body, status, organization_id, created_at, updated_at
               FROM ideas WHERE author_id = {me} ORDER BY created_at"
        )),
        comments = section(&format!(
            "SELECT id, idea_id, parent_id, body, removed_at, created_at
               FROM idea_comments WHERE author_id = {me} ORDER BY created_at"
        )),
        votes = section(&format!(
            "SELECT idea_id, created_at FROM idea_votes WHERE user_id = {me} ORDER BY created_at"
        )),
        messages = section(&format!(
            "SELECT id, match_id, organization_id, body, created_at
               FROM match_messages WHERE author_id = {me} ORDER BY created_at"
        )),
        reports = section(&format!(
            "SELECT id, target_type, target_id, reason, note, status, created_at
               FROM reports WHERE reporter_id = {me} ORDER BY created_at"
        )),
        notifications = section(&format!(
            "SELECT id, kind, subject_type, subject_id, details, read_at, created_at
               FROM notifications WHERE user_id = {me} ORDER BY created_at"
        )),
        sessions = section(&format!(
            "SELECT family_id AS session_id, min(created_at) AS started_at,
                    max(expires_at) AS expires_at, max(revoked_at) AS ended_at
               FROM refresh_tokens WHERE user_id = {me} GROUP BY family_id ORDER BY 2"
        )),
        mail = section(&format!(
            "SELECT kind, subject, status, created_at, finished_at
               FROM mail_outbox WHERE user_id = {me} ORDER BY created_at"
        )),
    ));
    let row: Export = sql.finish().get_result(conn).await?;
    Ok(row.data)
}

/// The organisations the person is the only owner of: they must hand them over first.
pub async fn organizations_only_owned_by(
    conn: &mut AsyncPgConnection,
    user_id: Uuid,
) -> QueryResult<Vec<String>> {
    #[derive(QueryableByName)]
    struct Name {
        #[diesel(sql_type = sql::Text)]
        name: String,
    }
    let mut sql = Sql::default();
    let me = sql.bind::<sql::Uuid, _>(user_id);
    // The organisations are locked, so that no owner leaves meanwhile.
    sql.push(format!(
        "SELECT o.name FROM organizations o
           JOIN memberships m ON m.organization_id = o.id AND m.user_id = {me} AND m.role = 'owner'
          WHERE NOT EXISTS (SELECT 1 FROM memberships other
                             WHERE other.organization_id = o.id AND other.role = 'owner'
                               AND other.user_id <> {me})
          ORDER BY o.name
            FOR UPDATE OF o"
    ));
    let rows: Vec<Name> = sql.finish().load(conn).await?;
    Ok(rows.into_iter().map(|row| row.name).collect())
}

/// Erases the person's personal data: their sessions, tokens, memberships, notifications,
/// settings, mail, remembered answers and throttling counters go; their account stays as
/// "Borttagen användare" without e-mail, password or name, so that their ideas, comments and
/// votes keep their place.
pub async fn erase(conn: &mut AsyncPgConnection, user_id: Uuid, email: &str) -> QueryResult<()> {
    for table in [
        "refresh_tokens",
        "account_tokens",
        "memberships",
        "notifications",
        "notification_settings",
        "mail_outbox",
    ] {
        let mut sql = Sql::default();
        let me = sql.bind::<sql::Uuid, _>(user_id);
        sql.push(format!("DELETE FROM {table} WHERE user_id = {me}"));
        sql.finish().execute(conn).await?;
    }
    let mut sql = Sql::default();
    let caller = sql.bind::<sql::Text, _>(format!("user:{user_id}"));
    sql.push(format!(
        "DELETE FROM idempotency_keys WHERE caller = {caller}"
    ));
    sql.finish().execute(conn).await?;
    // The counters keyed by the person (`…:<e-mail>`, `…:<user id>`; see auth::throttle),
    // matched exactly: an address may hold `_` or `%`, which LIKE would read as wildcards.
    let mut sql = Sql::default();
    let (address, id) = (
        sql.bind::<sql::Text, _>(format!(":{email}")),
        sql.bind::<sql::Text, _>(format!(":{user_id}")),
    );
    sql.push(format!(
        "DELETE FROM rate_limits
          WHERE right(key, length({address})) = {address} OR right(key, length({id})) = {id}"
    ));
    sql.finish().execute(conn).await?;
    let mut sql = Sql::default();
    let (me, name) = (
        sql.bind::<sql::Uuid, _>(user_id),
        sql.bind::<sql::Text, _>(ERASED_NAME),
    );
    sql.push(format!(
        "UPDATE users SET email = 'deleted-' || id || '@deleted.invalid', password_hash = '',
                display_name = {name}, email_verified_at = NULL, is_platform_admin = false,
                deleted_at = now(), version = version + 1, updated_at = now()
          WHERE id = {me}"
    ));
    sql.finish().execute(conn).await?;
    Ok(())
}
