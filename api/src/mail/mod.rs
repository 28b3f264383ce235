//! Outgoing e-mail. A cause writes its mail to the outbox in its own transaction
//! ([`enqueue`]); the worker ([`worker`]) sends it by SMTP, or to `.eml` files in
//! development ([`transport`]). Mails are composed in the recipient's language when they
//! are enqueued ([`compose`]), plain text with a simple HTML alternative.

pub mod compose;
pub mod notifications;
pub mod transport;
pub mod worker;

use diesel::QueryResult;
use diesel_async::AsyncPgConnection;
use uuid::Uuid;

use crate::db;
use crate::i18n::Language;

/// The channel that wakes the mail workers.
pub const OUTBOX_CHANNEL: &str = "mail_outbox";

/// Where the web client is, for links in mail (`PUBLIC_URL`).
#[derive(Debug, Clone)]
pub struct Links {
    pub public_url: String,
}

impl Links {
    /// The absolute URL of a path of the web client or the API (`/account`).
    pub fn page(&self, path: &str) -> String {
        format!("{}{path}", self.public_url)
    }
}

/// Who a mail is for.
#[derive(Debug, Clone, Copy)]
pub struct Recipient<'a> {
    pub user_id: Uuid,
    pub email: &'a str,
    pub display_name: &'a str,
    pub language: Language,
}

impl<'a> Recipient<'a> {
    pub fn of(user: &'a db::users::User) -> Self {
        Self {
            user_id: user.id,
            email: &user.email,
            display_name: &user.display_name,
            language: Language::of_locale(&user.locale),
        }
    }
}

/// A composed mail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mail {
    /// What it is, for the outbox: `verify_email`, `password_reset`, ...
    pub kind: &'static str,
    pub subject: String,
    pub text: String,
    pub html: String,
    /// A notification's one-click unsubscribe URL (`List-Unsubscribe`, RFC 8058).
    pub unsubscribe_url: Option<String>,
}

/// Puts a mail in the outbox, in the caller's transaction: it is sent once that commits.
pub async fn enqueue(
    conn: &mut AsyncPgConnection,
    recipient: Recipient<'_>,
    mail: &Mail,
) -> QueryResult<()> {
    db::mail::insert(conn, recipient.user_id, recipient.email, mail).await?;
    crate::outbox::wake(conn, OUTBOX_CHANNEL).await
}
