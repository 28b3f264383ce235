DELETE FROM account_tokens WHERE purpose = 'change_email';
ALTER TABLE account_tokens
    DROP CONSTRAINT account_tokens_purpose_check,
    ADD CONSTRAINT account_tokens_purpose_check CHECK (purpose IN ('verify_email', 'password_reset'));
DROP INDEX audit_log_created_idx;
DROP INDEX audit_log_organizations_idx;
DROP TRIGGER audit_log_organizations ON audit_log;
DROP FUNCTION audit_log_set_organizations();
ALTER TABLE audit_log DROP COLUMN organization_ids;
DROP FUNCTION audit_organizations(TEXT, UUID, UUID);
DROP INDEX organizations_unverified_idx;
ALTER TABLE organizations DROP COLUMN rejection_reason, DROP COLUMN rejected_at;
