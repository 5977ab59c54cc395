-- Deterministic data: setseed fixes random(), timestamps count from a fixed date.
SELECT setseed(0.19);

-- Two years of orders, one every 13 minutes, from 15,000 customers. Every earlier batch has been
-- accepted, so no order is pending: the statistics taken after this load (ANALYZE) know the
-- statuses 'shipped', 'accepted' and 'cancelled', and nothing else.
INSERT INTO orders (customer_id, status, total_cents, created_at)
SELECT 1 + floor(random() * 15000)::int,
       CASE WHEN random() < 0.05 THEN 'cancelled' WHEN g % 10 < 2 THEN 'accepted' ELSE 'shipped' END,
       500 + floor(random() * 30000)::int,
       timestamptz '2023-11-20 00:00+00' + g * interval '13 minutes'
FROM generate_series(1, round(80000 * current_setting('fastpath.scale')::numeric)::int) AS g;

-- The order desk's queue (pending orders) and a customer's order history.
CREATE INDEX orders_status_idx ON orders (status);
CREATE INDEX orders_customer_idx ON orders (customer_id, created_at);
