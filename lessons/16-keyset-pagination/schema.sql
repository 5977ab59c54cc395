-- The admin console of a file-sharing workspace: every sign-in, share and permission change lands
-- in an audit log, which admins scroll newest first, fifty events at a time ("Load more").
CREATE TABLE members (
  id     integer PRIMARY KEY,
  email  text NOT NULL UNIQUE
);

CREATE TABLE audit_events (
  id          integer PRIMARY KEY,
  actor_id    integer NOT NULL REFERENCES members (id),
  action      text NOT NULL,
  document_id integer NOT NULL,
  created_at  timestamptz NOT NULL
);

-- The only index on audit_events is its primary key: nothing keeps the events in created_at order.
