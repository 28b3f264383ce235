//! The single-use links mailed to people: one to verify their e-mail address, one to choose
//! a new password. Each token is 256 random bits, stored only as its hash, valid for a
//! while, used once; a newer one of the same purpose replaces the older.

use chrono::{Duration, Utc};
use diesel::QueryResult;
use diesel_async::AsyncPgConnection;
use uuid::Uuid;

use super::secrets;
use crate::db;
use crate::mail::{self, Links, Recipient, compose};

/// What a token is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    VerifyEmail,
    PasswordReset,
    /// Verifies a new address; following the link moves the account to it.
    ChangeEmail,
}

pub const VERIFY_EMAIL_VALID: Duration = Duration::hours(48);
pub const PASSWORD_RESET_VALID: Duration = Duration::hours(1);

impl Purpose {
    fn as_str(self) -> &'static str {
        match self {
            Purpose::VerifyEmail => "verify_email",
            Purpose::PasswordReset => "password_reset",
            Purpose::ChangeEmail => "change_email",
        }
    }

    fn valid_for(self) -> Duration {
        match self {
            Purpose::VerifyEmail | Purpose::ChangeEmail => VERIFY_EMAIL_VALID,
            Purpose::PasswordReset => PASSWORD_RESET_VALID,
        }
    }

    /// The web client's page that takes the token.
    fn page(self) -> &'static str {
        match self {
            Purpose::VerifyEmail | Purpose::ChangeEmail => "/verify-email",
            Purpose::PasswordReset => "/reset-password",
        }
    }
}

/// Mails `user` a new link for `purpose`, in the caller's transaction.
pub async fn send(
    conn: &mut AsyncPgConnection,
    links: &Links,
    user: &db::users::User,
    purpose: Purpose,
) -> QueryResult<()> {
    send_to(conn, links, user, &user.email, purpose).await
}

/// Mails a new link for `purpose` to `email`, an address `user` wants (the link proves
/// that it is theirs).
pub async fn send_to(
    conn: &mut AsyncPgConnection,
    links: &Links,
    user: &db::users::User,
    email: &str,
    purpose: Purpose,
) -> QueryResult<()> {
    let token = secrets::generate("");
    let expires_at = Utc::now() + purpose.valid_for();
    let hash = secrets::hash(&token);
    db::account_tokens::insert(conn, &hash, user.id, purpose.as_str(), email, expires_at).await?;
    let link = links.page(&format!("{}?token={token}", purpose.page()));
    let recipient = Recipient {
        email,
        ..Recipient::of(user)
    };
    let composed = match purpose {
        Purpose::VerifyEmail | Purpose::ChangeEmail => compose::verify_email(recipient, &link),
        Purpose::PasswordReset => compose::password_reset(recipient, &link),
    };
    mail::enqueue(conn, recipient, &composed).await
}

/// Uses a token: whose it is and the address it was mailed to, or `None` when it is unknown,
/// used, expired or for something else.
pub async fn redeem(
    conn: &mut AsyncPgConnection,
    token: &str,
    purpose: Purpose,
) -> QueryResult<Option<(Uuid, String)>> {
    db::account_tokens::redeem(conn, &secrets::hash(token), purpose.as_str()).await
}
