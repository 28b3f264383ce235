//! Throttling of sign-in and sign-up, in Postgres so that every API instance counts
//! together. It throttles failures and abuse, not people: a workshop where 30 residents
//! sign up from one address within an hour passes, and one person's mistyped passwords lock
//! only their own account for a while, not everyone behind the same address.

use chrono::{Duration, Utc};
use diesel_async::AsyncPgConnection;

use crate::db::rate_limits;
use crate::error::ApiError;

/// Failed logins allowed per account in [`LOGIN_WINDOW`]; the next attempt is refused.
pub const LOGIN_FAILURES_PER_ACCOUNT: i32 = 10;
/// Failed logins allowed per client address in [`LOGIN_WINDOW`] (many people share one).
pub const LOGIN_FAILURES_PER_ADDRESS: i32 = 100;
pub const LOGIN_WINDOW: Duration = Duration::minutes(15);
/// Sign-ups per client address per hour.
pub const REGISTRATIONS_PER_ADDRESS: i32 = 60;
/// Sign-up attempts per e-mail address per hour.
pub const REGISTRATIONS_PER_EMAIL: i32 = 10;
pub const REGISTRATION_WINDOW: Duration = Duration::hours(1);
/// Requests for a password-reset mail per client address per hour (refused with 429).
pub const PASSWORD_RESETS_PER_ADDRESS: i32 = 30;
/// Reset mails per account per hour; past it, requests are answered alike and mail nothing.
pub const PASSWORD_RESETS_PER_ACCOUNT: i32 = 3;
/// Verification mails a person may ask for again per hour.
pub const VERIFICATION_MAILS_PER_ACCOUNT: i32 = 5;
/// The window of the hourly limits (mail, posting).
pub const MAIL_WINDOW: Duration = Duration::hours(1);

fn refuse(until: chrono::DateTime<Utc>) -> ApiError {
    ApiError::TooManyRequests {
        retry_after_seconds: (until - Utc::now()).num_seconds().max(1),
    }
}

/// Refuses a login attempt while the account or the address has too many recent failures.
pub async fn check_login(
    conn: &mut AsyncPgConnection,
    address: &str,
    email: &str,
) -> Result<(), ApiError> {
    for (key, limit) in [
        (
            format!("login-fail:account:{email}"),
            LOGIN_FAILURES_PER_ACCOUNT,
        ),
        (
            format!("login-fail:address:{address}"),
            LOGIN_FAILURES_PER_ADDRESS,
        ),
    ] {
        let (count, until) = rate_limits::peek(conn, &key, LOGIN_WINDOW).await?;
        if count >= limit {
            return Err(refuse(until));
        }
    }
    Ok(())
}

pub async fn record_login_failure(
    conn: &mut AsyncPgConnection,
    address: &str,
    email: &str,
) -> Result<(), ApiError> {
    rate_limits::hit(conn, &format!("login-fail:account:{email}"), LOGIN_WINDOW).await?;
    rate_limits::hit(conn, &format!("login-fail:address:{address}"), LOGIN_WINDOW).await?;
    Ok(())
}

/// A successful login forgets the account's failures.
pub async fn clear_login_failures(
    conn: &mut AsyncPgConnection,
    email: &str,
) -> Result<(), ApiError> {
    rate_limits::clear(conn, &format!("login-fail:account:{email}")).await?;
    Ok(())
}

/// Counts a sign-up attempt and refuses it past the limits.
pub async fn check_registration(
    conn: &mut AsyncPgConnection,
    address: &str,
    email: &str,
) -> Result<(), ApiError> {
    for (key, limit) in [
        (
            format!("register:address:{address}"),
            REGISTRATIONS_PER_ADDRESS,
        ),
        (format!("register:account:{email}"), REGISTRATIONS_PER_EMAIL),
    ] {
        let (count, until) = rate_limits::hit(conn, &key, REGISTRATION_WINDOW).await?;
        if count > limit {
            return Err(refuse(until));
        }
    }
    Ok(())
}

/// Counts a request for a password-reset mail from `address`, refusing it past the limit.
pub async fn check_password_reset(
    conn: &mut AsyncPgConnection,
    address: &str,
) -> Result<(), ApiError> {
    let key = format!("reset:address:{address}");
    let (count, until) = rate_limits::hit(conn, &key, MAIL_WINDOW).await?;
    if count > PASSWORD_RESETS_PER_ADDRESS {
        return Err(refuse(until));
    }
    Ok(())
}

/// Counts a reset mail to an account; whether it may still be sent. The caller answers the
/// same either way, so that nobody learns whether an address has an account.
pub async fn may_mail_password_reset(
    conn: &mut AsyncPgConnection,
    user_id: uuid::Uuid,
) -> Result<bool, ApiError> {
    let key = format!("reset:account:{user_id}");
    let (count, _) = rate_limits::hit(conn, &key, MAIL_WINDOW).await?;
    Ok(count <= PASSWORD_RESETS_PER_ACCOUNT)
}

/// Counts a request to mail the verification link again, refusing it past the limit.
pub async fn check_verification_mail(
    conn: &mut AsyncPgConnection,
    user_id: uuid::Uuid,
) -> Result<(), ApiError> {
    let key = format!("verify-mail:account:{user_id}");
    let (count, until) = rate_limits::hit(conn, &key, MAIL_WINDOW).await?;
    if count > VERIFICATION_MAILS_PER_ACCOUNT {
        return Err(refuse(until));
    }
    Ok(())
}

/// What a person posts, each with its own hourly limit per account.
#[derive(Debug, Clone, Copy)]
pub enum Posting {
    Idea,
    Comment,
    MatchMessage,
}

impl Posting {
    /// Far above what a person writes in an hour (a facilitator typing in a workshop's
    /// sticky notes included), far below what a program does.
    pub fn per_hour(self) -> i32 {
        60
    }

    fn key(self) -> &'static str {
        match self {
            Posting::Idea => "idea",
            Posting::Comment => "comment",
            Posting::MatchMessage => "message",
        }
    }
}

/// Counts a post of the person's, refusing it past the hourly limit (429).
pub async fn check_posting(
    conn: &mut AsyncPgConnection,
    user_id: uuid::Uuid,
    posting: Posting,
) -> Result<(), ApiError> {
    let key = format!("post:{}:{user_id}", posting.key());
    let (count, until) = rate_limits::hit(conn, &key, MAIL_WINDOW).await?;
    if count > posting.per_hour() {
        return Err(refuse(until));
    }
    Ok(())
}
