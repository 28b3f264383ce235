-- The words of the searchable texts are gathered by a query in a string (ts_stat's), which
-- Postgres runs with the search_path of the moment. pg_restore runs with an empty one, so
-- the tables are named with their schema: a backup restores (cargo xtask restore).
DROP MATERIALIZED VIEW search_words;
CREATE MATERIALIZED VIEW search_words AS
SELECT word, ndoc AS documents
  FROM ts_stat($$
    SELECT to_tsvector('simple', concat_ws(' ', l.title, l.summary, l.neighbourhood,
                                           l.description, l.title_parts, l.text_parts))
      FROM public.labs l WHERE l.listed
    UNION ALL
    SELECT to_tsvector('simple', concat_ws(' ', n.title, n.description, n.title_parts, n.text_parts))
      FROM public.needs n JOIN public.labs l ON l.id = n.lab_id
     WHERE l.listed AND n.hidden_at IS NULL
    UNION ALL
    SELECT to_tsvector('simple', concat_ws(' ', i.title, i.body, i.title_parts, i.text_parts))
      FROM public.ideas i JOIN public.labs l ON l.id = i.lab_id
     WHERE l.listed AND i.hidden_at IS NULL
    UNION ALL
    SELECT to_tsvector('simple', concat_ws(' ', o.title, o.description, o.title_parts, o.text_parts))
      FROM public.offerings o WHERE o.hidden_at IS NULL
    UNION ALL
    SELECT to_tsvector('simple', concat_ws(' ', m.title, m.summary, m.problem, m.approach,
                                           m.results, m.title_parts, m.text_parts))
      FROM public.methods m WHERE m.status <> 'draft'
  $$)
 -- Words of letters only, as the API splits a search: no numbers, codes or addresses.
 WHERE length(word) BETWEEN 2 AND 40 AND word !~ '[^[:alpha:]]'
WITH DATA;

-- The unique index lets the view be refreshed without blocking readers (CONCURRENTLY).
CREATE UNIQUE INDEX search_words_word ON search_words (word);
CREATE INDEX search_words_trigrams ON search_words USING GIN (word gin_trgm_ops);
CREATE INDEX search_words_prefix ON search_words (word text_pattern_ops);
