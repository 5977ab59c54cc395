-- Deterministic data: setseed fixes random(), timestamps count from a fixed date.
SELECT setseed(0.17);

ALTER TABLE orders DROP CONSTRAINT orders_shop_id_fkey;

INSERT INTO shops (id, name, currency)
SELECT g, 'Shop ' || g, 'EUR'
FROM generate_series(1, 10) AS g;

-- 100,000 orders (times the data scale) from 2024-10-01 to 2025-09-30, in time order, spread over
-- 10 shops: shop 1 takes about one order in six, shop 10 about one in thirteen.
INSERT INTO orders (id, shop_id, customer_id, status, total_cents, shipping_cents, discount_code,
                    channel, shipping_country, created_at)
SELECT g,
       shop_id,
       1 + floor(random() * 8000)::int,
       CASE WHEN r < 0.04 THEN 'refunded' WHEN r < 0.1 THEN 'paid' WHEN r < 0.3 THEN 'shipped' ELSE 'delivered' END,
       total,
       CASE WHEN total > 5000 THEN 0 ELSE 495 END,
       CASE WHEN random() < 0.15 THEN 'SPRING' || (10 + floor(random() * 20)::int) END,
       CASE WHEN r2 < 0.7 THEN 'web' WHEN r2 < 0.9 THEN 'app' ELSE 'pos' END,
       CASE WHEN r2 < 0.6 THEN 'DE' WHEN r2 < 0.8 THEN 'AT' ELSE 'FR' END,
       created_at
FROM (
  SELECT g,
         1 + floor(10 * power(random(), 1.25))::int AS shop_id,
         random() AS r,
         random() AS r2,
         800 + floor(random() * 12000)::int AS total,
         timestamptz '2024-10-01 00:00+00' + floor(g * 31536000.0 / (n + 1)) * interval '1 second' AS created_at
  FROM (SELECT round(100000 * current_setting('fastpath.scale')::numeric)::int AS n) AS size,
       generate_series(1, n) AS g
) AS o;

-- Subscription boxes: shops 1 to 3 renew their subscribers' boxes every night at exactly midnight UTC,
-- so those orders sit right on the boundary between two days.
INSERT INTO orders (id, shop_id, customer_id, status, total_cents, shipping_cents, discount_code,
                    channel, shipping_country, created_at)
SELECT (SELECT max(id) FROM orders) + row_number() OVER (ORDER BY day, shop_id, k),
       shop_id, 1 + floor(random() * 8000)::int, 'delivered', 2990, 0, NULL, 'web', 'DE', day
FROM generate_series(timestamptz '2024-10-02 00:00+00', timestamptz '2025-09-30 00:00+00', interval '1 day') AS day,
     generate_series(1, 3) AS shop_id,
     generate_series(1, 3) AS k
WHERE random() < 0.5;

ALTER TABLE orders ADD CONSTRAINT orders_shop_id_fkey FOREIGN KEY (shop_id) REFERENCES shops (id);
