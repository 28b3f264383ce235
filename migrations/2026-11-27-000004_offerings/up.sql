-- What actor organisations offer housing companies, and the matches between needs and
-- offerings, with their message threads.

CREATE TABLE offerings (
    id                      UUID PRIMARY KEY,
    organization_id         UUID NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    title                   TEXT NOT NULL,
    description             TEXT NOT NULL DEFAULT '',
    kind                    TEXT NOT NULL CHECK (kind IN
                                ('service', 'method', 'product', 'funding', 'volunteering', 'expertise')),
    challenge_areas         TEXT[] NOT NULL CHECK (cardinality(challenge_areas) >= 1),
    -- Where it is offered: the whole country, whole counties, or single municipalities.
    coverage_national       BOOLEAN NOT NULL DEFAULT FALSE,
    coverage_counties       TEXT[] NOT NULL DEFAULT '{}',
    coverage_municipalities TEXT[] NOT NULL DEFAULT '{}',
    tags                    TEXT[] NOT NULL DEFAULT '{}',
    status                  TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused')),
    created_by              UUID REFERENCES users (id) ON DELETE SET NULL,
    version                 INTEGER NOT NULL DEFAULT 1,
    created_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    search                  TSVECTOR GENERATED ALWAYS AS (
                                setweight(to_tsvector('swedish', title), 'A') ||
                                setweight(to_tsvector('swedish', description), 'B')) STORED
);
CREATE INDEX offerings_newest_idx ON offerings (created_at DESC, id DESC);
CREATE INDEX offerings_organization_idx ON offerings (organization_id);
CREATE INDEX offerings_areas_idx ON offerings USING GIN (challenge_areas);
CREATE INDEX offerings_counties_idx ON offerings USING GIN (coverage_counties);
CREATE INDEX offerings_municipalities_idx ON offerings USING GIN (coverage_municipalities);
CREATE INDEX offerings_tags_idx ON offerings USING GIN (tags);
CREATE INDEX offerings_search_idx ON offerings USING GIN (search);
CREATE INDEX needs_tags_idx ON needs USING GIN (tags);

CREATE TABLE matches (
    id                       UUID PRIMARY KEY,
    need_id                  UUID NOT NULL REFERENCES needs (id) ON DELETE CASCADE,
    offering_id              UUID NOT NULL REFERENCES offerings (id) ON DELETE CASCADE,
    need_organization_id     UUID NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    offering_organization_id UUID NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    -- Which side asked: the other side accepts or declines.
    requested_by             TEXT NOT NULL CHECK (requested_by IN ('need', 'offering')),
    state                    TEXT NOT NULL DEFAULT 'requested' CHECK (state IN
                                 ('requested', 'accepted', 'declined', 'withdrawn', 'active', 'completed')),
    message                  TEXT NOT NULL DEFAULT '',
    reason                   TEXT,
    outcome                  TEXT,
    lab_id                   UUID REFERENCES labs (id) ON DELETE SET NULL,
    created_by               UUID REFERENCES users (id) ON DELETE SET NULL,
    created_at               TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at               TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- One live match per pair; a withdrawn request may be made again.
CREATE UNIQUE INDEX matches_pair_idx ON matches (need_id, offering_id) WHERE state <> 'withdrawn';
CREATE INDEX matches_need_organization_idx ON matches (need_organization_id, created_at DESC);
CREATE INDEX matches_offering_organization_idx ON matches (offering_organization_id, created_at DESC);

CREATE TABLE match_messages (
    id              UUID PRIMARY KEY,
    match_id        UUID NOT NULL REFERENCES matches (id) ON DELETE CASCADE,
    author_id       UUID REFERENCES users (id) ON DELETE SET NULL,
    organization_id UUID NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    body            TEXT NOT NULL,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX match_messages_match_idx ON match_messages (match_id, created_at, id);
CREATE INDEX notifications_unread_idx ON notifications (user_id) WHERE read_at IS NULL;
