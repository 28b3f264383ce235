//! Webhooks: an organisation's endpoints that are told of events, signed by the Standard
//! Webhooks scheme.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The events a webhook may subscribe to.
pub const EVENT_TYPES: [&str; 14] = [
    "match.requested",
    "match.accepted",
    "match.declined",
    "match.withdrawn",
    "match.started",
    "match.completed",
    "match.message_posted",
    "idea.created",
    "idea.status_changed",
    "lab.phase_changed",
    "need.created",
    "offering.created",
    "method.published",
    "method.adopted",
];

/// A webhook as listed and read (never with its secret).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0192e9b0-7d1c-7c3e-9f3a-1b2c3d4e5f70", "organization_id": "0192e9b0-7d1c-7c3e-9f3a-1b2c3d4e5f61",
    "url": "https://hyresgastportal.example.se/innolabb/webhooks", "description": "Hyresgästportalen",
    "events": ["match.requested", "idea.created"], "enabled": true,
    "secret_rotated_until": null, "created_at": "2026-12-03T09:00:00Z",
    "updated_at": "2026-12-03T09:00:00Z", "version": 1
})))]
pub struct Webhook {
    pub id: Uuid,
    pub organization_id: Uuid,
    pub url: String,
    pub description: String,
    /// The event types it is sent (see `POST …/webhooks`).
    pub events: Vec<String>,
    pub enabled: bool,
    /// After a rotation: until when the previous secret still signs beside the new one.
    pub secret_rotated_until: Option<DateTime<Utc>>,
    /// Since when every attempt has failed (none while deliveries succeed); after five
    /// days of this the webhook is disabled.
    pub failing_since: Option<DateTime<Utc>>,
    /// Why Innolabb disabled it, if it did (`410 Gone`, or five days of failures).
    pub disabled_reason: Option<String>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub version: i32,
}

/// `POST /organizations/{id}/webhooks`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "url": "https://hyresgastportal.example.se/innolabb/webhooks", "description": "Hyresgästportalen",
    "events": ["match.requested", "match.accepted", "idea.created"]
})))]
#[serde(deny_unknown_fields)]
pub struct CreateWebhook {
    /// `https`, to a public address.
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 2000))]
    pub url: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub description: String,
    /// One or more of `match.requested`, `match.accepted`, `match.declined`,
    /// `match.withdrawn`, `match.started`, `match.completed`, `match.message_posted`, `idea.created`,
    /// `idea.status_changed`, `lab.phase_changed`, `need.created`, `offering.created`,
    /// `method.published`, `method.adopted`.
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 14))]
    pub events: Vec<String>,
    /// Whether it is sent events (default true).
    #[serde(default)]
    pub enabled: Option<bool>,
}

/// `PATCH /organizations/{id}/webhooks/{webhook_id}`: the fields to change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"enabled": false})))]
#[serde(deny_unknown_fields)]
pub struct UpdateWebhook {
    #[cfg_attr(feature = "openapi", schema(min_length = 1, max_length = 2000))]
    pub url: Option<String>,
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub description: Option<String>,
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 14))]
    pub events: Option<Vec<String>>,
    pub enabled: Option<bool>,
}

/// A webhook with its secret: the answer to creating one and to rotating its secret, the
/// only times the secret is shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WebhookWithSecret {
    pub webhook: Webhook,
    /// `whsec_` and the base64 of 32 random bytes: the key of the HMAC-SHA256 signatures.
    #[cfg_attr(feature = "openapi", schema(value_type = String))]
    pub secret: crate::Secret,
}

/// One event sent to one webhook, with its attempts: the delivery log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WebhookDelivery {
    pub id: Uuid,
    /// The `webhook-id` header: the same on every attempt and redelivery.
    pub message_id: String,
    pub event_type: String,
    /// `pending` (being tried), `succeeded` or `failed` (no more attempts).
    pub status: String,
    /// When it is tried next, while pending.
    pub next_attempt_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
    /// Oldest first.
    pub attempts: Vec<WebhookAttempt>,
}

/// One try at a delivery.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct WebhookAttempt {
    pub attempted_at: DateTime<Utc>,
    /// The receiver's HTTP status; none when there was no answer.
    pub status_code: Option<i32>,
    pub duration_ms: i32,
    /// The first 1 KiB of the answer.
    pub response_excerpt: String,
    /// Why there was no answer (a timeout, a refused connection, an address not allowed).
    pub error: Option<String>,
}
