-- Deterministic data: setseed fixes random(), timestamps count from a fixed date.
SELECT setseed(0.41);

-- Bulk load: drop the foreign key, load, add it back (one check for the whole table).
ALTER TABLE reviews DROP CONSTRAINT reviews_product_id_fkey;

INSERT INTO products (id, name, price_cents)
SELECT g,
       (ARRAY['Espresso','Pour-over','French press','Cold brew','Moka pot','Grinder','Kettle','Scale'])[1 + g % 8]
         || ' ' || (ARRAY['Classic','Pro','Mini','Travel','Deluxe'])[1 + (g / 8) % 5] || ' ' || g,
       990 + floor(random() * 20000)::int
FROM generate_series(1, 300) AS g;

-- 20,000 reviews; popular products (low ids) collect far more of them.
INSERT INTO reviews (id, product_id, rating, title, created_at)
SELECT g,
       1 + floor(300 * power(random(), 2))::int,
       1 + floor(5 * power(random(), 0.5))::int,
       (ARRAY['Great','Fine','Broke after a month','Exactly as described','Would buy again','Too loud'])[1 + floor(random() * 6)::int]
         || ' (' || g || ')',
       timestamptz '2025-01-01 00:00+00' + g * interval '13 minutes'
FROM generate_series(1, 20000) AS g;

ALTER TABLE reviews ADD CONSTRAINT reviews_product_id_fkey FOREIGN KEY (product_id) REFERENCES products (id);

SELECT setval('reviews_id_seq', 20000);
