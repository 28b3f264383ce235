//! An organisation's webhooks and their delivery logs.

use std::fmt::Display;

use shared::{CreateWebhook, Page, UpdateWebhook, Webhook, WebhookDelivery, WebhookWithSecret};

use super::{Read, Write, segment};

fn webhook_path(organization: impl Display, webhook: impl Display) -> String {
    format!(
        "/organizations/{}/webhooks/{}",
        segment(organization),
        segment(webhook)
    )
}

/// `list_organization_webhooks`
pub fn list(organization: impl Display) -> Read<Page<Webhook>> {
    Read::new(format!("/organizations/{}/webhooks", segment(organization)))
}

/// `create_organization_webhook`: the answer holds the secret, shown this once.
pub fn create(organization: impl Display, body: &CreateWebhook) -> Write<WebhookWithSecret> {
    Write::post(
        format!("/organizations/{}/webhooks", segment(organization)),
        body,
    )
}

/// `update_organization_webhook` (with `If-Match`)
pub fn update(
    organization: impl Display,
    webhook: impl Display,
    body: &UpdateWebhook,
) -> Write<Webhook> {
    Write::patch(webhook_path(organization, webhook), body)
}

/// `delete_organization_webhook`
pub fn remove(organization: impl Display, webhook: impl Display) -> Write<()> {
    Write::delete(webhook_path(organization, webhook))
}

/// `rotate_organization_webhook_secret`: the new secret, shown this once.
pub fn rotate_secret(
    organization: impl Display,
    webhook: impl Display,
) -> Write<WebhookWithSecret> {
    Write::post_empty(format!(
        "{}/rotate-secret",
        webhook_path(organization, webhook)
    ))
}

/// `ping_organization_webhook`
pub fn ping(organization: impl Display, webhook: impl Display) -> Write<WebhookDelivery> {
    Write::post_empty(format!("{}/ping", webhook_path(organization, webhook)))
}

/// `list_organization_webhook_deliveries`
pub fn deliveries(
    organization: impl Display,
    webhook: impl Display,
) -> Read<Page<WebhookDelivery>> {
    Read::new(format!(
        "{}/deliveries",
        webhook_path(organization, webhook)
    ))
}

/// `redeliver_organization_webhook_delivery`
pub fn redeliver(
    organization: impl Display,
    webhook: impl Display,
    delivery: impl Display,
) -> Write<WebhookDelivery> {
    Write::post_empty(format!(
        "{}/deliveries/{}/redeliver",
        webhook_path(organization, webhook),
        segment(delivery)
    ))
}
