//! The worker that sends webhooks' deliveries from the outbox, inside the API process.
//! Safe with several instances on one database: each leases due deliveries
//! (`db::webhooks::claim_due`), commits, calls the receiver with no transaction open, and
//! records the attempt. A crashed instance's leases expire and another sends them again —
//! at least once, which is why `webhook-id` stays the same. The loop, its wake-ups and the
//! retry schedule are [`crate::outbox`]'s.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use chrono::Utc;
use diesel_async::{AsyncConnection as _, AsyncPgConnection};

use crate::config::WebhookPolicy;
use crate::db::webhooks::{Attempt, Due, Next};
use crate::db::{self, Pool};
use crate::domain::webhooks::{check_url, disables, signature_header};
use crate::outbound;

/// How long the receiver has to answer.
const TIMEOUT: Duration = Duration::from_secs(15);
/// How long a lease lasts: longer than an attempt can take.
const LEASE_SECONDS: i32 = 120;
/// How much of an answer the delivery log keeps.
const EXCERPT_BYTES: usize = 1024;
/// Sends due deliveries until the process ends.
pub async fn run(pool: Pool, database_url: String, policy: WebhookPolicy) {
    crate::outbox::run(
        "webhook deliveries",
        database_url,
        db::webhooks::OUTBOX_CHANNEL,
        || {
            let pool = pool.clone();
            async move { deliver_due(&pool, policy).await }
        },
    )
    .await;
}

/// Leases what is due and sends it; how many were sent.
async fn deliver_due(pool: &Pool, policy: WebhookPolicy) -> anyhow::Result<usize> {
    let due = {
        let mut conn = pool.get().await?;
        db::webhooks::claim_due(&mut conn, 10, LEASE_SECONDS).await?
    };
    let count = due.len();
    let sends = due.into_iter().map(|delivery| async move {
        let (attempt, next) = send(&delivery, policy).await;
        let attempt = Attempt {
            status_code: attempt.status_code,
            duration_ms: attempt.duration_ms,
            response_excerpt: &attempt.excerpt,
            error: attempt.error.as_deref(),
        };
        let succeeded = matches!(next, Next::Succeeded);
        let mut conn = pool.get().await?;
        db::webhooks::record_attempt(&mut conn, delivery.delivery_id, &attempt, next).await?;
        if delivery.enabled {
            settle(&mut conn, &delivery, attempt.status_code, succeeded).await?;
        }
        anyhow::Ok(())
    });
    for result in futures_util::future::join_all(sends).await {
        result?;
    }
    Ok(count)
}

/// What an attempt means for its endpoint: a success ends its failing; a `410`, or five
/// days of failures, disables it and tells its organisation's owners and admins.
async fn settle(
    conn: &mut AsyncPgConnection,
    delivery: &Due,
    status_code: Option<i32>,
    succeeded: bool,
) -> anyhow::Result<()> {
    let id = delivery.webhook_id;
    if succeeded {
        return Ok(db::webhooks::succeeded(conn, id).await?);
    }
    conn.transaction::<_, diesel::result::Error, _>(async |conn| {
        let failing_since = db::webhooks::failed(conn, id).await?;
        let Some(reason) = disables(status_code, failing_since, Utc::now()) else {
            return Ok(());
        };
        if db::webhooks::disable(conn, id, reason).await? {
            let details = serde_json::json!({
                "webhook_id": id, "webhook_url": delivery.url, "reason": reason,
                "failing_since": failing_since,
            });
            db::notifications::notify_admins(
                conn,
                delivery.organization_id,
                shared::NotificationKind::WebhookDisabled,
                "organization",
                delivery.organization_id,
                details,
            )
            .await?;
        }
        Ok(())
    })
    .await?;
    Ok(())
}

/// What one attempt found.
struct Outcome {
    status_code: Option<i32>,
    duration_ms: i32,
    excerpt: String,
    error: Option<String>,
}

