-- A wholesale shop: customers place orders; an order stays "open" until its invoice is paid.
CREATE TABLE customers (
  id          integer PRIMARY KEY,
  name        text NOT NULL,
  email       text NOT NULL UNIQUE
);

CREATE TABLE orders (
  id            integer PRIMARY KEY,
  customer_id   integer NOT NULL REFERENCES customers (id),
  status        text NOT NULL CHECK (status IN ('open', 'paid', 'cancelled')),
  total_cents   integer NOT NULL CHECK (total_cents >= 0),
  created_at    timestamptz NOT NULL
);

-- The only index on orders is its primary key: nothing helps find one customer's orders.
