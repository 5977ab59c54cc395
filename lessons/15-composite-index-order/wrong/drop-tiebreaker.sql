-- The index without id, with id dropped from ORDER BY to match it: tickets with the same updated_at come back in whatever order the index holds them, not newest id first.
-- expect: correct
CREATE INDEX tickets_org_status_updated_idx ON tickets (org_id, status, updated_at DESC);
