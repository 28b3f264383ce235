-- Webhooks: an organisation's endpoints for the events it may see, each with the secret
-- that signs its deliveries (Standard Webhooks).
CREATE TABLE webhooks (
    id                    UUID PRIMARY KEY,
    organization_id       UUID NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    url                   TEXT NOT NULL,
    description           TEXT NOT NULL DEFAULT '',
    events                TEXT[] NOT NULL CHECK (cardinality(events) >= 1),
    enabled               BOOLEAN NOT NULL DEFAULT TRUE,
    -- Kept as it is, since signing needs it (a hash would not do); shown once, when made.
    secret                TEXT NOT NULL,
    -- After a rotation the old secret signs beside the new one until this time.
    previous_secret       TEXT,
    previous_secret_until TIMESTAMPTZ,
    created_by            UUID REFERENCES users (id) ON DELETE SET NULL,
    version               INTEGER NOT NULL DEFAULT 1,
    created_at            TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at            TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX webhooks_organization_idx ON webhooks (organization_id, created_at);
