COMMENT ON TABLE idempotency_keys IS NULL;
ALTER TABLE idempotency_keys
    ALTER COLUMN status DROP NOT NULL,
    ALTER COLUMN response_body DROP NOT NULL;
