-- (shop_id) INCLUDE (total_cents): created_at is not in it, so it cannot cover the query; Postgres keeps the old plan and still fetches every matching order from the table.
-- expect: requirePlanNode, maxRowsReadPerRequest
CREATE INDEX orders_shop_id_total_idx ON orders (shop_id) INCLUDE (total_cents);
