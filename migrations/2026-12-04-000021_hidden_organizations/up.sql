-- Organisations can be hidden by moderation: kept, shown only to their members and the
-- moderators, restorable. What the organisation shows the public goes with it: its
-- offerings and the labs it hosts are hidden at the same moment (the same `hidden_at`), so
-- every list, search, figure and file that leaves hidden offerings and labs out leaves them
-- out too; restoring the organisation shows again exactly what its hiding hid, not what a
-- moderator hid on its own.
ALTER TABLE organizations ADD COLUMN hidden_at TIMESTAMPTZ;

CREATE FUNCTION hide_with_organization() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.hidden_at IS NOT NULL THEN
        UPDATE offerings SET hidden_at = NEW.hidden_at
         WHERE organization_id = NEW.id AND hidden_at IS NULL;
        UPDATE labs SET hidden_at = NEW.hidden_at
         WHERE host_organization_id = NEW.id AND hidden_at IS NULL;
    ELSE
        UPDATE offerings SET hidden_at = NULL
         WHERE organization_id = NEW.id AND hidden_at = OLD.hidden_at;
        UPDATE labs SET hidden_at = NULL
         WHERE host_organization_id = NEW.id AND hidden_at = OLD.hidden_at;
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER organizations_hidden AFTER UPDATE OF hidden_at ON organizations
    FOR EACH ROW WHEN (OLD.hidden_at IS DISTINCT FROM NEW.hidden_at)
    EXECUTE FUNCTION hide_with_organization();

-- What a hidden organisation's members add is hidden with it (and shown with it again).
CREATE FUNCTION offering_hidden_with_organization() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.hidden_at := coalesce(NEW.hidden_at,
        (SELECT hidden_at FROM organizations WHERE id = NEW.organization_id));
    RETURN NEW;
END
$$;

CREATE TRIGGER offerings_hidden_with_organization BEFORE INSERT ON offerings
    FOR EACH ROW EXECUTE FUNCTION offering_hidden_with_organization();

CREATE FUNCTION lab_hidden_with_organization() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    NEW.hidden_at := coalesce(NEW.hidden_at,
        (SELECT hidden_at FROM organizations WHERE id = NEW.host_organization_id));
    RETURN NEW;
END
$$;

CREATE TRIGGER labs_hidden_with_organization BEFORE INSERT ON labs
    FOR EACH ROW EXECUTE FUNCTION lab_hidden_with_organization();

-- A lab hidden or shown again changes who sees its needs and ideas, as a change of its
-- visibility does: the changes feed moves them too, so a partner reading on learns it.
DROP TRIGGER labs_visibility_changes ON labs;
CREATE TRIGGER labs_visibility_changes AFTER UPDATE OF visibility, hidden_at ON labs
    FOR EACH ROW WHEN (OLD.visibility IS DISTINCT FROM NEW.visibility
                       OR OLD.hidden_at IS DISTINCT FROM NEW.hidden_at)
    EXECUTE FUNCTION note_lab_visibility_change();
