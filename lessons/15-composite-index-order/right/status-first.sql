-- The two equality columns in the other order: with both fixed by the WHERE clause, (status, org_id) narrows to the same run of entries as (org_id, status).
CREATE INDEX tickets_queue_idx ON tickets (status, org_id, updated_at DESC, id DESC);
