//! People's accounts and sessions.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use crate::Secret;

/// `POST /auth/register`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "email": "anna.lindqvist@example.se", "password": "en lång och hemlig fras", "display_name": "Anna Lindqvist"
})))]
pub struct RegisterRequest {
    /// Your e-mail address; it is how you sign in.
    #[cfg_attr(feature = "openapi", schema(max_length = 254))]
    pub email: String,
    /// 10–128 characters.
    #[cfg_attr(feature = "openapi", schema(value_type = String, min_length = 10, max_length = 128))]
    pub password: Secret,
    /// Your name as others see it, 1–100 characters.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100))]
    pub display_name: String,
    /// What the web client's form saw (see [`FormSignals`]).
    #[serde(default)]
    pub form: Option<FormSignals>,
}

/// What a form in the web client saw while it was filled, for spam defence: a field hidden
/// from people (a program filling every field fills it) and how long the filling took.
/// Other clients leave it out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct FormSignals {
    /// The hidden field's value: empty from a person.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 200))]
    pub honeypot: String,
    /// Milliseconds from the form being shown to being sent.
    // Documented as what it is, an unsigned 32-bit number: utoipa calls it int32, whose
    // bound is half as high, and a generated client would refuse what the API accepts.
    #[cfg_attr(
        feature = "openapi",
        schema(format = Int64, minimum = 0, maximum = 4_294_967_295_u32)
    )]
    pub filled_in_ms: u32,
}

/// How a browser keeps its session: `cookie` sets the refresh token as an HttpOnly cookie
/// instead of returning it, so that no script can read it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SessionMode {
    /// The refresh token is in the response body (partner systems, scripts).
    #[default]
    Body,
    /// The refresh token is an HttpOnly, SameSite=Strict cookie (the web client).
    Cookie,
}

/// `POST /auth/login`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"email": "anna.lindqvist@example.se", "password": "en lång och hemlig fras"})))]
pub struct LoginRequest {
    #[cfg_attr(feature = "openapi", schema(max_length = 254))]
    pub email: String,
    #[cfg_attr(feature = "openapi", schema(value_type = String, max_length = 128))]
    pub password: Secret,
    /// Where the refresh token goes; `body` when left out.
    #[serde(default)]
    pub session: SessionMode,
}

/// `POST /auth/refresh` and `POST /auth/logout`. The token may instead come in the
/// session cookie (web client), with an empty body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"refresh_token": "9Qx0…"})))]
pub struct RefreshRequest {
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>, max_length = 200))]
    pub refresh_token: Option<Secret>,
}

/// A signed-in session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "access_token": "eyJhbGciOiJIUzI1NiJ9…", "token_type": "Bearer", "expires_in": 900, "refresh_token": "9Qx0…"
})))]
pub struct TokenResponse {
    /// A JWT to send as `Authorization: Bearer …`.
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub access_token: Secret,
    /// Always `Bearer`.
    pub token_type: String,
    /// Seconds until the access token expires.
    pub expires_in: i64,
    /// Single use: exchange it at `/auth/refresh` for a new pair. Absent in cookie mode.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(value_type = Option<String>))]
    pub refresh_token: Option<Secret>,
}

/// A language of the product.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Locale {
    #[default]
    Sv,
    En,
}

impl Locale {
    pub fn as_str(self) -> &'static str {
        match self {
            Locale::Sv => "sv",
            Locale::En => "en",
        }
    }

    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "sv" => Some(Locale::Sv),
            "en" => Some(Locale::En),
            _ => None,
        }
    }
}

/// The signed-in person (`GET /me`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0192e9b0-7d1c-7c3e-9f3a-1b2c3d4e5f60", "email": "anna.lindqvist@example.se",
    "display_name": "Anna Lindqvist", "locale": "sv", "email_verified": true,
    "is_platform_admin": false, "created_at": "2026-11-27T09:00:00Z", "version": 1
})))]
pub struct Me {
    pub id: Uuid,
    pub email: String,
    pub display_name: String,
    /// The language of the web client and of mail to this person.
    pub locale: Locale,
    /// Whether the person followed the link mailed to `email`. Until then they may post
    /// ideas, vote and comment, but not create organisations or API keys, or be made an
    /// owner or admin.
    pub email_verified: bool,
    pub is_platform_admin: bool,
    pub created_at: DateTime<Utc>,
    /// Increases with every change; send it back in `If-Match`.
    pub version: i32,
}

/// `PATCH /me`: only the fields given change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"display_name": "Anna L.", "locale": "en"})))]
#[serde(deny_unknown_fields)]
pub struct UpdateMe {
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 100))]
    pub display_name: Option<String>,
    pub locale: Option<Locale>,
}

/// `POST /me/password`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"current_password": "en lång och hemlig fras", "new_password": "en ännu längre hemlig fras"})))]
pub struct ChangePassword {
    #[cfg_attr(feature = "openapi", schema(value_type = String, max_length = 128))]
    pub current_password: Secret,
    #[cfg_attr(feature = "openapi", schema(value_type = String, min_length = 10, max_length = 128))]
    pub new_password: Secret,
}

/// `POST /me/email`: move the account to a new address, once a link mailed there is
/// followed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"email": "anna.lindqvist@example.org", "password": "lösenord-som-är-långt"})))]
#[serde(deny_unknown_fields)]
pub struct ChangeEmail {
    #[cfg_attr(feature = "openapi", schema(max_length = 254))]
    pub email: String,
    /// Your current password.
    #[cfg_attr(feature = "openapi", schema(value_type = String, max_length = 128))]
    pub password: Secret,
}

/// `POST /auth/verify-email`: the token of the link mailed to the address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"token": "q3J0c1Vx2m8yZ0pWbU5kT2FhR3Z0d1lYc0xwZ2ZqQ0E"})))]
#[serde(deny_unknown_fields)]
pub struct VerifyEmail {
    #[cfg_attr(feature = "openapi", schema(value_type = String, max_length = 200))]
    pub token: Secret,
}

/// `POST /auth/password-reset`: mail a link to choose a new password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"email": "anna.lindqvist@example.se"})))]
#[serde(deny_unknown_fields)]
pub struct RequestPasswordReset {
    #[cfg_attr(feature = "openapi", schema(max_length = 254))]
    pub email: String,
}

/// `POST /auth/password-reset/confirm`: the mailed token and the new password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"token": "q3J0c1Vx2m8yZ0pWbU5kT2FhR3Z0d1lYc0xwZ2ZqQ0E", "password": "en ny lång och hemlig fras"})))]
#[serde(deny_unknown_fields)]
pub struct ConfirmPasswordReset {
    #[cfg_attr(feature = "openapi", schema(value_type = String, max_length = 200))]
    pub token: Secret,
    #[cfg_attr(feature = "openapi", schema(value_type = String, min_length = 10, max_length = 128))]
    pub password: Secret,
}

/// `DELETE /me`: the password, to confirm that the account's person asks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"password": "en lång och hemlig fras"})))]
#[serde(deny_unknown_fields)]
pub struct DeleteAccount {
    #[cfg_attr(feature = "openapi", schema(value_type = String, max_length = 128))]
    pub password: Secret,
}
