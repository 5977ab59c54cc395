-- A chain of 40 bakeries. Every till uploads its receipts, line by line, a few times an hour; head
-- office reads a product report, and the support desk looks receipts up by their number.
CREATE TABLE sale_lines (
  id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  store_id      integer NOT NULL,
  receipt_no    integer NOT NULL,
  sku           text NOT NULL,
  quantity      integer NOT NULL CHECK (quantity > 0),
  amount_cents  integer NOT NULL CHECK (amount_cents >= 0),
  status        text NOT NULL CHECK (status IN ('sold', 'void')),
  sold_at       timestamptz NOT NULL
);

-- The indexes are created at the end of seed.sql, after the load (faster than maintaining them row
-- by row during it).
