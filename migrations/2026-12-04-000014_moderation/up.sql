-- Reports of content by signed-in people, the moderators' decisions on them, and content
-- hidden by moderation (kept, shown to its author and moderators only, restorable).

CREATE TABLE reports (
    id              UUID PRIMARY KEY,
    -- NULL once the reporter's account is deleted: the report and its decision stay.
    reporter_id     UUID REFERENCES users (id) ON DELETE SET NULL,
    target_type     TEXT NOT NULL CHECK (target_type IN ('idea', 'comment', 'offering', 'need', 'lab', 'organization')),
    target_id       UUID NOT NULL,
    -- The lab whose hosts moderate the target (ideas and comments), else NULL: platform admins.
    lab_id          UUID REFERENCES labs (id) ON DELETE CASCADE,
    reason          TEXT NOT NULL CHECK (reason IN ('spam', 'offensive', 'personal_data', 'misleading', 'other')),
    note            TEXT NOT NULL DEFAULT '',
    status          TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'hidden', 'dismissed', 'restored')),
    resolved_by     UUID REFERENCES users (id) ON DELETE SET NULL,
    resolution_note TEXT NOT NULL DEFAULT '',
    resolved_at     TIMESTAMPTZ,
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);
-- One open report per person and target.
CREATE UNIQUE INDEX reports_open_idx ON reports (reporter_id, target_type, target_id) WHERE status = 'open';
CREATE INDEX reports_queue_idx ON reports (status, created_at DESC, id DESC);
CREATE INDEX reports_target_idx ON reports (target_type, target_id);

ALTER TABLE ideas ADD COLUMN hidden_at TIMESTAMPTZ;
ALTER TABLE idea_comments ADD COLUMN hidden_at TIMESTAMPTZ;

-- The words searches are corrected to and completed from leave hidden ideas out.
DROP MATERIALIZED VIEW search_words;
CREATE MATERIALIZED VIEW search_words AS
SELECT word, ndoc AS documents
  FROM ts_stat($$
    SELECT to_tsvector('simple', concat_ws(' ', l.title, l.summary, l.neighbourhood,
                                           l.description, l.title_parts, l.text_parts))
      FROM labs l WHERE l.visibility = 'public'
    UNION ALL
    SELECT to_tsvector('simple', concat_ws(' ', n.title, n.description, n.title_parts, n.text_parts))
      FROM needs n JOIN labs l ON l.id = n.lab_id WHERE l.visibility = 'public'
    UNION ALL
    SELECT to_tsvector('simple', concat_ws(' ', i.title, i.body, i.title_parts, i.text_parts))
      FROM ideas i JOIN labs l ON l.id = i.lab_id
     WHERE l.visibility = 'public' AND i.hidden_at IS NULL
    UNION ALL
    SELECT to_tsvector('simple', concat_ws(' ', o.title, o.description, o.title_parts, o.text_parts))
      FROM offerings o
    UNION ALL
    SELECT to_tsvector('simple', concat_ws(' ', m.title, m.summary, m.problem, m.approach,
                                           m.results, m.title_parts, m.text_parts))
      FROM methods m WHERE m.status <> 'draft'
  $$)
 -- Words of letters only, as the API splits a search: no numbers, codes or addresses.
 WHERE length(word) BETWEEN 2 AND 40 AND word !~ '[^[:alpha:]]'
WITH DATA;

-- The unique index lets the view be refreshed without blocking readers (CONCURRENTLY).
CREATE UNIQUE INDEX search_words_word ON search_words (word);
CREATE INDEX search_words_trigrams ON search_words USING GIN (word gin_trgm_ops);
CREATE INDEX search_words_prefix ON search_words (word text_pattern_ops);
