-- The method bank: methods that labs verified, the evidence for them, and the adoptions
-- that spread them to other housing companies (each adoption may open a lab of its own,
-- whose indicators are copies of the method's, so its results are measured the same way).

CREATE TABLE methods (
    id                     UUID PRIMARY KEY,
    -- The owning and contact organisation.
    organization_id        UUID NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    title                  TEXT NOT NULL,
    summary                TEXT NOT NULL DEFAULT '',
    problem                TEXT NOT NULL DEFAULT '',
    -- Markdown, with its sanitised HTML made when it is written (as a lab's description).
    approach               TEXT NOT NULL DEFAULT '',
    approach_html          TEXT NOT NULL DEFAULT '',
    results                TEXT NOT NULL DEFAULT '',
    -- What it takes to use it elsewhere.
    transfer_staff         TEXT NOT NULL DEFAULT '',
    transfer_time          TEXT NOT NULL DEFAULT '',
    transfer_cost_range    TEXT NOT NULL DEFAULT '',
    transfer_prerequisites TEXT NOT NULL DEFAULT '',
    target_groups          TEXT[] NOT NULL DEFAULT '{}',
    challenge_areas        TEXT[] NOT NULL CHECK (cardinality(challenge_areas) BETWEEN 1 AND 4),
    -- [{title, url, kind}]: links, manuals, guides, reports.
    resources              JSONB NOT NULL DEFAULT '[]',
    licence                TEXT NOT NULL DEFAULT 'CC-BY-4.0',
    status                 TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'retired')),
    retired_reason         TEXT,
    published_at           TIMESTAMPTZ,
    -- An independent review: it may confirm or lower the claimed level, never exceed it.
    reviewed_level         INTEGER CHECK (reviewed_level BETWEEN 1 AND 5),
    review_note            TEXT,
    reviewed_by            UUID REFERENCES organizations (id) ON DELETE SET NULL,
    created_by             UUID REFERENCES users (id) ON DELETE SET NULL,
    version                INTEGER NOT NULL DEFAULT 1,
    created_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at             TIMESTAMPTZ NOT NULL DEFAULT now(),
    search                 TSVECTOR GENERATED ALWAYS AS (
                               setweight(to_tsvector('swedish', title), 'A') ||
                               setweight(to_tsvector('swedish', summary || ' ' || problem), 'B') ||
                               setweight(to_tsvector('swedish', approach || ' ' || results), 'C')) STORED
);
CREATE INDEX methods_newest_idx ON methods (created_at DESC, id DESC);
CREATE INDEX methods_organization_idx ON methods (organization_id);
CREATE INDEX methods_status_idx ON methods (status);
CREATE INDEX methods_areas_idx ON methods USING GIN (challenge_areas);
CREATE INDEX methods_search_idx ON methods USING GIN (search);

-- The labs a method came from, and the verified ideas that are part of it.
CREATE TABLE method_origin_labs (
    method_id UUID NOT NULL REFERENCES methods (id) ON DELETE CASCADE,
    lab_id    UUID NOT NULL REFERENCES labs (id) ON DELETE CASCADE,
    PRIMARY KEY (method_id, lab_id)
);
CREATE INDEX method_origin_labs_lab_idx ON method_origin_labs (lab_id);

CREATE TABLE method_origin_ideas (
    method_id UUID NOT NULL REFERENCES methods (id) ON DELETE CASCADE,
    idea_id   UUID NOT NULL REFERENCES ideas (id) ON DELETE CASCADE,
    PRIMARY KEY (method_id, idea_id)
);

-- The indicators (of origin labs) that measure what the method changes.
CREATE TABLE method_indicators (
    method_id    UUID NOT NULL REFERENCES methods (id) ON DELETE CASCADE,
    indicator_id UUID NOT NULL REFERENCES lab_indicators (id) ON DELETE CASCADE,
    PRIMARY KEY (method_id, indicator_id)
);

-- Evidence entries on Nesta's scale, by the owning organisation.
CREATE TABLE method_evidence (
    id               UUID PRIMARY KEY,
    method_id        UUID NOT NULL REFERENCES methods (id) ON DELETE CASCADE,
    level            INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
    summary          TEXT NOT NULL,
    -- [{title, url}]
    sources          JSONB NOT NULL DEFAULT '[]',
    indicator_ids    UUID[] NOT NULL DEFAULT '{}',
    comparison_group BOOLEAN NOT NULL DEFAULT FALSE,
    created_by       UUID REFERENCES users (id) ON DELETE SET NULL,
    created_at       TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX method_evidence_method_idx ON method_evidence (method_id, level);

CREATE TABLE adoptions (
    id                UUID PRIMARY KEY,
    method_id         UUID NOT NULL REFERENCES methods (id) ON DELETE CASCADE,
    organization_id   UUID NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
    municipality_code TEXT NOT NULL REFERENCES municipalities (code),
    neighbourhood     TEXT NOT NULL DEFAULT '',
    started_on        DATE,
    status            TEXT NOT NULL DEFAULT 'planned' CHECK (status IN
                          ('planned', 'running', 'completed', 'discontinued')),
    adaptations       TEXT NOT NULL DEFAULT '',
    outcome           TEXT NOT NULL DEFAULT '',
    -- The lab the adoption opened to measure its own results, if any.
    lab_id            UUID REFERENCES labs (id) ON DELETE SET NULL,
    created_by        UUID REFERENCES users (id) ON DELETE SET NULL,
    version           INTEGER NOT NULL DEFAULT 1,
    created_at        TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at        TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE INDEX adoptions_method_idx ON adoptions (method_id, created_at);
CREATE INDEX adoptions_organization_idx ON adoptions (organization_id);
CREATE INDEX adoptions_municipality_idx ON adoptions (municipality_code);
CREATE INDEX adoptions_lab_idx ON adoptions (lab_id);

-- An indicator copied from a method's indicator when an adoption opened its lab.
ALTER TABLE lab_indicators ADD COLUMN copied_from UUID REFERENCES lab_indicators (id) ON DELETE SET NULL;
CREATE INDEX lab_indicators_copied_from_idx ON lab_indicators (copied_from);
