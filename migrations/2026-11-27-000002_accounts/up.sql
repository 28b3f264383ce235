-- People, organisations, memberships, partner API keys, sessions, rate limits, audit log.

CREATE TABLE users (
    id                UUID PRIMARY KEY,
    -- Normalised: trimmed and lower-cased before it is stored or looked up.
    email             TEXT NOT NULL UNIQUE CHECK (email = lower(btrim(email))),
    password_hash     TEXT NOT NULL,
    display_name      TEXT NOT NULL,
    locale            TEXT NOT NULL DEFAULT 'sv' CHECK (locale IN ('sv', 'en')),
    is_platform_admin BOOLEAN NOT NULL DEFAULT FALSE,
    version           INTEGER NOT NULL DEFAULT 1,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);

-- Refresh tokens: stored only as SHA-256 hashes. Every token descends from one login
-- (its family); reusing a used token revokes the whole family.
CREATE TABLE refresh_tokens (
    id         UUID PRIMARY KEY,
    user_id    UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    family_id  UUID NOT NULL,
    token_hash BYTEA NOT NULL UNIQUE,
    expires_at TIMESTAMPTZ NOT NULL,
    used_at    TIMESTAMPTZ,
    revoked_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id);
CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id);

CREATE TABLE organizations (
    id                UUID PRIMARY KEY,
    name              TEXT NOT NULL COLLATE "sv-SE-x-icu",
    kind              TEXT NOT NULL CHECK (kind IN ('housing_company', 'tenant_association', 'municipality',
                          'business', 'civil_society', 'school', 'research', 'public_agency')),
    -- Normalised as NNNNNN-NNNN.
    org_number        TEXT NOT NULL UNIQUE CHECK (org_number ~ '^[0-9]{6}-[0-9]{4}$'),
    municipality_code TEXT NOT NULL REFERENCES municipalities (code),
    description       TEXT NOT NULL DEFAULT '',
    website           TEXT,
    verified          BOOLEAN NOT NULL DEFAULT FALSE,
    verified_at       TIMESTAMPTZ,
    version           INTEGER NOT NULL DEFAULT 1,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    search            TSVECTOR GENERATED ALWAYS AS (
                          setweight(to_tsvector('swedish', name), 'A') ||
                          setweight(to_tsvector('swedish', description), 'B')) STORED
);
CREATE INDEX organizations_municipality_idx ON organizations (municipality_code);
CREATE INDEX organizations_search_idx ON organizations USING GIN (search);

CREATE TABLE memberships (
    organization_id UUID NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    user_id         UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role            TEXT NOT NULL CHECK (role IN ('owner', 'admin', 'member')),
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (organization_id, user_id)
);
CREATE INDEX memberships_user_idx ON memberships (user_id);

-- Partner systems' keys: stored only as SHA-256 hashes of the secret.
CREATE TABLE api_keys (
    id              UUID PRIMARY KEY,
    organization_id UUID NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    name            TEXT NOT NULL,
    prefix          TEXT NOT NULL,
    secret_hash     BYTEA NOT NULL UNIQUE,
    scopes          TEXT[] NOT NULL,
    created_by      UUID REFERENCES users (id) ON DELETE SET NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    last_used_at    TIMESTAMPTZ,
    revoked_at      TIMESTAMPTZ
);
CREATE INDEX api_keys_organization_idx ON api_keys (organization_id);

-- Fixed-window counters shared by every API instance. Unlogged: losing them in a crash
-- only resets the windows.
CREATE UNLOGGED TABLE rate_limits (
    key          TEXT PRIMARY KEY,
    window_start TIMESTAMPTZ NOT NULL,
    count        INTEGER NOT NULL
);

-- Who changed what state, when.
CREATE TABLE audit_log (
    id               UUID PRIMARY KEY,
    actor_user_id    UUID REFERENCES users (id) ON DELETE SET NULL,
    actor_api_key_id UUID REFERENCES api_keys (id) ON DELETE SET NULL,
    action           TEXT NOT NULL,
    subject_type     TEXT NOT NULL,
    subject_id       UUID NOT NULL,
    details          JSONB NOT NULL DEFAULT '{}',
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX audit_log_subject_idx ON audit_log (subject_type, subject_id, created_at);
