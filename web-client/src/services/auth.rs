//! Accounts and sessions.

use shared::{
    ConfirmPasswordReset, LoginRequest, Me, RefreshRequest, RegisterRequest, RequestPasswordReset,
    TokenResponse, VerifyEmail,
};

use super::Write;

/// `register_account`
pub fn register(body: &RegisterRequest) -> Write<Me> {
    Write::post("/auth/register", body)
}

/// `create_session` (sign in)
pub fn sign_in(body: &LoginRequest) -> Write<TokenResponse> {
    Write::post("/auth/login", body)
}

/// `refresh_session`
pub fn refresh(body: &RefreshRequest) -> Write<TokenResponse> {
    Write::post("/auth/refresh", body)
}

/// `end_session` (sign out)
pub fn sign_out(body: &RefreshRequest) -> Write<()> {
    Write::post("/auth/logout", body)
}

/// `verify_email_address`
pub fn verify_email(body: &VerifyEmail) -> Write<()> {
    Write::post("/auth/verify-email", body)
}

/// `request_password_reset`
pub fn request_password_reset(body: &RequestPasswordReset) -> Write<()> {
    Write::post("/auth/password-reset", body)
}

/// `confirm_password_reset`
pub fn confirm_password_reset(body: &ConfirmPasswordReset) -> Write<()> {
    Write::post("/auth/password-reset/confirm", body)
}
