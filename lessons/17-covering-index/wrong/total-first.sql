-- (total_cents, shop_id, created_at): every column is there, but led by total_cents (12,000 distinct values, too many for a skip scan), so Postgres keeps the old plan.
-- expect: requirePlanNode, maxRowsReadPerRequest
CREATE INDEX orders_total_shop_created_idx ON orders (total_cents, shop_id, created_at);
