-- A kitchenware shop's catalogue. Three suppliers send price lists; an import keeps prices and stock
-- in step with them. The SKU is the supplier's article number and the product's key.
CREATE TABLE products (
  sku          text PRIMARY KEY,
  supplier     text NOT NULL,
  -- The name shown in the shop, written by the shop's own staff. A supplier's name is only used to
  -- create a product the shop did not have yet; after that, staff edit it and imports leave it alone.
  name         text NOT NULL,
  price_cents  integer NOT NULL CHECK (price_cents > 0),
  stock        integer NOT NULL CHECK (stock >= 0),
  created_at   timestamptz NOT NULL,
  updated_at   timestamptz NOT NULL
);
