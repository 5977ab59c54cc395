-- The index in the log's own order: Postgres scans it forward from the cursor.
CREATE INDEX audit_events_newest_first_idx ON audit_events (created_at DESC, id DESC);
