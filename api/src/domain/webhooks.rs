//! Webhooks' rules, as plain functions: signing by the Standard Webhooks scheme, which
//! addresses a webhook may call, the retry schedule, and the event types.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use hmac::{Hmac, Mac};
use rand::RngCore as _;
use sha2::Sha256;

/// How a webhook's secret starts (Standard Webhooks).
pub const SECRET_PREFIX: &str = "whsec_";

pub use shared::webhooks::EVENT_TYPES;

/// The event a ping sends: to try an endpoint out.
pub const PING: &str = "webhook.ping";

/// A new message's `webhook-id`: `msg_` and a new UUID.
pub fn new_message_id() -> String {
    format!("msg_{}", uuid::Uuid::now_v7().simple())
}

/// A delivery's body: `{"id", "type", "created_at", "data"}`.
pub fn payload(
    message_id: &str,
    event_type: &str,
    created_at: chrono::DateTime<chrono::Utc>,
    data: serde_json::Value,
) -> serde_json::Value {
    serde_json::json!({
        "id": message_id,
        "type": event_type,
        "created_at": created_at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        "data": data,
    })
}

/// A new secret: `whsec_` and the base64 of 32 random bytes.
pub fn new_secret() -> String {
    let mut bytes = [0_u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    format!("{SECRET_PREFIX}{}", STANDARD.encode(bytes))
}

/// The signature of a message under one secret: `v1,` and the base64 of the HMAC-SHA256 of
/// `"{id}.{timestamp}.{body}"`, keyed with the secret's bytes. `None` for a malformed secret.
pub fn sign(secret: &str, id: &str, timestamp: i64, body: &[u8]) -> Option<String> {
    let key = STANDARD.decode(secret.strip_prefix(SECRET_PREFIX)?).ok()?;
    let mut mac = Hmac::<Sha256>::new_from_slice(&key).ok()?;
    mac.update(format!("{id}.{timestamp}.").as_bytes());
    mac.update(body);
    Some(format!(
        "v1,{}",
        STANDARD.encode(mac.finalize().into_bytes())
    ))
}

/// The `webhook-signature` header: a signature under every secret in use (two while a
/// rotated-out secret is still honoured), separated by spaces.
pub fn signature_header(secrets: &[&str], id: &str, timestamp: i64, body: &[u8]) -> String {
    secrets
        .iter()
        .filter_map(|secret| sign(secret, id, timestamp, body))
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a webhook may connect to this address: public unicast only — never loopback,
/// private, link-local, CGNAT, multicast, broadcast, unspecified, documentation or reserved
/// ranges, in IPv4, IPv6, or IPv4 written as IPv6.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => is_public_v4(v4),
            None => is_public_v6(v6),
        },
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, ..] = ip.octets();
    let cgnat = a == 100 && (64..128).contains(&b);
    let benchmarking = a == 198 && (b == 18 || b == 19);
    let reserved = a >= 240 || a == 0;
    !(ip.is_loopback()
        || ip.is_private()
        || ip.is_link_local()
        || ip.is_unspecified()
        || ip.is_multicast()
        || ip.is_broadcast()
        || ip.is_documentation()
        || cgnat
        || benchmarking
        || reserved)
}

fn is_public_v6(ip: Ipv6Addr) -> bool {
    let first = ip.segments()[0];
    let unique_local = (first & 0xfe00) == 0xfc00;
    let link_local = (first & 0xffc0) == 0xfe80;
    let documentation = first == 0x2001 && ip.segments()[1] == 0x0db8;
    // ::a.b.c.d (deprecated IPv4-compatible) and the NAT64 prefix reach IPv4 hosts.
    let embeds_v4 = ip.segments()[..6].iter().all(|s| *s == 0)
        || (first == 0x0064 && ip.segments()[1] == 0xff9b);
    !(ip.is_loopback()
        || ip.is_unspecified()
        || ip.is_multicast()
        || unique_local
        || link_local
        || documentation
        || embeds_v4)
}

/// Why a webhook's URL is refused, if it is (before its host name is looked up).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UrlProblem {
    Malformed,
    NotHttps,
    Credentials,
    PrivateAddress,
    Unresolvable,
}

impl UrlProblem {
    /// What is wrong, in the language of the request being served.
    pub fn message(self) -> String {
        match self {
            UrlProblem::Malformed => crate::t!("field-url-malformed"),
            UrlProblem::NotHttps => crate::t!("field-url-not-https"),
            UrlProblem::Credentials => crate::t!("field-url-credentials"),
            UrlProblem::PrivateAddress => crate::t!("field-url-private"),
            UrlProblem::Unresolvable => crate::t!("field-url-unresolvable"),
        }
    }
}

