-- Only the WHERE columns: Postgres finds the organisation's tickets in that status, but must still read them all (16,760 closed tickets for organisation 1) and sort them to keep 25.
-- expect: forbidPlanNode, maxRowsReadPerRequest
CREATE INDEX tickets_org_status_idx ON tickets (org_id, status);
