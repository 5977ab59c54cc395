-- INCLUDE (status), a column the query does not read: total_cents is still only in the table.
-- expect: requirePlanNode, maxRowsReadPerRequest
CREATE INDEX orders_shop_id_created_at_status_idx ON orders (shop_id, created_at) INCLUDE (status);
