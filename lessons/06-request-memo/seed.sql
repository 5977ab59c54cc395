-- Deterministic data: setseed fixes random(); no timestamps at all.
SELECT setseed(0.61);

-- Bulk load: drop the foreign keys, load, add them back (one check per table, not per row).
ALTER TABLE locations DROP CONSTRAINT locations_customer_id_fkey, DROP CONSTRAINT locations_tax_zone_fkey;
ALTER TABLE invoices DROP CONSTRAINT invoices_customer_id_fkey;
ALTER TABLE invoice_lines
  DROP CONSTRAINT invoice_lines_invoice_id_fkey,
  DROP CONSTRAINT invoice_lines_location_id_fkey,
  DROP CONSTRAINT invoice_lines_product_id_fkey;

-- 40 tax zones (a state and a county or city), with rates from 4 % to 10.25 % in steps of 1/8;
-- Oregon has no sales tax, so its zones have a rate of 0.
INSERT INTO tax_zones (code, name, rate_percent)
SELECT s.code || '-' || lpad(z::text, 3, '0'),
       s.name || ', zone ' || z,
       CASE WHEN s.code = 'OR' THEN 0 ELSE round((4 + random() * 6.25)::numeric * 8) / 8 END
FROM unnest(ARRAY['CA','NY','TX','IL','WA','OR','CO','AZ'], ARRAY['California','New York','Texas','Illinois','Washington','Oregon','Colorado','Arizona']) AS s(code, name)
CROSS JOIN generate_series(1, 5) AS z;

-- 200 restaurant groups with two to five restaurants each, every restaurant of a group in a zone
-- of its own.
INSERT INTO customers (id, name)
SELECT g,
       (ARRAY['Harbor','Juniper','Copper Pot','Olive Branch','Saffron','Red Barn','Lantern','Fig & Thistle','Bluebird','Cedar'])[1 + g % 10]
         || ' ' || (ARRAY['Kitchens','Group','Hospitality','Eateries','Dining Co.'])[1 + (g / 10) % 5]
FROM generate_series(1, 200) AS g;

INSERT INTO locations (id, customer_id, name, tax_zone)
SELECT c.id * 10 + k,
       c.id,
       c.name || ' #' || k,
       (SELECT code FROM tax_zones ORDER BY code OFFSET (c.id * 7 + k * 11) % 40 LIMIT 1)
FROM customers c
CROSS JOIN LATERAL generate_series(1, 2 + c.id % 4) AS k;

-- 60 products; a few staples are on nearly every invoice, for several restaurants.
INSERT INTO products (id, name, price_cents)
SELECT g,
       (ARRAY['Olive oil 5 l','Flour 25 kg','Tomatoes, case','Mozzarella 2 kg','Basmati rice 10 kg','Butter 1 kg','Eggs, 180','Onions 10 kg','Parmesan 1 kg','Coffee beans 1 kg','Heavy cream 2 l','Napkins, 1000'])[1 + g % 12]
         || CASE WHEN g > 12 THEN ' (' || (ARRAY['organic','house brand','premium','bulk'])[1 + (g / 12) % 4] || ')' ELSE '' END,
       (400 + floor(random() * 9600)::int)
FROM generate_series(1, 60) AS g;

-- One draft invoice per group for November 2025, 30 to 80 lines each: deliveries to the group's
-- restaurants, in the order they were made.
INSERT INTO invoices (id, customer_id, period, status)
SELECT g, g, '2025-11', 'draft' FROM generate_series(1, 200) AS g;

INSERT INTO invoice_lines (id, invoice_id, line_no, location_id, product_id, quantity, unit_price_cents)
SELECT l.id, l.invoice_id, l.n, l.location_id, l.product_id, l.quantity, p.price_cents
FROM (SELECT i.id * 100 + n AS id,
             i.id AS invoice_id,
             n,
             i.customer_id * 10 + 1 + floor(random() * (2 + i.customer_id % 4))::int AS location_id,
             1 + floor(60 * power(random(), 2.5))::int AS product_id,
             1 + floor(random() * 12)::int AS quantity
        FROM invoices i
        CROSS JOIN LATERAL generate_series(1, 30 + (i.id * 37) % 51) AS n) AS l
JOIN products p ON p.id = l.product_id;

ALTER TABLE locations
  ADD CONSTRAINT locations_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id),
  ADD CONSTRAINT locations_tax_zone_fkey FOREIGN KEY (tax_zone) REFERENCES tax_zones (code);
ALTER TABLE invoices ADD CONSTRAINT invoices_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id);
ALTER TABLE invoice_lines
  ADD CONSTRAINT invoice_lines_invoice_id_fkey FOREIGN KEY (invoice_id) REFERENCES invoices (id),
  ADD CONSTRAINT invoice_lines_location_id_fkey FOREIGN KEY (location_id) REFERENCES locations (id),
  ADD CONSTRAINT invoice_lines_product_id_fkey FOREIGN KEY (product_id) REFERENCES products (id);
