-- A large, reproducible platform for the statistics benchmark: 2,000 organisations, 9,000
-- labs with 100,000 ideas, 5,000 needs, 20,000 offerings and 5,000 matches over 18 months,
-- 1,000 methods from labs that measured (800 published), and 5,000 adoptions, the first
-- 1,000 with a lab of their own (the platform's 10,000th lab) and a measurement there.
-- Ids are md5 of a name, so a row is the same in every run; spreads use the row's number.

CREATE TEMPORARY TABLE places AS SELECT array_agg(code ORDER BY code) AS codes FROM municipalities;

INSERT INTO organizations (id, name, kind, org_number, municipality_code)
SELECT md5('org' || n)::uuid, 'Organisation ' || n,
       (ARRAY['housing_company', 'tenant_association', 'municipality', 'business',
              'civil_society', 'school', 'research'])[1 + n % 7],
       lpad(n::text, 6, '0') || '-0000', p.codes[1 + (n * 7) % cardinality(p.codes)]
  FROM generate_series(1, 2000) n, places p;

INSERT INTO labs (id, host_organization_id, title, summary, challenge_area, municipality_code,
                  visibility, phase, created_at)
SELECT md5('lab' || n)::uuid, md5('org' || (1 + n % 2000))::uuid, 'Labb ' || n, 'Ett labb.',
       (ARRAY['unemployment', 'schools', 'community_services', 'crime_prevention'])[1 + n % 4],
       p.codes[1 + (n * 13) % cardinality(p.codes)],
       CASE WHEN n % 10 = 0 THEN 'members' ELSE 'public' END,
       (ARRAY['forming', 'ideation', 'testing', 'verifying', 'spreading', 'closed'])[1 + (n * 7) % 6],
       now() - (n % 1000) * interval '1 day'
  FROM generate_series(1, 9000) n, places p;

INSERT INTO ideas (id, lab_id, title, status, vote_count, created_at)
SELECT md5('idea' || n)::uuid, md5('lab' || (1 + n % 9000))::uuid, 'Idé ' || n,
       (ARRAY['submitted', 'shortlisted', 'testing', 'verified', 'rejected', 'archived'])[1 + (n * 5) % 6],
       n % 40, now() - (n % 700) * interval '1 day'
  FROM generate_series(1, 100000) n;

-- Need k belongs to lab k, and to that lab's host.
INSERT INTO needs (id, lab_id, organization_id, title, challenge_area, municipality_code)
SELECT md5('need' || k)::uuid, l.id, l.host_organization_id, 'Behov ' || k, l.challenge_area,
       l.municipality_code
  FROM generate_series(1, 5000) k JOIN labs l ON l.id = md5('lab' || k)::uuid;

INSERT INTO offerings (id, organization_id, title, kind, challenge_areas, coverage_national,
                       coverage_municipalities)
SELECT md5('offering' || n)::uuid, md5('org' || (1 + (n * 3) % 2000))::uuid, 'Erbjudande ' || n,
       (ARRAY['service', 'method', 'product', 'funding', 'volunteering', 'expertise'])[1 + n % 6],
       ARRAY[(ARRAY['unemployment', 'schools', 'community_services', 'crime_prevention'])[1 + n % 4]],
       n % 10 = 0,
       CASE WHEN n % 10 = 0 THEN '{}' ELSE ARRAY[p.codes[1 + (n * 11) % cardinality(p.codes)]] END
  FROM generate_series(1, 20000) n, places p;

INSERT INTO matches (id, need_id, offering_id, need_organization_id, offering_organization_id,
                     requested_by, state, created_at)
SELECT md5('match' || n)::uuid, ne.id, o.id, ne.organization_id, o.organization_id, 'need',
       (ARRAY['requested', 'accepted', 'declined', 'withdrawn', 'active', 'completed'])[1 + n % 6],
       now() - (n % 540) * interval '1 day'
  FROM generate_series(1, 5000) n
  JOIN needs ne ON ne.id = md5('need' || (1 + n % 5000))::uuid
  JOIN offerings o ON o.id = md5('offering' || n)::uuid;

-- Method m comes from lab 9m-ish (every ninth lab), which measured its indicator from 10
-- towards 50; one in ten is a draft, one in ten retired.
INSERT INTO methods (id, organization_id, title, summary, problem, approach, challenge_areas,
                     status, published_at, created_at)
SELECT md5('method' || m)::uuid, l.host_organization_id, 'Metod ' || m, 'En metod.',
       'Ett problem.', 'Ett arbetssätt.', ARRAY[l.challenge_area],
       CASE m % 10 WHEN 0 THEN 'draft' WHEN 1 THEN 'retired' ELSE 'published' END,
       CASE WHEN m % 10 <> 0 THEN now() - (m % 300) * interval '1 day' END,
       now() - (m % 300) * interval '1 day'
  FROM generate_series(1, 1000) m JOIN labs l ON l.id = md5('lab' || (m * 9))::uuid;
INSERT INTO method_origin_labs (method_id, lab_id)
SELECT md5('method' || m)::uuid, md5('lab' || (m * 9))::uuid FROM generate_series(1, 1000) m;
INSERT INTO lab_indicators (id, lab_id, name, unit, baseline, target, direction)
SELECT md5('indicator' || m)::uuid, md5('lab' || (m * 9))::uuid, 'Deltagare i arbete', 'procent',
       10, 50, 'increase'
  FROM generate_series(1, 1000) m;
INSERT INTO indicator_measurements (id, indicator_id, measured_on, value)
SELECT md5('measurement' || m || '-' || k)::uuid, md5('indicator' || m)::uuid,
       date '2026-01-01' + k * 90, 10 + k * (m % 15)
  FROM generate_series(1, 1000) m, generate_series(1, 2) k;
INSERT INTO method_indicators (method_id, indicator_id)
SELECT md5('method' || m)::uuid, md5('indicator' || m)::uuid FROM generate_series(1, 1000) m;

-- Adoption a of method 1 + a % 1000 by another organisation; the first 1,000 opened a lab.
INSERT INTO labs (id, host_organization_id, title, challenge_area, municipality_code, visibility,
                  phase)
SELECT md5('adoption-lab' || a)::uuid, md5('org' || (1 + (a * 11) % 2000))::uuid, 'Metod ' || (1 + a % 1000),
       'unemployment', p.codes[1 + (a * 17) % cardinality(p.codes)], 'public', 'testing'
  FROM generate_series(1, 1000) a, places p;
INSERT INTO adoptions (id, method_id, organization_id, municipality_code, status, lab_id, created_at)
SELECT md5('adoption' || a)::uuid, md5('method' || (1 + a % 1000))::uuid,
       md5('org' || (1 + (a * 11) % 2000))::uuid, p.codes[1 + (a * 17) % cardinality(p.codes)],
       (ARRAY['planned', 'running', 'completed', 'discontinued'])[1 + a % 4],
       CASE WHEN a <= 1000 THEN md5('adoption-lab' || a)::uuid END,
       now() - (a % 365) * interval '1 day'
  FROM generate_series(1, 5000) a, places p;
INSERT INTO lab_indicators (id, lab_id, name, unit, baseline, target, direction, copied_from)
SELECT md5('adoption-indicator' || a)::uuid, md5('adoption-lab' || a)::uuid, 'Deltagare i arbete',
       'procent', 10, 50, 'increase', md5('indicator' || (1 + a % 1000))::uuid
  FROM generate_series(1, 1000) a;
INSERT INTO indicator_measurements (id, indicator_id, measured_on, value)
SELECT md5('adoption-measurement' || a)::uuid, md5('adoption-indicator' || a)::uuid,
       date '2026-09-01', 10 + a % 20
  FROM generate_series(1, 1000) a;

INSERT INTO lab_participants (lab_id, organization_id, role)
SELECT id, host_organization_id, 'host' FROM labs ON CONFLICT DO NOTHING;

DROP TABLE places;
ANALYZE;
