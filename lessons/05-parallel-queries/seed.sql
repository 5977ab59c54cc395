-- Deterministic data: setseed fixes random(), timestamps count from fixed dates.
-- "Now" on the platform is 2025-11-20 18:00 UTC: the dashboards show November 2025.
SELECT setseed(0.23);

-- Bulk load: drop the foreign keys, load, add them back (one check per table, not per row).
ALTER TABLE customers DROP CONSTRAINT customers_shop_id_fkey;
ALTER TABLE products DROP CONSTRAINT products_shop_id_fkey;
ALTER TABLE orders DROP CONSTRAINT orders_shop_id_fkey, DROP CONSTRAINT orders_customer_id_fkey;
ALTER TABLE order_items DROP CONSTRAINT order_items_order_id_fkey, DROP CONSTRAINT order_items_product_id_fkey;
ALTER TABLE refunds DROP CONSTRAINT refunds_shop_id_fkey, DROP CONSTRAINT refunds_order_id_fkey;

INSERT INTO shops (id, name)
SELECT g,
       (ARRAY['Northwind','Blue Fern','Copper Kettle','Little Loom','Oak & Ink','Saltmarsh','Tidewater','Hearth'])[1 + g % 8]
         || ' ' || (ARRAY['Goods','Supply','Studio','Market','Trading Co.'])[1 + (g / 8) % 5]
FROM generate_series(1, 30) AS g;

-- 6,000 customers signing up since 2024, one every 165 minutes; a few shops are much bigger.
INSERT INTO customers (id, shop_id, email, signed_up_at)
SELECT g,
       1 + floor(30 * power(random(), 1.8))::int,
       'customer' || g || '@example.com',
       timestamptz '2024-01-01 00:00+00' + g * interval '165 minutes'
FROM generate_series(1, 6000) AS g;

-- 50 products per shop. Stock is often low; one product in twelve is discontinued.
INSERT INTO products (id, shop_id, name, stock, reorder_at, active)
SELECT g,
       1 + (g - 1) / 50,
       (ARRAY['Linen apron','Beeswax candle','Ceramic bowl','Wool throw','Notebook','Tea towel','Soap bar','Plant pot','Tote bag','Spice jar'])[1 + g % 10]
         || ' ' || (ARRAY['natural','indigo','rust','sage','charcoal'])[1 + (g / 10) % 5] || ' #' || g,
       floor(200 * power(random(), 2))::int,
       5 + floor(random() * 16)::int,
       g % 12 <> 0
FROM generate_series(1, 1500) AS g;

-- 12,000 orders, one every 38 minutes from 2025-01-05 to 2025-11-20, each by a customer who had
-- signed up by then (and of that customer's shop). Recent orders are mostly paid and not yet
-- shipped; a few old ones are still waiting.
INSERT INTO orders (id, shop_id, customer_id, status, total_cents, placed_at)
SELECT o.g, c.shop_id, c.id,
       CASE WHEN o.placed_at > timestamptz '2025-11-16 18:00+00'
            THEN (ARRAY['paid','paid','paid','paid','paid','paid','paid','paid','shipped','cancelled'])[1 + floor(random() * 10)::int]
            WHEN random() < 0.006 THEN 'paid'
            WHEN random() < 0.05 THEN 'cancelled'
            ELSE 'shipped' END,
       0,
       o.placed_at
FROM (SELECT g, timestamptz '2025-01-05 00:00+00' + g * interval '38 minutes' AS placed_at,
             random() AS r
        FROM generate_series(1, 12000) AS g) AS o
JOIN customers c
  ON c.id = 1 + floor(o.r * floor(extract(epoch FROM o.placed_at - timestamptz '2024-01-01 00:00+00') / (165 * 60)))::int;

-- One to three lines per order, from the order's shop; a few products sell far more than others.
INSERT INTO order_items (id, order_id, product_id, quantity, unit_price_cents)
SELECT o.id * 4 + l.n,
       o.id,
       (o.shop_id - 1) * 50 + 1 + floor(50 * power(random(), 1.7))::int,
       1 + floor(power(random(), 3) * 4)::int,
       500 + floor(random() * 60)::int * 100
FROM orders o
CROSS JOIN LATERAL generate_series(1, 1 + (o.id * 7919) % 3) AS l(n);

-- The order total is its lines plus 4.95 shipping.
UPDATE orders o SET total_cents = t.sum + 495
FROM (SELECT order_id, sum(quantity * unit_price_cents)::int AS sum FROM order_items GROUP BY order_id) AS t
WHERE t.order_id = o.id;

-- About one shipped order in 25 is refunded, a few of them twice (a partial refund, then the rest).
INSERT INTO refunds (id, shop_id, order_id, amount_cents, created_at)
SELECT row_number() OVER (ORDER BY r.created_at, r.order_id), r.shop_id, r.order_id, r.amount_cents, r.created_at
FROM (SELECT o.shop_id, o.id AS order_id,
             CASE WHEN n = 1 AND o.id % 5 = 0 THEN o.total_cents / 3 ELSE o.total_cents - (CASE WHEN o.id % 5 = 0 THEN o.total_cents / 3 ELSE 0 END) END AS amount_cents,
             o.placed_at + (2 + (o.id % 9) + n * 2) * interval '1 day' AS created_at
        FROM orders o
        CROSS JOIN generate_series(1, 2) AS n
       WHERE o.status = 'shipped' AND (o.id * 2654435761::bigint) % 25 = 0
         AND (n = 1 OR o.id % 5 = 0)) AS r
WHERE r.created_at < timestamptz '2025-11-20 18:00+00';

ALTER TABLE customers ADD CONSTRAINT customers_shop_id_fkey FOREIGN KEY (shop_id) REFERENCES shops (id);
ALTER TABLE products ADD CONSTRAINT products_shop_id_fkey FOREIGN KEY (shop_id) REFERENCES shops (id);
ALTER TABLE orders
  ADD CONSTRAINT orders_shop_id_fkey FOREIGN KEY (shop_id) REFERENCES shops (id),
  ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id);
ALTER TABLE order_items
  ADD CONSTRAINT order_items_order_id_fkey FOREIGN KEY (order_id) REFERENCES orders (id),
  ADD CONSTRAINT order_items_product_id_fkey FOREIGN KEY (product_id) REFERENCES products (id);
ALTER TABLE refunds
  ADD CONSTRAINT refunds_shop_id_fkey FOREIGN KEY (shop_id) REFERENCES shops (id),
  ADD CONSTRAINT refunds_order_id_fkey FOREIGN KEY (order_id) REFERENCES orders (id);
