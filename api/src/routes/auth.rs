//! Sign-up, sign-in, token refresh and sign-out.

use actix_web::http::header::LOCATION;
use actix_web::{HttpRequest, HttpResponse, post, web};
use diesel_async::AsyncConnection;
use shared::limits;
use shared::{
    ConfirmPasswordReset, LoginRequest, Me, Problem, RefreshRequest, RegisterRequest,
    RequestPasswordReset, SessionMode, TokenResponse, VerifyEmail,
};
use utoipa_actix_web::service_config::ServiceConfig;
use uuid::Uuid;

use crate::auth::session::{self, REFRESH_COOKIE, Rotation};
use crate::auth::tokens::{self, Purpose};
use crate::auth::{password, secrets, throttle};
use crate::config::AuthConfig;
use crate::db::{self, Db};
use crate::domain::accounts::{MAX_EMAIL_LENGTH, check_email, check_password, normalize_email};
use crate::domain::validation::FieldErrors;
use crate::error::ApiError;
use crate::extract::Body;
use crate::mail::Links;
use crate::openapi::problems::{BadRequest, Unprocessable};

pub fn configure(config: &mut ServiceConfig) {
    config
        .service(register_account)
        .service(create_session)
        .service(refresh_session)
        .service(end_session)
        .service(verify_email_address)
        .service(request_password_reset)
        .service(confirm_password_reset);
}

/// The client's address, for throttling. The peer address: behind a proxy, configure it to
/// connect from one address per client or extend this to trust its forwarding header.
fn client_address(request: &HttpRequest) -> String {
    request
        .peer_addr()
        .map_or_else(|| "unknown".to_owned(), |address| address.ip().to_string())
}

/// Create an account.
///
/// A link to verify the address is mailed at once (see `POST /auth/verify-email`); the
/// account speaks the request's language (`Accept-Language`). Throttled per client address
/// and per e-mail address (429 with `Retry-After`).
#[utoipa::path(
    tag = "auth",
    request_body = RegisterRequest,
    responses(
        (status = 201, description = "The account; sign in next.", body = Me, headers(("Location" = String, description = "/api/v1/me"))),
        BadRequest,
        (status = 409, description = "The e-mail address has an account.", body = Problem, content_type = "application/problem+json"),
        Unprocessable,
        (status = 429, description = "Too many sign-ups.", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/auth/register")]
async fn register_account(
    db: Db,
    links: web::Data<Links>,
    spam: web::Data<crate::config::SpamPolicy>,
    request: HttpRequest,
    body: Body<RegisterRequest>,
) -> Result<HttpResponse, ApiError> {
    let email = normalize_email(&body.email);
    let mut errors = FieldErrors::default();
    check_email(&mut errors, "email", &email);
    check_password(&mut errors, "password", body.password.expose());
    errors.length(&body.display_name, "display_name", limits::DISPLAY_NAME);
    errors.finish()?;
    crate::domain::spam::refuse_automated(body.form.as_ref(), **spam)?;

    throttle::check_registration(&mut *db.get().await?, &client_address(&request), &email).await?;
    // No connection is held while a core hashes.
    let password_hash = password::hash(body.password.expose().to_owned()).await?;
    let mut conn = db.get().await?;
    let locale = match crate::i18n::current() {
        crate::i18n::Language::Swedish => shared::Locale::Sv,
        crate::i18n::Language::English => shared::Locale::En,
    };
    let name = body.display_name.trim();
    let user = conn
        .transaction::<_, ApiError, _>(async |conn| {
            let user = db::users::insert(conn, &email, &password_hash, name, locale)
                .await?
                .ok_or_else(|| {
                    ApiError::conflict_on("email", "taken", &crate::t!("field-email-taken"))
                })?;
            tokens::send(conn, &links, &user, Purpose::VerifyEmail).await?;
            Ok(user)
        })
        .await?;
    Ok(HttpResponse::Created()
        .insert_header((LOCATION, "/api/v1/me"))
        .json(Me::from(user)))
}

/// Sign in.
///
/// With `"session": "cookie"` the refresh token is set as an HttpOnly cookie instead of
/// being returned. After 10 failed attempts in 15 minutes an account is refused with 429
/// until the window passes; an unknown e-mail and a wrong password answer alike.
#[utoipa::path(
    tag = "auth",
    request_body = LoginRequest,
    responses(
        (status = 200, description = "Signed in.", body = TokenResponse),
        BadRequest,
        (status = 401, description = "Wrong e-mail address or password.", body = Problem, content_type = "application/problem+json"),
        (status = 429, description = "Too many failed attempts.", body = Problem, content_type = "application/problem+json"),
        Unprocessable,
    ),
)]
#[post("/auth/login")]
async fn create_session(
    db: Db,
    auth: web::Data<AuthConfig>,
    request: HttpRequest,
    body: Body<LoginRequest>,
) -> Result<HttpResponse, ApiError> {
    let email = normalize_email(&body.email);
    // No account has a longer address, and the throttle's keys must stay short.
    if email.len() > MAX_EMAIL_LENGTH {
        return Err(wrong_credentials());
    }
    let address = client_address(&request);
    let user = {
        let mut conn = db.get().await?;
        throttle::check_login(&mut conn, &address, &email).await?;
        db::users::find_by_email(&mut conn, &email).await?
    };
    // The connection is back in the pool while a core hashes: a flood of sign-ins waits
    // for the hashing slots, not for connections that every other request needs.
    let stored_hash = user.as_ref().map(|user| user.password_hash.clone());
    let valid = password::verify(body.password.expose().to_owned(), stored_hash).await?;
    let mut conn = db.get().await?;
    let Some(user) = user.filter(|_| valid) else {
        throttle::record_login_failure(&mut conn, &address, &email).await?;
        return Err(wrong_credentials());
    };
    throttle::clear_login_failures(&mut conn, &email).await?;
    let tokens = session::issue(&mut conn, &auth, user.id, Uuid::now_v7()).await?;
    Ok(session::respond(tokens, body.session, &auth))
}

