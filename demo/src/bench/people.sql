-- The people of the large platform, after statistics.sql: 50,000 verified accounts made a
-- month ago, and 1,000,000 votes on the 100,000 ideas — idea n has n % 21 of them (10 on
-- average), cast by distinct people — with each idea's vote_count agreeing. Reproducible:
-- ids are md5 of a name, spreads follow the row's number. The password hash is set by
-- the benchmark (one Argon2 hash for all, made once).

INSERT INTO users (id, email, password_hash, display_name, email_verified_at, created_at)
SELECT md5('person' || n)::uuid, 'person' || n || '@bench.invalid', '__PASSWORD_HASH__',
       'Person ' || n, now() - interval '30 days', now() - interval '30 days'
  FROM generate_series(1, 50000) n;

INSERT INTO idea_votes (idea_id, user_id)
SELECT md5('idea' || n)::uuid, md5('person' || (1 + (n * 31 + k * 1009) % 50000))::uuid
  FROM generate_series(1, 100000) n, generate_series(0, 19) k
 WHERE k < n % 21;

UPDATE ideas SET vote_count = v.votes
  FROM (SELECT idea_id, count(*)::int AS votes FROM idea_votes GROUP BY idea_id) v
 WHERE ideas.id = v.idea_id;