/// Sends one delivery: its URL checked again and resolved, connecting only to the checked
/// addresses, signed, within [`TIMEOUT`]; and what comes next.
async fn send(delivery: &Due, policy: WebhookPolicy) -> (Outcome, Next) {
    let started = Instant::now();
    let failed = |error: String, retry_after: Option<Duration>| {
        let outcome = Outcome {
            status_code: None,
            duration_ms: elapsed_ms(started),
            excerpt: String::new(),
            error: Some(error),
        };
        (outcome, retry(delivery.attempts, retry_after))
    };
    if !delivery.enabled {
        let outcome = Outcome {
            status_code: None,
            duration_ms: 0,
            excerpt: String::new(),
            error: Some("the webhook is disabled".to_owned()),
        };
        return (outcome, Next::Failed);
    }
    let url = match check_url(&delivery.url, policy.allow_private) {
        Ok(url) => url,
        Err(problem) => return failed(url_refused(problem), None),
    };
    let addresses = match outbound::resolve(&url, policy).await {
        Ok(addresses) => addresses,
        Err(problem) => return failed(url_refused(problem), None),
    };
    let client = match client(&url, &addresses) {
        Ok(client) => client,
        Err(error) => return failed(error.to_string(), None),
    };
    let timestamp = Utc::now().timestamp();
    let secrets: Vec<&str> = delivery.secrets.iter().map(String::as_str).collect();
    let signature = signature_header(
        &secrets,
        &delivery.message_id,
        timestamp,
        delivery.body.as_bytes(),
    );
    let response = client
        .post(url)
        .header("content-type", "application/json")
        .header("user-agent", "Innolabb-Webhooks/1")
        .header("webhook-id", &delivery.message_id)
        .header("webhook-timestamp", timestamp.to_string())
        .header("webhook-signature", signature)
        .body(delivery.body.clone())
        .send()
        .await;
    let mut response = match response {
        Ok(response) => response,
        Err(error) => return failed(describe(&error), None),
    };
    let status = response.status();
    let retry_after = response
        .headers()
        .get("retry-after")
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.trim().parse::<u64>().ok())
        .map(Duration::from_secs);
    let excerpt = excerpt(&mut response).await;
    let outcome = Outcome {
        status_code: Some(i32::from(status.as_u16())),
        duration_ms: elapsed_ms(started),
        excerpt,
        error: None,
    };
    let next = if status.is_success() {
        Next::Succeeded
    } else if status.as_u16() == 410 {
        Next::Failed
    } else {
        retry(delivery.attempts, retry_after)
    };
    (outcome, next)
}

/// A client for one delivery: it reaches the URL's host only at the checked addresses,
/// follows no redirect and uses no proxy.
fn client(url: &url::Url, addresses: &[SocketAddr]) -> reqwest::Result<reqwest::Client> {
    let mut builder = reqwest::Client::builder()
        .timeout(TIMEOUT)
        .redirect(reqwest::redirect::Policy::none())
        .no_proxy();
    if let Some(url::Host::Domain(name)) = url.host() {
        builder = builder.resolve_to_addrs(name, addresses);
    }
    builder.build()
}

/// After the attempt numbered `attempts + 1` failed: when to try again, or not at all.
fn retry(attempts: i32, retry_after: Option<Duration>) -> Next {
    crate::outbox::retry_at(attempts, retry_after).map_or(Next::Failed, Next::RetryAt)
}

/// The first [`EXCERPT_BYTES`] of the answer, as text.
async fn excerpt(response: &mut reqwest::Response) -> String {
    let mut bytes = Vec::new();
    while bytes.len() < EXCERPT_BYTES {
        match response.chunk().await {
            Ok(Some(chunk)) => bytes.extend_from_slice(&chunk),
            _ => break,
        }
    }
    bytes.truncate(EXCERPT_BYTES);
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Why the URL was not called, for the delivery log — which, like every text the worker
/// writes there, is in English.
fn url_refused(problem: crate::domain::webhooks::UrlProblem) -> String {
    let reason = crate::i18n::speaking(crate::i18n::Language::English, || problem.message());
    format!("the URL {reason}")
}

fn describe(error: &reqwest::Error) -> String {
    if error.is_timeout() {
        format!("no answer within {} s", TIMEOUT.as_secs())
    } else if error.is_connect() {
        "the connection was refused or failed".to_owned()
    } else {
        "the request failed".to_owned()
    }
}

fn elapsed_ms(started: Instant) -> i32 {
    i32::try_from(started.elapsed().as_millis()).unwrap_or(i32::MAX)
}
