-- The equality columns first (org_id, status), then the ORDER BY columns in the query's order and
-- direction (updated_at DESC, id DESC). The entries of one organisation and status are then stored
-- in exactly the order the page shows them: Postgres reads the first 25 and stops, with no Sort.
CREATE INDEX tickets_queue_idx ON tickets (org_id, status, updated_at DESC, id DESC);
