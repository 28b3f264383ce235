//! Access tokens: short-lived JWTs signed with HS256. The algorithm is pinned, and `iss`,
//! `aud`, `exp`, `iat` and `sub` are required and checked.

use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation, decode, encode};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub const ISSUER: &str = "innolabb";
pub const AUDIENCE: &str = "innolabb-api";
/// Fifteen minutes.
pub const LIFETIME_SECONDS: i64 = 15 * 60;

#[derive(Debug, Serialize, Deserialize)]
struct Claims {
    sub: Uuid,
    /// The session (refresh-token family) the token was issued for.
    sid: Uuid,
    iss: String,
    aud: String,
    iat: i64,
    exp: i64,
}

/// What a valid access token says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AccessClaims {
    pub user_id: Uuid,
    pub session_id: Uuid,
}

/// Signs an access token for a person's session, valid from `now` (Unix seconds).
pub fn issue(secret: &[u8], user_id: Uuid, session_id: Uuid, now: i64) -> anyhow::Result<String> {
    let claims = Claims {
        sub: user_id,
        sid: session_id,
        iss: ISSUER.to_owned(),
        aud: AUDIENCE.to_owned(),
        iat: now,
        exp: now + LIFETIME_SECONDS,
    };
    Ok(encode(
        &Header::new(Algorithm::HS256),
        &claims,
        &EncodingKey::from_secret(secret),
    )?)
}

/// Checks an access token: signature, algorithm, issuer, audience and expiry.
pub fn verify(secret: &[u8], token: &str) -> Option<AccessClaims> {
    let mut validation = Validation::new(Algorithm::HS256);
    validation.set_issuer(&[ISSUER]);
    validation.set_audience(&[AUDIENCE]);
    validation.set_required_spec_claims(&["exp", "iat", "iss", "aud", "sub"]);
    validation.leeway = 0;
    let data = decode::<Claims>(token, &DecodingKey::from_secret(secret), &validation).ok()?;
    Some(AccessClaims {
        user_id: data.claims.sub,
        session_id: data.claims.sid,
    })
}

#[cfg(test)]
mod tests {
    use base64::Engine;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;

    use super::*;

    const SECRET: &[u8] = b"0123456789abcdef0123456789abcdef";

    fn now() -> i64 {
        chrono::Utc::now().timestamp()
    }

    fn forge(claims: serde_json::Value, secret: &[u8], algorithm: Algorithm) -> String {
        let mut header = Header::new(algorithm);
        header.typ = Some("JWT".to_owned());
        encode(&header, &claims, &EncodingKey::from_secret(secret)).unwrap_or_default()
    }

    fn claims(iss: &str, aud: &str, iat: i64, exp: i64) -> serde_json::Value {
        serde_json::json!({"sub": Uuid::nil(), "sid": Uuid::nil(), "iss": iss, "aud": aud, "iat": iat, "exp": exp})
    }

    #[test]
    fn an_issued_token_verifies() -> anyhow::Result<()> {
        let user = Uuid::new_v4();
        let session = Uuid::new_v4();
        let token = issue(SECRET, user, session, now())?;
        assert_eq!(
            verify(SECRET, &token),
            Some(AccessClaims {
                user_id: user,
                session_id: session
            })
        );
        Ok(())
    }

    #[test]
    fn another_secret_issuer_audience_or_algorithm_is_refused() {
        let t = now();
        assert!(
            verify(
                SECRET,
                &forge(
                    claims(ISSUER, AUDIENCE, t, t + 60),
                    SECRET,
                    Algorithm::HS256
                )
            )
            .is_some()
        );
        assert!(
            verify(
                SECRET,
                &forge(
                    claims(ISSUER, AUDIENCE, t, t + 60),
                    b"another secret of enough length!",
                    Algorithm::HS256
                )
            )
            .is_none()
        );
        assert!(
            verify(
                SECRET,
                &forge(
                    claims("someone", AUDIENCE, t, t + 60),
                    SECRET,
                    Algorithm::HS256
                )
            )
            .is_none()
        );
        assert!(
            verify(
                SECRET,
                &forge(
                    claims(ISSUER, "other-api", t, t + 60),
                    SECRET,
                    Algorithm::HS256
                )
            )
            .is_none()
        );
        assert!(
            verify(
                SECRET,
                &forge(
                    claims(ISSUER, AUDIENCE, t, t + 60),
                    SECRET,
                    Algorithm::HS512
                )
            )
            .is_none()
        );
    }

    #[test]
    fn an_expired_token_is_refused() {
        let t = now();
        assert!(
            verify(
                SECRET,
                &forge(
                    claims(ISSUER, AUDIENCE, t - 120, t - 60),
                    SECRET,
                    Algorithm::HS256
                )
            )
            .is_none()
        );
    }

    #[test]
    fn an_unsigned_token_is_refused() {
        let header = URL_SAFE_NO_PAD.encode(br#"{"alg":"none","typ":"JWT"}"#);
        let t = now();
        let body = URL_SAFE_NO_PAD.encode(claims(ISSUER, AUDIENCE, t, t + 60).to_string());
        assert!(verify(SECRET, &format!("{header}.{body}.")).is_none());
    }

    #[test]
    fn garbage_is_refused() {
        assert!(verify(SECRET, "ilk_notajwt").is_none());
        assert!(verify(SECRET, "").is_none());
    }
}
