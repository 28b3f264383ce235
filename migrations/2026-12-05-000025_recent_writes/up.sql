-- When each signed-in caller (a person or an API key) last changed something: for a few
-- seconds after, its reads go to the primary instead of a replica that may not have the
-- change yet (read-your-writes). Unlogged: read and written only on the primary, never
-- replicated, and worthless after a crash (the replica has caught up by then).
CREATE UNLOGGED TABLE recent_writes (
    caller TEXT PRIMARY KEY,
    written_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
