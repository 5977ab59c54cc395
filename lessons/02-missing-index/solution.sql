-- A partial index: only open orders, keyed by customer, newest first.
-- It stays small (a few thousand rows) and answers the query without a sort.
CREATE INDEX orders_open_by_customer_idx
  ON orders (customer_id, created_at DESC, id DESC)
  WHERE status = 'open';
