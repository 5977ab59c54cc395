-- A shop that also sells through a marketplace. Each evening the marketplace sends the day's orders
-- in one batch; they arrive as 'pending' and the order desk accepts them the next morning. The
-- marketplace sometimes sends an order twice (a retry under a new reference), so after each import
-- the app lists the likely duplicates for the desk to check.
CREATE TABLE import_batches (
  id           integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  marketplace  text NOT NULL,
  received_at  timestamptz NOT NULL,
  order_count  integer NOT NULL
);

CREATE TABLE orders (
  id            integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  batch_id      integer,
  external_ref  text,
  customer_id   integer NOT NULL,
  status        text NOT NULL CHECK (status IN ('pending', 'accepted', 'shipped', 'cancelled')),
  total_cents   integer NOT NULL CHECK (total_cents >= 0),
  created_at    timestamptz NOT NULL
);

-- Its indexes are created at the end of seed.sql, after the load.
