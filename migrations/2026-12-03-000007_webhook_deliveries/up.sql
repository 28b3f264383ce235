-- The outbox of webhooks: one delivery per event and webhook, written in the transaction of
-- the change that caused it, and sent by the worker (api/src/webhook_worker.rs), which
-- leases a due delivery (locked_until), commits, calls, and records the attempt.
CREATE TABLE webhook_deliveries (
    id              UUID PRIMARY KEY,
    webhook_id      UUID NOT NULL REFERENCES webhooks (id) ON DELETE CASCADE,
    -- `webhook-id`: the same on every attempt and redelivery, so receivers can deduplicate.
    message_id      TEXT NOT NULL,
    event_type      TEXT NOT NULL,
    -- The exact body sent: {"id", "type", "created_at", "data"}.
    payload         JSONB NOT NULL,
    status          TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    locked_until    TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at     TIMESTAMPTZ
);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_webhook_idx ON webhook_deliveries (webhook_id, created_at DESC);

-- Every attempt of a delivery, for the delivery log.
CREATE TABLE webhook_attempts (
    id               UUID PRIMARY KEY,
    delivery_id      UUID NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
    attempted_at     TIMESTAMPTZ NOT NULL DEFAULT now(),
    status_code      INTEGER,
    duration_ms      INTEGER NOT NULL,
    -- The first 1 KiB of the answer, or why there was none.
    response_excerpt TEXT NOT NULL DEFAULT '',
    error            TEXT
);
CREATE INDEX webhook_attempts_delivery_idx ON webhook_attempts (delivery_id, attempted_at);

-- An endpoint failing every attempt since this time (none while it succeeds) is disabled
-- after five days, and why it was disabled is kept for its organisation to read.
ALTER TABLE webhooks ADD COLUMN failing_since TIMESTAMPTZ, ADD COLUMN disabled_reason TEXT;
