-- A food wholesaler delivers to restaurant groups and bills each group once a month. Every line of
-- an invoice is a delivery to one of the group's restaurants, taxed at the sales tax rate of the
-- tax zone that restaurant is in.
CREATE TABLE tax_zones (
  code          text PRIMARY KEY,
  name          text NOT NULL,
  rate_percent  numeric(6, 3) NOT NULL     -- 8.875 means 8.875 %
);

CREATE TABLE customers (
  id    integer PRIMARY KEY,
  name  text NOT NULL
);

CREATE TABLE locations (
  id           integer PRIMARY KEY,
  customer_id  integer NOT NULL REFERENCES customers (id),
  name         text NOT NULL,
  tax_zone     text NOT NULL REFERENCES tax_zones (code)
);

CREATE TABLE products (
  id           integer PRIMARY KEY,
  name         text NOT NULL,
  price_cents  integer NOT NULL
);

CREATE TABLE invoices (
  id           integer PRIMARY KEY,
  customer_id  integer NOT NULL REFERENCES customers (id),
  period       text NOT NULL,               -- '2025-11'
  status       text NOT NULL CHECK (status IN ('draft', 'sent'))
);

CREATE TABLE invoice_lines (
  id                integer PRIMARY KEY,
  invoice_id        integer NOT NULL REFERENCES invoices (id),
  line_no           integer NOT NULL,
  location_id       integer NOT NULL REFERENCES locations (id),
  product_id        integer NOT NULL REFERENCES products (id),
  quantity          integer NOT NULL,
  unit_price_cents  integer NOT NULL,
  UNIQUE (invoice_id, line_no)
);
