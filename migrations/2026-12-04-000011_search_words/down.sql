DROP TABLE search_words_refreshed;
DROP MATERIALIZED VIEW search_words;