fn wrong_credentials() -> ApiError {
    ApiError::Unauthorized(crate::t!("problem-wrong-credentials"))
}

/// The refresh token of the body, else of the session cookie, and where the next one goes.
fn presented_refresh_token(
    request: &HttpRequest,
    body: &RefreshRequest,
) -> Result<Option<(String, SessionMode)>, ApiError> {
    match &body.refresh_token {
        Some(token) if token.expose().len() > MAX_REFRESH_TOKEN_LENGTH => {
            Err(ApiError::MalformedBody(crate::t!(
                "body-refresh-token-too-long",
                max = MAX_REFRESH_TOKEN_LENGTH
            )))
        }
        Some(token) => Ok(Some((token.expose().to_owned(), SessionMode::Body))),
        None => Ok(request
            .cookie(REFRESH_COOKIE)
            .map(|cookie| (cookie.value().to_owned(), SessionMode::Cookie))),
    }
}

/// Longer than any token this API issues (43 characters).
const MAX_REFRESH_TOKEN_LENGTH: usize = 200;

/// Exchange a refresh token for a new pair.
///
/// Each refresh token works once. Presenting one that was already used ends the whole
/// session (every token descended from the same sign-in) and answers 401.
#[utoipa::path(
    tag = "auth",
    request_body = RefreshRequest,
    responses(
        (status = 200, description = "A new access token and refresh token.", body = TokenResponse),
        BadRequest,
        (status = 401, description = "The refresh token is not valid, or was reused.", body = Problem, content_type = "application/problem+json"),
        Unprocessable,
    ),
)]
#[post("/auth/refresh")]
async fn refresh_session(
    db: Db,
    auth: web::Data<AuthConfig>,
    request: HttpRequest,
    body: Body<RefreshRequest>,
) -> Result<HttpResponse, ApiError> {
    let (token, mode) =
        presented_refresh_token(&request, &body)?.ok_or_else(ApiError::unauthorized)?;
    let mut conn = db.get().await?;
    let config = auth.clone();
    let rotation: Rotation = conn
        .transaction::<_, ApiError, _>(async move |conn| {
            session::rotate(conn, &config, &token).await
        })
        .await?;
    Ok(session::respond(rotation.into_result()?, mode, &auth))
}

/// Sign out: end the session the refresh token belongs to.
#[utoipa::path(
    tag = "auth",
    request_body = RefreshRequest,
    responses(
        (status = 204, description = "Signed out (also when the token was unknown)."),
        BadRequest,
        Unprocessable,
    ),
)]
#[post("/auth/logout")]
async fn end_session(
    db: Db,
    auth: web::Data<AuthConfig>,
    request: HttpRequest,
    body: Body<RefreshRequest>,
) -> Result<HttpResponse, ApiError> {
    if let Some((token, _)) = presented_refresh_token(&request, &body)? {
        let mut conn = db.get().await?;
        if let Some(found) =
            db::sessions::find_for_update(&mut conn, &secrets::hash(&token)).await?
        {
            db::sessions::revoke_family(&mut conn, found.family_id).await?;
        }
    }
    Ok(HttpResponse::NoContent()
        .cookie(session::refresh_cookie(String::new(), &auth, true))
        .finish())
}

/// Longer than any token this API mails (43 characters).
const MAX_MAILED_TOKEN_LENGTH: usize = 200;

fn invalid_token() -> ApiError {
    ApiError::invalid_field("token", "invalid", crate::t!("field-token-invalid"))
}

