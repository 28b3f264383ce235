ALTER TABLE webhooks DROP COLUMN failing_since, DROP COLUMN disabled_reason;
DROP TABLE webhook_attempts;
DROP TABLE webhook_deliveries;
