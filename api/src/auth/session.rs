//! Sessions: a login starts a family of refresh tokens; each refresh uses one up and issues
//! the next; reusing a used token revokes the family.

use actix_web::HttpResponse;
use actix_web::cookie::{Cookie, SameSite, time::Duration as CookieDuration};
use diesel_async::AsyncPgConnection;
use shared::{SessionMode, TokenResponse};
use uuid::Uuid;

use super::{jwt, secrets};
use crate::config::AuthConfig;
use crate::db;
use crate::error::ApiError;

/// The cookie that carries the web client's refresh token.
pub const REFRESH_COOKIE: &str = "innolabb_refresh";
const COOKIE_PATH: &str = "/api/v1/auth";

/// A new access token and refresh token.
pub struct Tokens {
    pub access_token: String,
    pub refresh_token: String,
}

/// Issues the tokens of a session (a family) for a person.
pub async fn issue(
    conn: &mut AsyncPgConnection,
    auth: &AuthConfig,
    user_id: Uuid,
    family_id: Uuid,
) -> Result<Tokens, ApiError> {
    let refresh_token = secrets::generate("");
    db::sessions::insert(conn, user_id, family_id, &secrets::hash(&refresh_token)).await?;
    let access_token = jwt::issue(
        auth.jwt_secret(),
        user_id,
        family_id,
        chrono::Utc::now().timestamp(),
    )?;
    Ok(Tokens {
        access_token,
        refresh_token,
    })
}

/// What presenting a refresh token led to. A reuse is an outcome, not an error, so that the
/// transaction that revoked the family commits.
pub enum Rotation {
    Issued(Tokens),
    /// Unknown, expired or revoked.
    Invalid,
    /// Already used: someone holds a copy. The whole family is now revoked.
    Reused,
}

impl Rotation {
    pub fn into_result(self) -> Result<Tokens, ApiError> {
        match self {
            Rotation::Issued(tokens) => Ok(tokens),
            Rotation::Invalid => Err(ApiError::Unauthorized(crate::t!(
                "problem-refresh-token-invalid"
            ))),
            Rotation::Reused => Err(ApiError::Unauthorized(crate::t!(
                "problem-refresh-token-reused"
            ))),
        }
    }
}

/// Uses up a refresh token and issues the next pair of its family (call in a transaction).
/// How long after its first use a refresh token may be used again without ending the
/// session (see [`rotate`]).
pub const REUSE_GRACE: chrono::Duration = chrono::Duration::seconds(10);

pub async fn rotate(
    conn: &mut AsyncPgConnection,
    auth: &AuthConfig,
    refresh_token: &str,
) -> Result<Rotation, ApiError> {
    let Some(token) = db::sessions::find_for_update(conn, &secrets::hash(refresh_token)).await?
    else {
        return Ok(Rotation::Invalid);
    };
    if token.revoked_at.is_some() || token.expires_at <= chrono::Utc::now() {
        return Ok(Rotation::Invalid);
    }
    match token.used_at {
        // Two tabs of one browser refreshing at once with the shared cookie, or a reload
        // that cut off the answer to the first refresh: the same token again within a few
        // seconds is the holder's own, and gets a new token in the same family.
        Some(used_at) if chrono::Utc::now() - used_at <= REUSE_GRACE => {}
        // Later, it is a replay of a stolen token: end the whole session.
        Some(_) => {
            db::sessions::revoke_family(conn, token.family_id).await?;
            return Ok(Rotation::Reused);
        }
        None => db::sessions::mark_used(conn, token.id).await?,
    }
    Ok(Rotation::Issued(
        issue(conn, auth, token.user_id, token.family_id).await?,
    ))
}

/// The response to a login or a refresh: the refresh token in the body, or in the cookie.
pub fn respond(tokens: Tokens, mode: SessionMode, auth: &AuthConfig) -> HttpResponse {
    let mut response = HttpResponse::Ok();
    let refresh_token = match mode {
        SessionMode::Body => Some(tokens.refresh_token),
        SessionMode::Cookie => {
            response.cookie(refresh_cookie(tokens.refresh_token, auth, false));
            None
        }
    };
    response.json(TokenResponse {
        access_token: tokens.access_token.into(),
        token_type: "Bearer".to_owned(),
        expires_in: jwt::LIFETIME_SECONDS,
        refresh_token: refresh_token.map(Into::into),
    })
}

/// The session cookie, or (with `clear`) the header that removes it.
pub fn refresh_cookie(value: String, auth: &AuthConfig, clear: bool) -> Cookie<'static> {
    let mut cookie = Cookie::build(REFRESH_COOKIE, value)
        .path(COOKIE_PATH)
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(auth.cookie_secure)
        .max_age(CookieDuration::days(30))
        .finish();
    if clear {
        cookie.make_removal();
    }
    cookie
}
