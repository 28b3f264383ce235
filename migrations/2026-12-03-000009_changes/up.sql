-- The changes feed (GET /api/v1/changes): the latest change of every object a partner may
-- mirror, one row per object, written by triggers so that no write path can forget it and
-- a rolled-back change leaves nothing. Each change moves its object to the end of the feed
-- (a new `at`), so a partner reading forward from where it stopped sees every object whose
-- state changed since, once.
CREATE TABLE changes (
    object_type TEXT NOT NULL CHECK (object_type IN
        ('organization', 'lab', 'need', 'idea', 'offering', 'match', 'method', 'adoption')),
    object_id UUID NOT NULL,
    change TEXT NOT NULL CHECK (change IN ('created', 'updated', 'deleted')),
    -- clock_timestamp, not now(): rows of one long transaction keep their own order.
    at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    PRIMARY KEY (object_type, object_id)
);
CREATE INDEX changes_in_order ON changes (at, object_type, object_id);

-- An update in the transaction that created the object (a lab and its host) keeps it
-- 'created'.
CREATE FUNCTION note_change(kind TEXT, id UUID, what TEXT) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO changes (object_type, object_id, change, at)
    VALUES (kind, id, what, clock_timestamp())
    ON CONFLICT (object_type, object_id)
    DO UPDATE SET at = excluded.at, change = CASE
        WHEN changes.change = 'created' AND excluded.change = 'updated'
             AND changes.xmin = pg_current_xact_id()::xid THEN 'created'
        ELSE excluded.change END
$$;

-- For a row of the table the trigger is on; its argument names the kind of object.
CREATE FUNCTION note_row_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM note_change(TG_ARGV[0], OLD.id, 'deleted');
        RETURN OLD;
    END IF;
    PERFORM note_change(TG_ARGV[0], NEW.id,
        CASE TG_OP WHEN 'INSERT' THEN 'created' ELSE 'updated' END);
    RETURN NEW;
END
$$;

CREATE TRIGGER organizations_changes AFTER INSERT OR UPDATE OR DELETE ON organizations
    FOR EACH ROW EXECUTE FUNCTION note_row_change('organization');
CREATE TRIGGER labs_changes AFTER INSERT OR UPDATE OR DELETE ON labs
    FOR EACH ROW EXECUTE FUNCTION note_row_change('lab');
CREATE TRIGGER needs_changes AFTER INSERT OR UPDATE OR DELETE ON needs
    FOR EACH ROW EXECUTE FUNCTION note_row_change('need');
CREATE TRIGGER ideas_changes AFTER INSERT OR UPDATE OR DELETE ON ideas
    FOR EACH ROW EXECUTE FUNCTION note_row_change('idea');
CREATE TRIGGER offerings_changes AFTER INSERT OR UPDATE OR DELETE ON offerings
    FOR EACH ROW EXECUTE FUNCTION note_row_change('offering');
CREATE TRIGGER matches_changes AFTER INSERT OR UPDATE OR DELETE ON matches
    FOR EACH ROW EXECUTE FUNCTION note_row_change('match');
CREATE TRIGGER methods_changes AFTER INSERT OR UPDATE OR DELETE ON methods
    FOR EACH ROW EXECUTE FUNCTION note_row_change('method');
CREATE TRIGGER adoptions_changes AFTER INSERT OR UPDATE OR DELETE ON adoptions
    FOR EACH ROW EXECUTE FUNCTION note_row_change('adoption');

-- Who may see a lab's needs and ideas follows the lab (its visibility and participants),
-- so a change of either is a change of them too: a partner learns that they were hidden.
CREATE FUNCTION note_lab_contents_change(changed_lab UUID) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM note_change('lab', changed_lab, 'updated');
    INSERT INTO changes (object_type, object_id, change, at)
        SELECT 'need', n.id, 'updated', clock_timestamp() FROM needs n WHERE n.lab_id = changed_lab
        UNION ALL
        SELECT 'idea', i.id, 'updated', clock_timestamp() FROM ideas i WHERE i.lab_id = changed_lab
    ON CONFLICT (object_type, object_id)
    DO UPDATE SET at = excluded.at, change = CASE
        WHEN changes.change = 'created' AND changes.xmin = pg_current_xact_id()::xid
        THEN 'created' ELSE excluded.change END;
END
$$;

CREATE FUNCTION note_lab_visibility_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM note_lab_contents_change(NEW.id);
    RETURN NEW;
END
$$;

CREATE TRIGGER labs_visibility_changes AFTER UPDATE OF visibility ON labs
    FOR EACH ROW WHEN (OLD.visibility IS DISTINCT FROM NEW.visibility)
    EXECUTE FUNCTION note_lab_visibility_change();

CREATE FUNCTION note_participant_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        PERFORM note_lab_contents_change(OLD.lab_id);
        RETURN OLD;
    END IF;
    PERFORM note_lab_contents_change(NEW.lab_id);
    RETURN NEW;
END
$$;

CREATE TRIGGER lab_participants_changes AFTER INSERT OR DELETE ON lab_participants
    FOR EACH ROW EXECUTE FUNCTION note_participant_change();
