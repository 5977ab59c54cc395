-- The solution's index with subject as an INCLUDE column: the page is read from the index alone (an Index Only Scan), no table rows at all.
CREATE INDEX tickets_queue_idx ON tickets (org_id, status, updated_at DESC, id DESC) INCLUDE (subject);
