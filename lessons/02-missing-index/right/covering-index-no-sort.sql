-- A covering partial index in the query's order: (customer_id, created_at DESC, id DESC) INCLUDE (total_cents) WHERE status = 'open' answers with an Index Only Scan that returns the rows already sorted, so the plan has no Sort.
CREATE INDEX orders_open_by_customer_covering_idx ON orders (customer_id, created_at DESC, id DESC) INCLUDE (total_cents) WHERE status = 'open';
