-- The sort column first: the index is in updated_at order for all organisations at once, not in (updated_at, id) order within one, so an Incremental Sort stays and a whole group of equal updated_at values is read for a page.
-- expect: forbidPlanNode, maxRowsReadPerRequest
CREATE INDEX tickets_updated_org_status_idx ON tickets (updated_at, org_id, status);
