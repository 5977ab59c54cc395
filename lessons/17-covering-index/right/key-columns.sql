-- total_cents as a third key column instead of an INCLUDE column: the index still covers the query.
CREATE INDEX orders_shop_id_created_at_total_idx ON orders (shop_id, created_at, total_cents);
