-- id ASC after updated_at DESC: read forwards the index gives ties in the wrong id order, read backwards updated_at in the wrong order; either way Postgres sorts each group of ties again.
-- expect: forbidPlanNode, maxRowsReadPerRequest
CREATE INDEX tickets_queue_mixed_idx ON tickets (org_id, status, updated_at DESC, id ASC);
