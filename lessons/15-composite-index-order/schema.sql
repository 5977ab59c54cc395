-- A help desk used by many companies (organisations). Each organisation's agents work through its
-- tickets by status: the open ones, the ones waiting on the customer, the solved ones...
CREATE TABLE orgs (
  id    integer PRIMARY KEY,
  name  text NOT NULL
);

CREATE TABLE tickets (
  id          integer PRIMARY KEY,
  org_id      integer NOT NULL REFERENCES orgs (id),
  status      text NOT NULL CHECK (status IN ('new', 'open', 'pending', 'on_hold', 'solved', 'closed')),
  subject     text NOT NULL,
  updated_at  timestamptz NOT NULL
);

-- The index the list query starts with: it finds an organisation's tickets, all of them.
CREATE INDEX tickets_org_id_idx ON tickets (org_id);
