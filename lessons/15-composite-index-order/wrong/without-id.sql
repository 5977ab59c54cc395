-- No tie-breaker column: tickets closed by the same weekly clean-up share updated_at, so Postgres reads the whole group of ties and sorts it by id (an Incremental Sort) to know which 25 come first.
-- expect: forbidPlanNode, maxRowsReadPerRequest
CREATE INDEX tickets_org_status_updated_idx ON tickets (org_id, status, updated_at DESC);
