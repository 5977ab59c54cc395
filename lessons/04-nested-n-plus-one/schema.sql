-- A web shop's order history: customers place orders, an order has lines, a line names a product.
CREATE TABLE customers (
  id          integer PRIMARY KEY,
  name        text NOT NULL,
  email       text NOT NULL UNIQUE
);

CREATE TABLE products (
  id          integer PRIMARY KEY,
  name        text NOT NULL,
  price_cents integer NOT NULL
);

CREATE TABLE orders (
  id          integer PRIMARY KEY,
  customer_id integer NOT NULL REFERENCES customers (id),
  status      text NOT NULL CHECK (status IN ('cart', 'paid', 'shipped', 'cancelled')),
  placed_at   timestamptz NOT NULL
);

-- A line keeps the price paid. When a product is withdrawn from the catalogue its row is deleted and
-- the line's product_id becomes NULL: the order history still shows the line, without a name.
CREATE TABLE order_items (
  id               integer PRIMARY KEY,
  order_id         integer NOT NULL REFERENCES orders (id),
  product_id       integer REFERENCES products (id) ON DELETE SET NULL,
  quantity         integer NOT NULL CHECK (quantity > 0),
  unit_price_cents integer NOT NULL
);

CREATE INDEX orders_customer_placed_idx ON orders (customer_id, placed_at DESC, id DESC);
CREATE INDEX order_items_order_id_idx ON order_items (order_id);
CREATE INDEX order_items_product_id_idx ON order_items (product_id);
