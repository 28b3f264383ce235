-- "Created in this very transaction" was told by the row's xmin. Inside a savepoint (a
-- handler's transaction within an idempotent request's) xmin is the savepoint's own id,
-- never the top-level one, so a lab created and given its host in one request showed as
-- 'updated'. The row now keeps the top-level transaction that last wrote it.
ALTER TABLE changes ADD COLUMN written_in xid8;

CREATE OR REPLACE FUNCTION note_change(kind TEXT, id UUID, what TEXT) RETURNS void
LANGUAGE sql AS $$
    INSERT INTO changes (object_type, object_id, change, at, written_in)
    VALUES (kind, id, what, clock_timestamp(), pg_current_xact_id())
    ON CONFLICT (object_type, object_id)
    DO UPDATE SET at = excluded.at, written_in = excluded.written_in, change = CASE
        WHEN changes.change = 'created' AND excluded.change = 'updated'
             AND changes.written_in = excluded.written_in THEN 'created'
        ELSE excluded.change END
$$;

CREATE OR REPLACE FUNCTION note_lab_contents_change(changed_lab UUID) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
    PERFORM note_change('lab', changed_lab, 'updated');
    INSERT INTO changes (object_type, object_id, change, at, written_in)
        SELECT 'need', n.id, 'updated', clock_timestamp(), pg_current_xact_id()
        FROM needs n WHERE n.lab_id = changed_lab
        UNION ALL
        SELECT 'idea', i.id, 'updated', clock_timestamp(), pg_current_xact_id()
        FROM ideas i WHERE i.lab_id = changed_lab
    ON CONFLICT (object_type, object_id)
    DO UPDATE SET at = excluded.at, written_in = excluded.written_in, change = CASE
        WHEN changes.change = 'created' AND changes.written_in = excluded.written_in
        THEN 'created' ELSE excluded.change END;
END
$$;
