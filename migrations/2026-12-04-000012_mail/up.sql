-- Outgoing e-mail, and the single-use tokens that mails carry (verifying an address,
-- choosing a new password).

-- When the person proved they read mail at their address (NULL: not yet).
ALTER TABLE users ADD COLUMN email_verified_at TIMESTAMPTZ;

-- Tokens sent by mail: stored only as SHA-256 hashes, used once, valid until expires_at.
CREATE TABLE account_tokens (
    token_hash BYTEA PRIMARY KEY,
    user_id    UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    purpose    TEXT NOT NULL CHECK (purpose IN ('verify_email', 'password_reset')),
    -- The address a verification token proves (the account's address may change after).
    email      TEXT NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX account_tokens_user_idx ON account_tokens (user_id, purpose);

-- The outbox of e-mail: written in the transaction of its cause, sent by the mail worker
-- (api/src/mail/worker.rs), which leases a due mail (locked_until), commits, sends, and
-- records the attempt. A finished mail's bodies are erased: they may carry a token.
CREATE TABLE mail_outbox (
    id               UUID PRIMARY KEY,
    -- The person it is for; their pending mail goes with their account.
    user_id          UUID REFERENCES users (id) ON DELETE CASCADE,
    recipient        TEXT NOT NULL,
    -- What the mail is: verify_email, password_reset, notification, digest, ...
    kind             TEXT NOT NULL,
    subject          TEXT NOT NULL,
    body_text        TEXT NOT NULL,
    body_html        TEXT NOT NULL,
    -- The one-click unsubscribe URL of a notification (List-Unsubscribe, RFC 8058).
    unsubscribe_url  TEXT,
    status           TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sent', 'failed')),
    attempts         INTEGER NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    locked_until     TIMESTAMPTZ,
    last_error       TEXT,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now(),
    finished_at      TIMESTAMPTZ
);
CREATE INDEX mail_outbox_due_idx ON mail_outbox (next_attempt_at) WHERE status = 'pending';
CREATE INDEX mail_outbox_user_idx ON mail_outbox (user_id);
