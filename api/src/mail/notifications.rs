//! Notifications by mail: a task in the API process that puts in the mail outbox each
//! notification that falls due — one mail at once for a kind mailed `immediately`, one
//! digest of everything still unread for `daily` and `weekly` — and marks them mailed in
//! the same transaction, so nothing is mailed twice and nothing read in the app is mailed.
//! Woken when notifications are committed; digests fall due by time (06:00 in Sweden, on
//! Mondays for weekly ones; `notification_mail_due` in the migrations).

use diesel_async::{AsyncConnection as _, AsyncPgConnection};
use shared::{MailFrequency, Notification, NotificationKind};
use uuid::Uuid;

use super::{Links, Recipient, compose};
use crate::auth::unsubscribe::{self, Scope};
use crate::config::AuthConfig;
use crate::db::{self, Pool};

/// Puts due notifications in the mail outbox until the process ends.
pub async fn run(pool: Pool, database_url: String, links: Links, auth: AuthConfig) {
    crate::outbox::run(
        "notification mail",
        database_url,
        db::notifications::MAIL_CHANNEL,
        || {
            let (pool, links, auth) = (pool.clone(), links.clone(), auth.clone());
            async move { mail_due(&pool, &links, &auth).await }
        },
    )
    .await;
}

/// Mails what is due for up to 50 people; how many (person, frequency) pairs it found.
async fn mail_due(pool: &Pool, links: &Links, auth: &AuthConfig) -> anyhow::Result<usize> {
    let mut conn = pool.get().await?;
    let due = db::notifications::due_for_mail(&mut conn, 50).await?;
    for (user_id, frequency) in &due {
        conn.transaction::<_, diesel::result::Error, _>(async |conn| {
            mail_person(conn, links, auth, *user_id, frequency).await
        })
        .await?;
    }
    Ok(due.len())
}

async fn mail_person(
    conn: &mut AsyncPgConnection,
    links: &Links,
    auth: &AuthConfig,
    user_id: Uuid,
    frequency: &str,
) -> diesel::QueryResult<()> {
    let notifications: Vec<Notification> =
        db::notifications::take_for_mail(conn, user_id, frequency).await?;
    let Some(user) = db::users::find(conn, user_id).await? else {
        return Ok(());
    };
    if notifications.is_empty() {
        return Ok(());
    }
    let recipient = Recipient::of(&user);
    let secret = auth.jwt_secret();
    match MailFrequency::parse(frequency) {
        Some(MailFrequency::Immediately) => {
            for notification in &notifications {
                let scope =
                    NotificationKind::parse(&notification.kind).map_or(Scope::All, Scope::Kind);
                let token = unsubscribe::token(secret, user_id, scope);
                let mail = compose::notification(recipient, notification, links, &token);
                super::enqueue(conn, recipient, &mail).await?;
            }
        }
        Some(frequency @ (MailFrequency::Daily | MailFrequency::Weekly)) => {
            let token = unsubscribe::token(secret, user_id, Scope::All);
            let mail = compose::digest(recipient, frequency, &notifications, links, &token);
            super::enqueue(conn, recipient, &mail).await?;
        }
        Some(MailFrequency::Never) | None => {}
    }
    Ok(())
}
