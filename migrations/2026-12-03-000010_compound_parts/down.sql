-- Back to search documents without compound parts.

DROP INDEX labs_search_idx;
ALTER TABLE labs DROP COLUMN search, DROP COLUMN title_parts, DROP COLUMN text_parts;
ALTER TABLE labs ADD COLUMN search TSVECTOR GENERATED ALWAYS AS (
    setweight(to_tsvector('swedish', title), 'A') ||
    setweight(to_tsvector('swedish', summary || ' ' || neighbourhood), 'B') ||
    setweight(to_tsvector('swedish', description), 'C')) STORED;
CREATE INDEX labs_search_idx ON labs USING GIN (search);

DROP INDEX needs_search_idx;
ALTER TABLE needs DROP COLUMN search, DROP COLUMN title_parts, DROP COLUMN text_parts;
ALTER TABLE needs ADD COLUMN search TSVECTOR GENERATED ALWAYS AS (
    setweight(to_tsvector('swedish', title), 'A') ||
    setweight(to_tsvector('swedish', description), 'B')) STORED;
CREATE INDEX needs_search_idx ON needs USING GIN (search);

DROP INDEX ideas_search_idx;
ALTER TABLE ideas DROP COLUMN search, DROP COLUMN title_parts, DROP COLUMN text_parts;
ALTER TABLE ideas ADD COLUMN search TSVECTOR GENERATED ALWAYS AS (
    setweight(to_tsvector('swedish', title), 'A') ||
    setweight(to_tsvector('swedish', body), 'B')) STORED;
CREATE INDEX ideas_search_idx ON ideas USING GIN (search);

DROP INDEX offerings_search_idx;
ALTER TABLE offerings DROP COLUMN search, DROP COLUMN title_parts, DROP COLUMN text_parts;
ALTER TABLE offerings ADD COLUMN search TSVECTOR GENERATED ALWAYS AS (
    setweight(to_tsvector('swedish', title), 'A') ||
    setweight(to_tsvector('swedish', description), 'B')) STORED;
CREATE INDEX offerings_search_idx ON offerings USING GIN (search);

DROP INDEX methods_search_idx;
ALTER TABLE methods DROP COLUMN search, DROP COLUMN title_parts, DROP COLUMN text_parts;
ALTER TABLE methods ADD COLUMN search TSVECTOR GENERATED ALWAYS AS (
    setweight(to_tsvector('swedish', title), 'A') ||
    setweight(to_tsvector('swedish', summary || ' ' || problem), 'B') ||
    setweight(to_tsvector('swedish', approach || ' ' || results), 'C')) STORED;
CREATE INDEX methods_search_idx ON methods USING GIN (search);