/// Checks a webhook's URL: `https` (or `http` when private addresses are allowed, for
/// development), a host, no credentials, and — for an address written in the URL — a
/// public one. Host names are checked again once resolved ([`is_public`]).
pub fn check_url(text: &str, allow_private: bool) -> Result<url::Url, UrlProblem> {
    let url = url::Url::parse(text.trim()).map_err(|_| UrlProblem::Malformed)?;
    match url.scheme() {
        "https" => {}
        "http" if allow_private => {}
        _ => return Err(UrlProblem::NotHttps),
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err(UrlProblem::Credentials);
    }
    let literal = match url.host() {
        None => return Err(UrlProblem::Malformed),
        Some(url::Host::Domain(_)) => None,
        Some(url::Host::Ipv4(v4)) => Some(IpAddr::V4(v4)),
        Some(url::Host::Ipv6(v6)) => Some(IpAddr::V6(v6)),
    };
    if literal.is_some_and(|ip| !allow_private && !is_public(ip)) {
        return Err(UrlProblem::PrivateAddress);
    }
    Ok(url)
}

/// Why Innolabb disables a webhook (its `disabled_reason`): the endpoint answered
/// `410 Gone`, or every attempt failed for [`GIVE_UP_AFTER`].
pub const DISABLED_GONE: &str = "gone";
pub const DISABLED_FAILING: &str = "failing";

/// How long an endpoint may fail every attempt before it is disabled.
pub const GIVE_UP_AFTER: chrono::Duration = chrono::Duration::days(5);

/// Why a failed attempt disables its webhook, if it does: a `410`, or failing since
/// `failing_since` for [`GIVE_UP_AFTER`] or longer by `now`.
pub fn disables(
    status_code: Option<i32>,
    failing_since: chrono::DateTime<chrono::Utc>,
    now: chrono::DateTime<chrono::Utc>,
) -> Option<&'static str> {
    if status_code == Some(410) {
        Some(DISABLED_GONE)
    } else if now - failing_since >= GIVE_UP_AFTER {
        Some(DISABLED_FAILING)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_webhook_is_disabled_when_gone_or_after_five_days_of_failures() {
        let now = chrono::Utc::now();
        let days = |n: i64| now - chrono::Duration::days(n);
        assert_eq!(disables(Some(410), now, now), Some(DISABLED_GONE));
        assert_eq!(disables(Some(500), days(4), now), None);
        assert_eq!(disables(None, days(5), now), Some(DISABLED_FAILING));
        assert_eq!(
            disables(Some(503), days(5) + chrono::Duration::seconds(1), now),
            None
        );
    }
    use super::*;

    #[test]
    fn signing_matches_the_specifications_test_vector() {
        let signature = sign(
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            1_614_265_330,
            br#"{"test": 2432232314}"#,
        );
        assert_eq!(
            signature.as_deref(),
            Some("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
        );
    }

    #[test]
    fn a_rotated_secret_signs_beside_the_new_one_and_a_malformed_one_not_at_all() {
        let new = new_secret();
        let old = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        let header = signature_header(&[&new, old, "not-a-secret"], "msg_1", 1, b"{}");
        let parts: Vec<&str> = header.split(' ').collect();
        assert_eq!(parts.len(), 2);
        assert_eq!(Some(parts[1]), sign(old, "msg_1", 1, b"{}").as_deref());
        assert!(new.starts_with(SECRET_PREFIX));
        assert_eq!(
            STANDARD
                .decode(&new[SECRET_PREFIX.len()..])
                .map(|b| b.len()),
            Ok(32)
        );
    }

    #[test]
    fn only_public_unicast_addresses_may_be_called() {
        for refused in [
            "127.0.0.1",
            "10.1.2.3",
            "172.16.0.1",
            "192.168.1.1",
            "169.254.169.254",
            "100.64.0.1",
            "0.0.0.0",
            "224.0.0.1",
            "255.255.255.255",
            "198.18.0.1",
            "192.0.2.1",
            "240.0.0.1",
            "::1",
            "::",
            "fc00::1",
            "fd12::1",
            "fe80::1",
            "ff02::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "::127.0.0.1",
            "64:ff9b::a00:1",
            "2001:db8::1",
        ] {
            let ip: IpAddr = refused.parse().unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST));
            assert!(!is_public(ip), "{refused} must be refused");
        }
        for allowed in [
            "93.184.216.34",
            "100.128.0.1",
            "8.8.8.8",
            "2a00:1450:4001::200e",
        ] {
            let ip: IpAddr = allowed.parse().unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST));
            assert!(is_public(ip), "{allowed} must be allowed");
        }
    }

    #[test]
    fn urls_must_be_https_without_credentials_and_not_name_a_private_address() {
        assert!(check_url("https://hooks.example.se/innolabb", false).is_ok());
        assert_eq!(
            check_url("http://hooks.example.se/", false),
            Err(UrlProblem::NotHttps)
        );
        assert_eq!(
            check_url("ftp://example.se/", true),
            Err(UrlProblem::NotHttps)
        );
        assert_eq!(
            check_url("https://user:pw@example.se/", false),
            Err(UrlProblem::Credentials)
        );
        assert_eq!(
            check_url("https://127.0.0.1/hook", false),
            Err(UrlProblem::PrivateAddress)
        );
        assert_eq!(
            check_url("https://[::ffff:192.168.0.1]/", false),
            Err(UrlProblem::PrivateAddress)
        );
        assert_eq!(check_url("not a url", false), Err(UrlProblem::Malformed));
        // For local development and tests.
        assert!(check_url("http://127.0.0.1:9000/hook", true).is_ok());
    }
}
