-- Labs with their participants and indicators, the needs they publish, the ideas posted to
-- them (with votes and comments), in-app notifications, and the stored answers that make a
-- retried POST with the same Idempotency-Key safe.

CREATE TABLE labs (
    id                   UUID PRIMARY KEY,
    -- The lead host: shown as "the host"; always one of the participants with role 'host'.
    host_organization_id UUID NOT NULL REFERENCES organizations (id),
    title                TEXT NOT NULL,
    summary              TEXT NOT NULL DEFAULT '',
    description          TEXT NOT NULL DEFAULT '',
    -- The description as sanitised HTML, made when the description is written.
    description_html     TEXT NOT NULL DEFAULT '',
    challenge_area       TEXT NOT NULL REFERENCES challenge_areas (key),
    municipality_code    TEXT NOT NULL REFERENCES municipalities (code),
    neighbourhood        TEXT NOT NULL DEFAULT '',
    starts_on            DATE,
    ends_on              DATE,
    visibility           TEXT NOT NULL CHECK (visibility IN ('public', 'members')),
    phase                TEXT NOT NULL DEFAULT 'forming' CHECK (phase IN
                             ('forming', 'ideation', 'testing', 'verifying', 'spreading', 'closed')),
    created_by           UUID REFERENCES users (id) ON DELETE SET NULL,
    version              INTEGER NOT NULL DEFAULT 1,
    created_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at           TIMESTAMPTZ NOT NULL DEFAULT now(),
    search               TSVECTOR GENERATED ALWAYS AS (
                             setweight(to_tsvector('swedish', title), 'A') ||
                             setweight(to_tsvector('swedish', summary || ' ' || neighbourhood), 'B') ||
                             setweight(to_tsvector('swedish', description), 'C')) STORED,
    CHECK (ends_on IS NULL OR starts_on IS NULL OR ends_on >= starts_on)
);
CREATE INDEX labs_newest_idx ON labs (created_at DESC, id DESC);
CREATE INDEX labs_municipality_idx ON labs (municipality_code);
CREATE INDEX labs_host_idx ON labs (host_organization_id);
CREATE INDEX labs_search_idx ON labs USING GIN (search);

CREATE TABLE lab_participants (
    lab_id          UUID NOT NULL REFERENCES labs (id) ON DELETE CASCADE,
    organization_id UUID NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    role            TEXT NOT NULL CHECK (role IN ('host', 'partner', 'researcher', 'tenant_representative')),
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (lab_id, organization_id)
);
CREATE INDEX lab_participants_organization_idx ON lab_participants (organization_id);

CREATE TABLE lab_indicators (
    id         UUID PRIMARY KEY,
    lab_id     UUID NOT NULL REFERENCES labs (id) ON DELETE CASCADE,
    name       TEXT NOT NULL,
    unit       TEXT NOT NULL,
    baseline   DOUBLE PRECISION NOT NULL,
    target     DOUBLE PRECISION NOT NULL,
    direction  TEXT NOT NULL CHECK (direction IN ('increase', 'decrease')),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX lab_indicators_lab_idx ON lab_indicators (lab_id, created_at);

CREATE TABLE indicator_measurements (
    id           UUID PRIMARY KEY,
    indicator_id UUID NOT NULL REFERENCES lab_indicators (id) ON DELETE CASCADE,
    measured_on  DATE NOT NULL,
    value        DOUBLE PRECISION NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    created_at   TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX indicator_measurements_indicator_idx ON indicator_measurements (indicator_id, measured_on);

CREATE TABLE needs (
    id                UUID PRIMARY KEY,
    lab_id            UUID NOT NULL REFERENCES labs (id) ON DELETE CASCADE,
    -- The organisation that has the need: the lab's lead host when it was published.
    organization_id   UUID NOT NULL REFERENCES organizations (id),
    title             TEXT NOT NULL,
    description       TEXT NOT NULL DEFAULT '',
    challenge_area    TEXT NOT NULL REFERENCES challenge_areas (key),
    municipality_code TEXT NOT NULL REFERENCES municipalities (code),
    tags              TEXT[] NOT NULL DEFAULT '{}',
    status            TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'filled', 'withdrawn')),
    created_by        UUID REFERENCES users (id) ON DELETE SET NULL,
    version           INTEGER NOT NULL DEFAULT 1,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    search            TSVECTOR GENERATED ALWAYS AS (
                          setweight(to_tsvector('swedish', title), 'A') ||
                          setweight(to_tsvector('swedish', description), 'B')) STORED
);
CREATE INDEX needs_lab_idx ON needs (lab_id, created_at DESC, id DESC);
CREATE INDEX needs_newest_idx ON needs (created_at DESC, id DESC);
CREATE INDEX needs_municipality_idx ON needs (municipality_code);
CREATE INDEX needs_search_idx ON needs USING GIN (search);

