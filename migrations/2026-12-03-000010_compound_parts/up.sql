-- Swedish compounds in search: the API splits the compound words of a title and of the
-- rest of the text into their parts (trygghetsvandringar → trygghet vandring) with the
-- word list in api/data, and stores the parts here; the search document takes them too,
-- so "trygghet" finds "trygghetsvandringar". NULL: not analysed yet (the API analyses such
-- rows when it starts, and again after a migration sets them NULL for a new word list).
-- The drop of `search` also drops its GIN index; dropping it first says so.
DROP INDEX labs_search_idx;
ALTER TABLE labs DROP COLUMN search, ADD COLUMN title_parts TEXT, ADD COLUMN text_parts TEXT;
ALTER TABLE labs ADD COLUMN search TSVECTOR GENERATED ALWAYS AS (
    setweight(to_tsvector('swedish', title), 'A') ||
    setweight(to_tsvector('swedish', summary || ' ' || neighbourhood), 'B') ||
    setweight(to_tsvector('swedish', description), 'C') ||
    setweight(to_tsvector('swedish', coalesce(title_parts, '')), 'A') ||
    setweight(to_tsvector('swedish', coalesce(text_parts, '')), 'C')) STORED;
CREATE INDEX labs_search_idx ON labs USING GIN (search);

DROP INDEX needs_search_idx;
ALTER TABLE needs DROP COLUMN search, ADD COLUMN title_parts TEXT, ADD COLUMN text_parts TEXT;
ALTER TABLE needs ADD COLUMN search TSVECTOR GENERATED ALWAYS AS (
    setweight(to_tsvector('swedish', title), 'A') ||
    setweight(to_tsvector('swedish', description), 'B') ||
    setweight(to_tsvector('swedish', coalesce(title_parts, '')), 'A') ||
    setweight(to_tsvector('swedish', coalesce(text_parts, '')), 'C')) STORED;
CREATE INDEX needs_search_idx ON needs USING GIN (search);

DROP INDEX ideas_search_idx;
ALTER TABLE ideas DROP COLUMN search, ADD COLUMN title_parts TEXT, ADD COLUMN text_parts TEXT;
ALTER TABLE ideas ADD COLUMN search TSVECTOR GENERATED ALWAYS AS (
    setweight(to_tsvector('swedish', title), 'A') ||
    setweight(to_tsvector('swedish', body), 'B') ||
    setweight(to_tsvector('swedish', coalesce(title_parts, '')), 'A') ||
    setweight(to_tsvector('swedish', coalesce(text_parts, '')), 'C')) STORED;
CREATE INDEX ideas_search_idx ON ideas USING GIN (search);

DROP INDEX offerings_search_idx;
ALTER TABLE offerings DROP COLUMN search, ADD COLUMN title_parts TEXT, ADD COLUMN text_parts TEXT;
ALTER TABLE offerings ADD COLUMN search TSVECTOR GENERATED ALWAYS AS (
    setweight(to_tsvector('swedish', title), 'A') ||
    setweight(to_tsvector('swedish', description), 'B') ||
    setweight(to_tsvector('swedish', coalesce(title_parts, '')), 'A') ||
    setweight(to_tsvector('swedish', coalesce(text_parts, '')), 'C')) STORED;
CREATE INDEX offerings_search_idx ON offerings USING GIN (search);

DROP INDEX methods_search_idx;
ALTER TABLE methods DROP COLUMN search, ADD COLUMN title_parts TEXT, ADD COLUMN text_parts TEXT;
ALTER TABLE methods ADD COLUMN search TSVECTOR GENERATED ALWAYS AS (
    setweight(to_tsvector('swedish', title), 'A') ||
    setweight(to_tsvector('swedish', summary || ' ' || problem), 'B') ||
    setweight(to_tsvector('swedish', approach || ' ' || results), 'C') ||
    setweight(to_tsvector('swedish', coalesce(title_parts, '')), 'A') ||
    setweight(to_tsvector('swedish', coalesce(text_parts, '')), 'C')) STORED;
CREATE INDEX methods_search_idx ON methods USING GIN (search);
