//! Accounts and sessions.

use shared::{LoginRequest, Me, RefreshRequest, RegisterRequest, TokenResponse};

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
