-- A POST with an Idempotency-Key now runs in one transaction with its key: the key's row is
-- written, with the answer, only when the request's work commits. A row without an answer
-- ("still being handled") can no longer exist; those left by the earlier scheme go.
DELETE FROM idempotency_keys WHERE status IS NULL;
UPDATE idempotency_keys SET response_body = '' WHERE response_body IS NULL;
ALTER TABLE idempotency_keys
    ALTER COLUMN status SET NOT NULL,
    ALTER COLUMN response_body SET NOT NULL;
COMMENT ON TABLE idempotency_keys IS
    'The first answer to a POST sent with an Idempotency-Key, per caller, kept 24 hours; '
    'written in the same transaction as the work it answers.';
