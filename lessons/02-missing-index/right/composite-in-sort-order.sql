-- (customer_id, created_at DESC, id DESC) for the open orders: it finds them and holds them in the query's order; at this size Postgres still picks a bitmap scan and sorts the few rows (nine at most here), since it must visit the table for total_cents anyway.
CREATE INDEX orders_open_by_customer_newest_idx ON orders (customer_id, created_at DESC, id DESC) WHERE status = 'open';
