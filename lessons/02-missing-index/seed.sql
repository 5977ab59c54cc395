-- Deterministic data: setseed fixes random(), timestamps count from a fixed date.
SELECT setseed(0.29);

-- Bulk load the Postgres way: drop the foreign key, load, add it back. Checking it once for the
-- whole table is several times faster than checking it row by row during the insert.
ALTER TABLE orders DROP CONSTRAINT orders_customer_id_fkey;

INSERT INTO customers (id, name, email)
SELECT g, 'Customer ' || g, 'customer' || g || '@example.com'
FROM generate_series(1, 5000) AS g;

-- 250,000 orders over two years (at scale 1: one every 4 minutes; fastpath.scale multiplies the
-- orders, the two years and the 5,000 customers stay). A wholesale shop: an order stays open until
-- its invoice is paid, and customers pay slowly, so about a third of all orders are open.
INSERT INTO orders (id, customer_id, status, total_cents, created_at)
SELECT g,
       1 + floor(random() * 5000)::int,
       CASE
         WHEN random() < 0.3 THEN 'open'
         WHEN random() < 0.06 THEN 'cancelled'
         ELSE 'paid'
       END,
       500 + floor(random() * 30000)::int,
       timestamptz '2024-11-01 00:00+00' + g * (interval '4 minutes' / size.scale)
FROM (SELECT current_setting('fastpath.scale')::numeric AS scale) AS size,
     generate_series(1, round(250000 * size.scale)::int) AS g;

ALTER TABLE orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id);
