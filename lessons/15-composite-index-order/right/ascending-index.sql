-- A plain ascending index: Postgres reads it from the end (EXPLAIN's text says Index Scan Backward), which gives updated_at DESC, id DESC just as well.
CREATE INDEX tickets_queue_idx ON tickets (org_id, status, updated_at, id);
