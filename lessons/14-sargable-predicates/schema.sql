-- A coffee subscription shop: customers sign in with their email address; orders come from the web
-- shop during the day and from the renewal job, which charges every subscription at midnight UTC.
CREATE TABLE customers (
  id          integer PRIMARY KEY,
  email       text NOT NULL UNIQUE,   -- stored as the customer typed it at sign-up
  name        text NOT NULL
);

CREATE TABLE orders (
  id            integer PRIMARY KEY,
  customer_id   integer NOT NULL REFERENCES customers (id),
  total_cents   integer NOT NULL CHECK (total_cents >= 0),
  created_at    timestamptz NOT NULL
);

-- Both lookups have a plain B-tree index on their column...
CREATE INDEX orders_created_at_idx ON orders (created_at);
-- ...and customers.email has the one its UNIQUE constraint made.
