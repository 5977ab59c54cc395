-- A hosted-shop platform: each shop has its own customers, products, orders and refunds.
CREATE TABLE shops (
  id    integer PRIMARY KEY,
  name  text NOT NULL
);

CREATE TABLE customers (
  id            integer PRIMARY KEY,
  shop_id       integer NOT NULL REFERENCES shops (id),
  email         text NOT NULL,
  signed_up_at  timestamptz NOT NULL
);

CREATE TABLE products (
  id          integer PRIMARY KEY,
  shop_id     integer NOT NULL REFERENCES shops (id),
  name        text NOT NULL,
  stock       integer NOT NULL,
  reorder_at  integer NOT NULL,          -- restock when stock falls to this level
  active      boolean NOT NULL           -- false: discontinued, no longer restocked
);

CREATE TABLE orders (
  id           integer PRIMARY KEY,
  shop_id      integer NOT NULL REFERENCES shops (id),
  customer_id  integer NOT NULL REFERENCES customers (id),
  status       text NOT NULL CHECK (status IN ('paid', 'shipped', 'cancelled')),
  total_cents  integer NOT NULL,
  placed_at    timestamptz NOT NULL
);

CREATE TABLE order_items (
  id                integer PRIMARY KEY,
  order_id          integer NOT NULL REFERENCES orders (id),
  product_id        integer NOT NULL REFERENCES products (id),
  quantity          integer NOT NULL,
  unit_price_cents  integer NOT NULL
);

CREATE TABLE refunds (
  id            integer PRIMARY KEY,
  shop_id       integer NOT NULL REFERENCES shops (id),
  order_id      integer NOT NULL REFERENCES orders (id),
  amount_cents  integer NOT NULL,
  created_at    timestamptz NOT NULL
);

-- Every widget of the dashboard reads one shop's rows, most of them for one month.
CREATE INDEX customers_shop_signed_up_idx ON customers (shop_id, signed_up_at);
CREATE INDEX products_shop_idx ON products (shop_id);
CREATE INDEX orders_shop_placed_idx ON orders (shop_id, placed_at);
CREATE INDEX orders_open_idx ON orders (shop_id) WHERE status = 'paid';
CREATE INDEX order_items_order_idx ON order_items (order_id) INCLUDE (product_id, quantity);
CREATE INDEX refunds_shop_created_idx ON refunds (shop_id, created_at);
