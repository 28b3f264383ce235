DROP TABLE audit_log;
DROP TABLE rate_limits;
DROP TABLE api_keys;
DROP TABLE memberships;
DROP TABLE organizations;
DROP TABLE refresh_tokens;
DROP TABLE users;
