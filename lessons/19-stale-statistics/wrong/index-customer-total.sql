-- An index on (customer_id, total_cents) instead of fresh statistics: the duplicate check is still planned for one pending order, as a Nested Loop.
-- expect: forbidPlanNode
CREATE INDEX orders_customer_total_idx ON orders (customer_id, total_cents);
