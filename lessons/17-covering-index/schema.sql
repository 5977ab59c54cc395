-- A platform that hosts online shops. Each shop owner's dashboard shows how many orders the shop
-- took and how much revenue they brought in over the last 90 days.
CREATE TABLE shops (
  id          integer PRIMARY KEY,
  name        text NOT NULL,
  currency    text NOT NULL
);

CREATE TABLE orders (
  id                 integer PRIMARY KEY,
  shop_id            integer NOT NULL REFERENCES shops (id),
  customer_id        integer NOT NULL,
  status             text NOT NULL CHECK (status IN ('paid', 'shipped', 'delivered', 'refunded')),
  total_cents        integer NOT NULL CHECK (total_cents >= 0),
  shipping_cents     integer NOT NULL,
  discount_code      text,
  channel            text NOT NULL,
  shipping_country   text NOT NULL,
  created_at         timestamptz NOT NULL
);

-- Every shop's order list is filtered by shop and sorted by date, so this index has been there from day one.
CREATE INDEX orders_shop_id_created_at_idx ON orders (shop_id, created_at);
