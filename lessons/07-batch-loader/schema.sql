-- A help desk: customers open tickets in queues, support agents pick them up. Agents and customers
-- are both users.
CREATE TABLE users (
  id          integer PRIMARY KEY,
  name        text NOT NULL,
  email       text NOT NULL,
  is_agent    boolean NOT NULL,
  -- Set when the account is closed. A closed account is shown as nobody (null), wherever it appears.
  deleted_at  timestamptz
);

CREATE TABLE tickets (
  id            integer PRIMARY KEY,
  queue         text NOT NULL,
  subject       text NOT NULL,
  status        text NOT NULL,
  requester_id  integer NOT NULL REFERENCES users (id),
  assignee_id   integer REFERENCES users (id),  -- NULL until an agent picks the ticket up
  created_at    timestamptz NOT NULL
);

-- A queue's page: newest tickets first.
CREATE INDEX tickets_queue_created_at_idx ON tickets (queue, created_at DESC, id DESC);
