-- (org_id, updated_at DESC, id DESC) has the page's order but not status: Postgres walks the organisation's newest tickets and throws away every one in another status, hundreds of table rows for one page.
-- expect: maxRowsReadPerRequest
CREATE INDEX tickets_org_updated_id_idx ON tickets (org_id, updated_at DESC, id DESC);
