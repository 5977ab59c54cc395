-- Deterministic data: setseed fixes random(), timestamps count from a fixed date.
SELECT setseed(0.29);

INSERT INTO customers (id, name, email)
SELECT g, 'Customer ' || g, 'customer' || g || '@example.com'
FROM generate_series(1, 5000) AS g;

-- 150,000 orders over two years, one every 7 minutes. Old orders are delivered or cancelled;
-- the recent ones are still open or on their way.
INSERT INTO orders (id, customer_id, status, total_cents, created_at)
SELECT g,
       1 + floor(random() * 5000)::int,
       CASE
         WHEN g > 145000 AND random() < 0.7 THEN 'open'
         WHEN g > 140000 AND random() < 0.5 THEN 'shipped'
         WHEN random() < 0.06 THEN 'cancelled'
         WHEN g > 130000 AND random() < 0.05 THEN 'open'
         ELSE 'delivered'
       END,
       500 + floor(random() * 30000)::int,
       timestamptz '2024-11-01 00:00+00' + g * interval '7 minutes'
FROM generate_series(1, 150000) AS g;
