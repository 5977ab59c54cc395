-- The existing index, plus total_cents as a payload column: every value the query needs is in the
-- index, so Postgres answers from it alone (Index Only Scan) and never visits the table's pages.
CREATE INDEX orders_shop_id_created_at_total_idx ON orders (shop_id, created_at) INCLUDE (total_cents);
