//! One-click unsubscribe links in notification mail (RFC 8058): they work without signing
//! in, so each carries whom and what it is for, signed with the server's secret (HMAC-SHA256
//! under a key of its own), and cannot be made for anyone else or changed.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use shared::NotificationKind;
use uuid::Uuid;

/// What a link stops: one kind of notification, or every notification mail (a digest's).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Kind(NotificationKind),
    All,
}

impl Scope {
    fn as_str(self) -> &'static str {
        match self {
            Scope::Kind(kind) => kind.as_str(),
            Scope::All => "all",
        }
    }

    fn parse(text: &str) -> Option<Self> {
        match text {
            "all" => Some(Scope::All),
            other => NotificationKind::parse(other).map(Scope::Kind),
        }
    }
}

/// HMAC-SHA256 keyed with `key` (HMAC takes keys of every length, so this cannot fail).
fn hmac(key: &[u8]) -> Hmac<Sha256> {
    Hmac::<Sha256>::new_from_slice(key)
        .unwrap_or_else(|_| unreachable!("HMAC accepts keys of any length"))
}

fn mac(secret: &[u8], user_id: Uuid, scope: Scope) -> Hmac<Sha256> {
    // A key of its own, so that no other signature of the server's can be replayed here.
    let mut key = hmac(secret);
    key.update(b"innolabb unsubscribe key");
    let mut mac = hmac(&key.finalize().into_bytes());
    mac.update(format!("{user_id}.{}", scope.as_str()).as_bytes());
    mac
}

/// The token of a link: `<user id>.<scope>.<signature>`.
pub fn token(secret: &[u8], user_id: Uuid, scope: Scope) -> String {
    let signature = URL_SAFE_NO_PAD.encode(mac(secret, user_id, scope).finalize().into_bytes());
    format!("{user_id}.{}.{signature}", scope.as_str())
}

/// Whom and what a token is for, if the server signed it.
pub fn verify(secret: &[u8], token: &str) -> Option<(Uuid, Scope)> {
    let mut parts = token.splitn(3, '.');
    let user_id = Uuid::parse_str(parts.next()?).ok()?;
    let scope = Scope::parse(parts.next()?)?;
    let signature = URL_SAFE_NO_PAD.decode(parts.next()?).ok()?;
    mac(secret, user_id, scope)
        .verify_slice(&signature)
        .ok()
        .map(|()| (user_id, scope))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SECRET: &[u8] = b"0123456789abcdef0123456789abcdef";

    #[test]
    fn a_signed_token_names_its_person_and_scope_and_cannot_be_altered() {
        let person = Uuid::now_v7();
        let kind = Scope::Kind(NotificationKind::MatchMessage);
        let token = token(SECRET, person, kind);
        assert_eq!(verify(SECRET, &token), Some((person, kind)));
        let all = token.replacen("match_message", "all", 1);
        assert_eq!(verify(SECRET, &all), None, "another scope, same signature");
        let other = token.replacen(&person.to_string(), &Uuid::now_v7().to_string(), 1);
        assert_eq!(verify(SECRET, &other), None, "another person");
        assert_eq!(
            verify(b"another secret of 32 bytes or more!!", &token),
            None
        );
        assert_eq!(verify(SECRET, "nonsense"), None);
    }
}
