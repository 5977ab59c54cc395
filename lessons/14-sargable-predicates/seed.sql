-- Deterministic data: setseed fixes random(), timestamps count from a fixed instant.
-- fastpath.scale is 1 for the lesson's own data; the learner may re-seed at other sizes.
SELECT setseed(0.14);

-- Bulk load the Postgres way: drop the foreign key and the indexes, load, add them back.
ALTER TABLE orders DROP CONSTRAINT orders_customer_id_fkey;
ALTER TABLE customers DROP CONSTRAINT customers_email_key;
DROP INDEX orders_created_at_idx;

-- 32,000 customers. One in three typed their address with capitals at sign-up
-- ("Tom.Garcia3@Example.Com"), and one in seven has an underscore in it ("jan_garcia1@...").
INSERT INTO customers (id, email, name)
SELECT g,
       CASE g % 3
         WHEN 0 THEN initcap(f) || '.' || initcap(l) || g || '@' || initcap(d)
         ELSE f || CASE WHEN g % 7 = 1 THEN '_' ELSE '.' END || l || g || '@' || d
       END,
       initcap(f) || ' ' || initcap(l)
FROM (
  SELECT g,
         (ARRAY['maria','jan','lena','tom','sara','ali','mia','noah','emma','luca','olga','ben'])[1 + g % 12] AS f,
         (ARRAY['garcia','smith','novak','muller','rossi','kim','silva','brown','dubois','jensen','costa'])[1 + (g / 12) % 11] AS l,
         (ARRAY['example.com','mail.test','post.example','inbox.test'])[1 + (g / 132) % 4] AS d
  FROM generate_series(1, round(32000 * current_setting('fastpath.scale')::numeric)::int) AS g
) AS people;

-- Two years of web orders (90,000 at scale 1) at random instants, microseconds included. The
-- evening flash sale ends at midnight, so every day one order lands in its last second.
INSERT INTO orders (id, customer_id, total_cents, created_at)
SELECT g,
       1 + ((g::bigint * 7919) % n.customers)::int,
       900 + floor(random() * 9000)::int,
       to_timestamp(1719792000 + (g - 1 + random()) * (63072000.0 / n.orders))  -- from 2024-07-01 00:00 UTC, over 730 days
FROM (SELECT round(90000 * current_setting('fastpath.scale')::numeric)::int AS orders,
             (SELECT count(*)::int FROM customers) AS customers) AS n,
     generate_series(1, n.orders) AS g;

INSERT INTO orders (id, customer_id, total_cents, created_at)
SELECT (SELECT max(id) FROM orders) + day,
       1 + floor(random() * (SELECT count(*) FROM customers))::int,
       900 + floor(random() * 9000)::int,
       timestamptz '2024-07-01 00:00+00' + day * interval '1 day' - (0.001 + random() * 0.9) * interval '1 second'
FROM generate_series(1, 730) AS day;

-- The renewal job charges three subscriptions at exactly 00:00:00 UTC every night.
INSERT INTO orders (id, customer_id, total_cents, created_at)
SELECT (SELECT max(id) FROM orders) + day * 3 + k,
       1 + floor(random() * (SELECT count(*) FROM customers))::int,
       1490,
       timestamptz '2024-07-01 00:00+00' + day * interval '1 day'
FROM generate_series(0, 730) AS day, generate_series(1, 3) AS k;

-- Two customers whose addresses differ in one character: the dot in one is an underscore in the other.
INSERT INTO customers (id, email, name) VALUES
  (900001, 'anna.lee@mail.test', 'Anna Lee'),
  (900002, 'Anna_Lee@mail.test', 'Anna Lee');

CREATE INDEX orders_created_at_idx ON orders (created_at);
ALTER TABLE customers ADD CONSTRAINT customers_email_key UNIQUE (email);
ALTER TABLE orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id);
