-- A key's own limit of requests a minute, set by platform admins; NULL is the default
-- (API_KEY_RATE_LIMIT, 600). Counted in rate_limits under 'api-key:<id>'.
ALTER TABLE api_keys ADD COLUMN rate_limit INTEGER CHECK (rate_limit BETWEEN 1 AND 100000);
