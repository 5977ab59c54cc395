-- Deterministic data: setseed fixes random(), timestamps count from a fixed date.
SELECT setseed(0.42);

ALTER TABLE orders DROP CONSTRAINT orders_customer_id_fkey;
ALTER TABLE order_items DROP CONSTRAINT order_items_order_id_fkey, DROP CONSTRAINT order_items_product_id_fkey;

INSERT INTO customers (id, name, email)
SELECT g,
       (ARRAY['Amara','Bjorn','Chen','Dalia','Emeka','Fatima','Goran','Hana','Ines','Jonas'])[1 + g % 10]
         || ' ' || (ARRAY['Okafor','Lindqvist','Wei','Haddad','Mensah','Rahman','Petrovic','Sato','Duarte','Weber'])[1 + (g / 10) % 10],
       'customer' || g || '@example.com'
FROM generate_series(1, 1000) AS g;

INSERT INTO products (id, name, price_cents)
SELECT g,
       (ARRAY['Espresso beans','Pour-over kettle','Ceramic mug','Milk frother','Burr grinder','Paper filters','Travel tumbler','Cold brew jar'])[1 + g % 8]
         || ' ' || (ARRAY['Classic','Pro','Mini','XL','Nordic','Studio'])[1 + (g / 8) % 6] || ' #' || g,
       300 + floor(random() * 12000)::int
FROM generate_series(1, 400) AS g;

-- 12,000 orders. A few customers order far more than the others (power of random()).
INSERT INTO orders (id, customer_id, status, placed_at)
SELECT g,
       1 + floor(1000 * power(random(), 3))::int,
       (ARRAY['paid','shipped','shipped','shipped','cancelled','cart'])[1 + floor(random() * 6)::int],
       timestamptz '2025-01-01 00:00+00' + g * interval '40 minutes'
FROM generate_series(1, 12000) AS g;

-- One to six lines per order, except orders whose id is a multiple of 9: carts left empty and
-- orders cancelled before anything was added have no lines at all.
INSERT INTO order_items (id, order_id, product_id, quantity, unit_price_cents)
SELECT row_number() OVER (ORDER BY o.id, l.n),
       o.id,
       p.id,
       1 + floor(random() * 3)::int,
       p.price_cents
FROM orders o
CROSS JOIN LATERAL generate_series(1, 1 + (o.id * 7919) % 6) AS l(n)
JOIN products p ON p.id = 1 + (o.id * 31 + l.n * 97) % 400
WHERE o.id % 9 <> 0;

ALTER TABLE orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id);
ALTER TABLE order_items
  ADD CONSTRAINT order_items_order_id_fkey FOREIGN KEY (order_id) REFERENCES orders (id),
  ADD CONSTRAINT order_items_product_id_fkey FOREIGN KEY (product_id) REFERENCES products (id) ON DELETE SET NULL;

-- Products withdrawn from the catalogue: every 25th. Their lines keep the price, lose the product.
DELETE FROM products WHERE id % 25 = 0;