CREATE TABLE ideas (
    id              UUID PRIMARY KEY,
    lab_id          UUID NOT NULL REFERENCES labs (id) ON DELETE CASCADE,
    -- A person, or NULL when a partner system posted it (then organization_id says whose).
    author_id       UUID REFERENCES users (id) ON DELETE SET NULL,
    -- Posted on behalf of this organisation, if any.
    organization_id UUID REFERENCES organizations (id) ON DELETE SET NULL,
    title           TEXT NOT NULL,
    body            TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL DEFAULT 'submitted' CHECK (status IN
                        ('submitted', 'shortlisted', 'testing', 'verified', 'rejected', 'archived')),
    status_reason   TEXT,
    vote_count      INTEGER NOT NULL DEFAULT 0 CHECK (vote_count >= 0),
    comment_count   INTEGER NOT NULL DEFAULT 0 CHECK (comment_count >= 0),
    version         INTEGER NOT NULL DEFAULT 1,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    search          TSVECTOR GENERATED ALWAYS AS (
                        setweight(to_tsvector('swedish', title), 'A') ||
                        setweight(to_tsvector('swedish', body), 'B')) STORED
);
CREATE INDEX ideas_lab_idx ON ideas (lab_id, created_at DESC, id DESC);
CREATE INDEX ideas_newest_idx ON ideas (created_at DESC, id DESC);
CREATE INDEX ideas_most_voted_idx ON ideas (vote_count DESC, id DESC);
CREATE INDEX ideas_author_idx ON ideas (author_id);
CREATE INDEX ideas_search_idx ON ideas USING GIN (search);

CREATE TABLE idea_votes (
    idea_id    UUID NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    user_id    UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (idea_id, user_id)
);

CREATE TABLE idea_comments (
    id         UUID PRIMARY KEY,
    idea_id    UUID NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    -- One level of replies: a reply's parent is a top-level comment of the same idea.
    parent_id  UUID REFERENCES idea_comments (id) ON DELETE CASCADE,
    author_id  UUID REFERENCES users (id) ON DELETE SET NULL,
    body       TEXT NOT NULL,
    -- A removed comment keeps its place in the thread, without its text.
    removed_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX idea_comments_idea_idx ON idea_comments (idea_id, created_at, id);
CREATE INDEX idea_comments_parent_idx ON idea_comments (parent_id);

CREATE TABLE notifications (
    id         UUID PRIMARY KEY,
    user_id    UUID NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    -- What the notification is about, for the client to link to.
    subject_type TEXT NOT NULL,
    subject_id   UUID NOT NULL,
    details    JSONB NOT NULL DEFAULT '{}',
    read_at    TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX notifications_user_idx ON notifications (user_id, created_at DESC, id DESC);

-- The first answer to a POST sent with an Idempotency-Key, per caller, kept 24 hours.
-- A row without a status is a request still being handled.
CREATE TABLE idempotency_keys (
    caller        TEXT NOT NULL,
    key           TEXT NOT NULL,
    request_hash  BYTEA NOT NULL,
    status        SMALLINT,
    location      TEXT,
    etag          TEXT,
    response_body BYTEA,
    created_at    TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (caller, key)
);
CREATE INDEX idempotency_keys_created_idx ON idempotency_keys (created_at);
