DROP TRIGGER labs_visibility_changes ON labs;
CREATE TRIGGER labs_visibility_changes AFTER UPDATE OF visibility ON labs
    FOR EACH ROW WHEN (OLD.visibility IS DISTINCT FROM NEW.visibility)
    EXECUTE FUNCTION note_lab_visibility_change();
DROP TRIGGER labs_hidden_with_organization ON labs;
DROP FUNCTION lab_hidden_with_organization();
DROP TRIGGER offerings_hidden_with_organization ON offerings;
DROP FUNCTION offering_hidden_with_organization();
DROP TRIGGER organizations_hidden ON organizations;
DROP FUNCTION hide_with_organization();
ALTER TABLE organizations DROP COLUMN hidden_at;
