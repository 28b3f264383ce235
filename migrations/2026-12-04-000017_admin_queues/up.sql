-- The platform admins' verification queue: an organisation can be turned down with a
-- reason (mailed to its owners); a change by its owners puts it back in the queue.
ALTER TABLE organizations
    ADD COLUMN rejected_at      TIMESTAMPTZ,
    ADD COLUMN rejection_reason TEXT NOT NULL DEFAULT '';
CREATE INDEX organizations_unverified_idx ON organizations (created_at, id) WHERE NOT verified;

-- An organisation's own audit log: the entries about its objects, and those made with its
-- API keys. Which organisations an entry concerns is fixed when it is written (a match
-- concerns both its parties), so that reading the log is one indexed lookup.
CREATE FUNCTION audit_organizations(subject_type TEXT, subject_id UUID, api_key UUID)
RETURNS UUID[] LANGUAGE sql STABLE AS $$
    SELECT coalesce(array_agg(DISTINCT o) FILTER (WHERE o IS NOT NULL), '{}')
      FROM (
        SELECT subject_id WHERE subject_type = 'organization'
        UNION ALL SELECT organization_id FROM offerings WHERE subject_type = 'offering' AND id = subject_id
        UNION ALL SELECT host_organization_id FROM labs WHERE subject_type = 'lab' AND id = subject_id
        UNION ALL SELECT organization_id FROM needs WHERE subject_type = 'need' AND id = subject_id
        UNION ALL SELECT organization_id FROM ideas WHERE subject_type = 'idea' AND id = subject_id
        UNION ALL SELECT unnest(ARRAY[need_organization_id, offering_organization_id])
                    FROM matches WHERE subject_type = 'match' AND id = subject_id
        UNION ALL SELECT organization_id FROM methods WHERE subject_type = 'method' AND id = subject_id
        UNION ALL SELECT organization_id FROM adoptions WHERE subject_type = 'adoption' AND id = subject_id
        UNION ALL SELECT organization_id FROM api_keys WHERE id = api_key
      ) AS concerned (o)
$$;

ALTER TABLE audit_log ADD COLUMN organization_ids UUID[] NOT NULL DEFAULT '{}';
UPDATE audit_log SET organization_ids = audit_organizations(subject_type, subject_id, actor_api_key_id);

CREATE FUNCTION audit_log_set_organizations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.organization_ids := audit_organizations(NEW.subject_type, NEW.subject_id, NEW.actor_api_key_id);
    RETURN NEW;
END
$$;
CREATE TRIGGER audit_log_organizations BEFORE INSERT ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_set_organizations();

CREATE INDEX audit_log_organizations_idx ON audit_log USING gin (organization_ids);
CREATE INDEX audit_log_created_idx ON audit_log (created_at DESC, id DESC);

-- A change of e-mail address: the link mailed to the new address moves the account.
ALTER TABLE account_tokens
    DROP CONSTRAINT account_tokens_purpose_check,
    ADD CONSTRAINT account_tokens_purpose_check
        CHECK (purpose IN ('verify_email', 'password_reset', 'change_email'));
