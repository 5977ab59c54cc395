-- The log's sort order as an index: a backward scan walks it newest first, and a cursor
-- (created_at, id) < ($1, $2) starts the scan right after the last event shown.
CREATE INDEX audit_events_created_at_id_idx ON audit_events (created_at, id);
