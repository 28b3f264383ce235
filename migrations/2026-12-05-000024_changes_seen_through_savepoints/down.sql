CREATE OR REPLACE FUNCTION note_change(kind TEXT, id UUID, what TEXT) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO changes (object_type, object_id, change, at)
    VALUES (kind, id, what, clock_timestamp())
    ON CONFLICT (object_type, object_id)
    DO UPDATE SET at = excluded.at, change = CASE
        WHEN changes.change = 'created' AND excluded.change = 'updated'
             AND changes.xmin = pg_current_xact_id()::xid THEN 'created'
        ELSE excluded.change END
$$;

CREATE OR REPLACE FUNCTION note_lab_contents_change(changed_lab UUID) RETURNS void
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

ALTER TABLE changes DROP COLUMN written_in;