/// Uses the token of a mailed link for one of `purposes`: which it was for, whose it is and
/// the address it was mailed to; a field error when it is unknown, used or expired.
async fn redeem_mailed_token(
    conn: &mut diesel_async::AsyncPgConnection,
    token: &str,
    purposes: &[Purpose],
) -> Result<(Purpose, Uuid, String), ApiError> {
    if token.len() > MAX_MAILED_TOKEN_LENGTH {
        return Err(invalid_token());
    }
    for &purpose in purposes {
        if let Some((user_id, email)) = tokens::redeem(conn, token, purpose).await? {
            return Ok((purpose, user_id, email));
        }
    }
    Err(invalid_token())
}

/// Verify an e-mail address with the token of the link mailed to it.
///
/// The link of a change of address (`POST /me/email`) moves the account to the new address.
///
/// The token works once, for 48 hours; a newer mail's link replaces an older one. No
/// sign-in is needed: the link may be opened on another device.
#[utoipa::path(
    tag = "auth",
    request_body = VerifyEmail,
    responses(
        (status = 204, description = "The address is verified (for a change of address: the account has moved to it)."),
        BadRequest,
        (status = 409, description = "The new address has been taken by another account since the change was asked for.", body = Problem, content_type = "application/problem+json"),
        (status = 422, description = "The token is unknown, used or expired.", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/auth/verify-email")]
async fn verify_email_address(db: Db, body: Body<VerifyEmail>) -> Result<HttpResponse, ApiError> {
    let mut conn = db.get().await?;
    conn.transaction::<_, ApiError, _>(async |conn| {
        let (purpose, user_id, email) = redeem_mailed_token(
            conn,
            body.token.expose(),
            &[Purpose::VerifyEmail, Purpose::ChangeEmail],
        )
        .await?;
        if purpose == Purpose::ChangeEmail {
            if !db::users::change_email(conn, user_id, &email).await? {
                return Err(ApiError::conflict_on(
                    "token",
                    "email_taken",
                    &crate::t!("field-email-taken"),
                ));
            }
        } else if !db::users::verify_email(conn, user_id, &email).await? {
            // An address changed since the mail is not verified by the old link.
            return Err(invalid_token());
        }
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}

/// Ask for a link to choose a new password.
///
/// Always answers 202 alike, whether or not the address has an account, so that nobody
/// can learn who has one; an account is mailed at most 3 links an hour (past that, nothing
/// more is sent). The link works once, for one hour. Throttled per client address (429).
#[utoipa::path(
    tag = "auth",
    request_body = RequestPasswordReset,
    responses(
        (status = 202, description = "If the address has an account, a link is on its way."),
        BadRequest,
        Unprocessable,
        (status = 429, description = "Too many requests from this client.", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/auth/password-reset")]
async fn request_password_reset(
    db: Db,
    links: web::Data<Links>,
    request: HttpRequest,
    body: Body<RequestPasswordReset>,
) -> Result<HttpResponse, ApiError> {
    let email = normalize_email(&body.email);
    let mut errors = FieldErrors::default();
    check_email(&mut errors, "email", &email);
    errors.finish()?;
    let mut conn = db.get().await?;
    throttle::check_password_reset(&mut conn, &client_address(&request)).await?;
    conn.transaction::<_, ApiError, _>(async |conn| {
        let Some(user) = db::users::find_by_email(conn, &email).await? else {
            return Ok(());
        };
        if throttle::may_mail_password_reset(conn, user.id).await? {
            tokens::send(conn, &links, &user, Purpose::PasswordReset).await?;
        }
        Ok(())
    })
    .await?;
    Ok(HttpResponse::Accepted().finish())
}

/// Choose a new password with the token of the mailed link.
///
/// Every session of the account ends (sign in again with the new password). Following the
/// link also proves the address, which counts as verified.
#[utoipa::path(
    tag = "auth",
    request_body = ConfirmPasswordReset,
    responses(
        (status = 204, description = "The password is changed; every session has ended."),
        BadRequest,
        (status = 422, description = "The token is unknown, used or expired, or the password too weak.", body = Problem, content_type = "application/problem+json"),
    ),
)]
#[post("/auth/password-reset/confirm")]
async fn confirm_password_reset(
    db: Db,
    body: Body<ConfirmPasswordReset>,
) -> Result<HttpResponse, ApiError> {
    let mut errors = FieldErrors::default();
    check_password(&mut errors, "password", body.password.expose());
    errors.finish()?;
    let password_hash = password::hash(body.password.expose().to_owned()).await?;
    let mut conn = db.get().await?;
    conn.transaction::<_, ApiError, _>(async |conn| {
        let (_, user_id, email) =
            redeem_mailed_token(conn, body.token.expose(), &[Purpose::PasswordReset]).await?;
        db::users::set_password(conn, user_id, &password_hash).await?;
        db::sessions::revoke_all_but(conn, user_id, None).await?;
        db::users::verify_email(conn, user_id, &email).await?;
        Ok(())
    })
    .await?;
    Ok(HttpResponse::NoContent().finish())
}
