-- Deterministic data: setseed fixes random(), timestamps count from a fixed date.
SELECT setseed(0.1);

ALTER TABLE orders DROP CONSTRAINT orders_customer_id_fkey;
ALTER TABLE support_tickets DROP CONSTRAINT support_tickets_customer_id_fkey;

-- Customers 1-10 are enterprise accounts; the other 1,990 are offices.
INSERT INTO customers (id, name, segment)
SELECT g,
       (ARRAY['Acme','Globex','Initech','Umbrella','Hooli','Vandelay','Stark','Wayne','Tyrell','Soylent'])[1 + g % 10]
         || ' ' || (ARRAY['Holdings','Logistics','Dental','Legal','Studio','Labs','Foods','Energy'])[1 + (g / 10) % 8] || ' ' || g,
       CASE WHEN g <= 10 THEN 'enterprise' ELSE 'office' END
FROM generate_series(1, 2000) AS g;

-- Offices place 0 to 30 orders (one in ten none at all); enterprise accounts 1,260 to 1,800.
INSERT INTO orders (id, customer_id, status, total_cents, shipping_address, notes, placed_at)
SELECT row_number() OVER (ORDER BY c.id, n),
       c.id,
       (ARRAY['paid','shipped','shipped','shipped','shipped','refunded','cancelled'])[1 + floor(random() * 7)::int],
       1500 + floor(random() * 90000)::int,
       (10 + c.id % 90) || ' Industrial Way, Unit ' || (1 + n % 40) || ', Springfield',
       CASE WHEN random() < 0.3 THEN 'Deliver to the loading bay before noon; call reception on arrival.' END,
       timestamptz '2023-01-01 00:00+00' + (c.id * 7 + n * 13) % 1000 * interval '1 day' + n * interval '1 minute'
FROM customers c
CROSS JOIN LATERAL generate_series(1, CASE WHEN c.id <= 10 THEN 1200 + c.id * 60 WHEN c.id % 10 = 0 THEN 0 ELSE (c.id * 7) % 31 END) AS n;

-- Tickets: offices a few, enterprise accounts hundreds; about one in eight still open.
INSERT INTO support_tickets (id, customer_id, status, subject, opened_at)
SELECT row_number() OVER (ORDER BY c.id, n),
       c.id,
       CASE WHEN random() < 0.125 THEN 'open' ELSE 'closed' END,
       (ARRAY['Late delivery','Wrong item','Invoice question','Damaged box','Change of address'])[1 + floor(random() * 5)::int],
       timestamptz '2023-01-01 00:00+00' + n * interval '1 day'
FROM customers c
CROSS JOIN LATERAL generate_series(1, CASE WHEN c.id <= 10 THEN 150 ELSE c.id % 4 END) AS n;

ALTER TABLE orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id);
ALTER TABLE support_tickets ADD CONSTRAINT support_tickets_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id);
