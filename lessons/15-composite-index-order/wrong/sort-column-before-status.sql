-- updated_at before status: within one organisation the index is in updated_at order, but id is missing, so Postgres still sorts each group of equal updated_at values (an Incremental Sort) and the busiest request reads 192 table rows (the goal is 30).
-- expect: forbidPlanNode, maxRowsReadPerRequest
CREATE INDEX tickets_org_updated_status_idx ON tickets (org_id, updated_at, status);
