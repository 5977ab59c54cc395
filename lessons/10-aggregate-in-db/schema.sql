-- A B2B supplies shop: most customers are small offices, a few are large accounts with thousands of
-- orders. The account page shows a customer's statistics.
CREATE TABLE customers (
  id      integer PRIMARY KEY,
  name    text NOT NULL,
  segment text NOT NULL CHECK (segment IN ('office', 'enterprise'))
);

CREATE TABLE orders (
  id           integer PRIMARY KEY,
  customer_id  integer NOT NULL REFERENCES customers (id),
  status       text NOT NULL CHECK (status IN ('paid', 'shipped', 'refunded', 'cancelled')),
  total_cents  integer NOT NULL,
  shipping_address text NOT NULL,
  notes        text,
  placed_at    timestamptz NOT NULL
);

CREATE TABLE support_tickets (
  id           integer PRIMARY KEY,
  customer_id  integer NOT NULL REFERENCES customers (id),
  status       text NOT NULL CHECK (status IN ('open', 'closed')),
  subject      text NOT NULL,
  opened_at    timestamptz NOT NULL
);

CREATE INDEX orders_customer_id_idx ON orders (customer_id);
CREATE INDEX support_tickets_customer_id_idx ON support_tickets (customer_id);
