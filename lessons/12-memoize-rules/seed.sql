-- Deterministic data: setseed fixes random(), timestamps count from a fixed date.
SELECT setseed(0.61);

ALTER TABLE products DROP CONSTRAINT products_rule_id_fkey;
ALTER TABLE quotes DROP CONSTRAINT quotes_customer_id_fkey;
ALTER TABLE quote_lines DROP CONSTRAINT quote_lines_quote_id_fkey, DROP CONSTRAINT quote_lines_product_id_fkey;

-- The tables every rule carries: the standard VAT of each EU country (a reduced rate for the
-- groups that qualify), the sales tax of the US states the wholesaler ships to, and the freight
-- per unit to each region.
CREATE TEMP TABLE taxes (region text, label text, standard text, reduced text, n integer, freight integer);
INSERT INTO taxes
SELECT region, label, standard, reduced, n, CASE WHEN label = 'vat' THEN 120 + 23 * (n % 17) ELSE 380 + 31 * (n % 13) END
FROM (SELECT *, row_number() OVER () AS n FROM (VALUES
  ('AT', 'vat', '20', '10'), ('BE', 'vat', '21', '6'), ('BG', 'vat', '20', '9'), ('HR', 'vat', '25', '13'),
  ('CY', 'vat', '19', '5'), ('CZ', 'vat', '21', '12'), ('DK', 'vat', '25', '25'), ('EE', 'vat', '24', '9'),
  ('FI', 'vat', '25.5', '14'), ('FR', 'vat', '20', '5.5'), ('DE', 'vat', '19', '7'), ('GR', 'vat', '24', '13'),
  ('HU', 'vat', '27', '5'), ('IE', 'vat', '23', '13.5'), ('IT', 'vat', '22', '10'), ('LV', 'vat', '21', '12'),
  ('LT', 'vat', '21', '9'), ('LU', 'vat', '17', '8'), ('MT', 'vat', '18', '7'), ('NL', 'vat', '21', '9'),
  ('PL', 'vat', '23', '8'), ('PT', 'vat', '23', '6'), ('RO', 'vat', '21', '11'), ('SK', 'vat', '23', '19'),
  ('SI', 'vat', '22', '9.5'), ('ES', 'vat', '21', '10'), ('SE', 'vat', '25', '12'),
  ('US-AL', 'tax', '4', '4'), ('US-AZ', 'tax', '5.6', '5.6'), ('US-CA', 'tax', '7.25', '7.25'), ('US-CO', 'tax', '2.9', '2.9'),
  ('US-CT', 'tax', '6.35', '6.35'), ('US-FL', 'tax', '6', '6'), ('US-GA', 'tax', '4', '4'), ('US-IL', 'tax', '6.25', '6.25'),
  ('US-IN', 'tax', '7', '7'), ('US-KY', 'tax', '6', '6'), ('US-LA', 'tax', '4.45', '4.45'), ('US-MA', 'tax', '6.25', '6.25'),
  ('US-MD', 'tax', '6', '6'), ('US-MI', 'tax', '6', '6'), ('US-MN', 'tax', '6.88', '6.88'), ('US-MO', 'tax', '4.23', '4.23'),
  ('US-NC', 'tax', '4.75', '4.75'), ('US-NJ', 'tax', '6.63', '6.63'), ('US-NY', 'tax', '4', '4'), ('US-OH', 'tax', '5.75', '5.75'),
  ('US-PA', 'tax', '6', '6'), ('US-SC', 'tax', '6', '6'), ('US-TN', 'tax', '7', '7'), ('US-TX', 'tax', '6.25', '6.25'),
  ('US-UT', 'tax', '6.1', '6.1'), ('US-VA', 'tax', '5.3', '5.3'), ('US-WA', 'tax', '6.5', '6.5'), ('US-WI', 'tax', '5', '5')
) AS t (region, label, standard, reduced)) AS numbered;

-- 200 pricing rules, one per product group: the same shape, each with its own numbers.
INSERT INTO pricing_rules (id, name, body)
SELECT g,
       (ARRAY['Office chairs', 'Desks', 'Shelving', 'Lighting', 'Paper', 'Printer supplies', 'Books', 'Coffee', 'Cleaning', 'Cables'])[1 + g % 10] || ' ' || g,
       '# Price group ' || g || E'\n'
       || CASE WHEN g % 4 = 0 THEN '-' || (2 + g % 5) || E'%  # group discount\n' ELSE '' END
       || 'qty 5..9: -' || (1 + g % 3) || E'%\n'
       || 'qty 10..24: -' || (3 + g % 4) || E'.5%\n'
       || 'qty 25..99: -' || (6 + g % 5) || E'%\n'
       || 'qty >= 100: -' || (10 + g % 6) || E'%\n'
       || 'member: -' || (1 + g % 4) || E'%\n'
       || E'tier = gold: -3%\ntier = silver: -1.5%\n'
       || 'member and qty >= 50: -' || (1 + g % 2) || E'%\n'
       || CASE WHEN g % 3 = 0 THEN '-' || (50 + g) || E'  # cents off each unit\n' ELSE '' END
       || (SELECT string_agg('region = ' || region || ': +' || label || ' ' || CASE WHEN g % 10 IN (4, 6, 7) THEN reduced ELSE standard END || '%', E'\n' ORDER BY n) FROM taxes)
       || E'\nregion in [CH, NO, UK]: +duty 2.5%\n'
       || (SELECT string_agg('region = ' || region || ': +freight ' || (freight * (2 + g % 3) / 2), E'\n' ORDER BY n) FROM taxes)
       || E'\n'
       || 'min ' || (490 + 10 * (g % 50)) || E'\nround 5'
FROM generate_series(1, 200) AS g;

-- 1,200 products. Products 1 to 200 are one per group (the distributor's quote asks for those);
-- the other 1,000 fall mostly in the first groups: a few rules price most of the catalogue.
INSERT INTO products (id, name, list_price_cents, rule_id)
SELECT g,
       'Product ' || g,
       500 + floor(random() * 60000)::int,
       CASE WHEN g <= 200 THEN g ELSE least(200, 1 + floor(-ln(1 - random()) * 12)::int) END
FROM generate_series(1, 1200) AS g;

-- 400 customers across Europe and the US.
INSERT INTO customers (id, name, region, member, tier)
SELECT g,
       'Customer ' || g,
       (ARRAY['DE', 'DE', 'DE', 'FR', 'FR', 'NL', 'IT', 'ES', 'AT', 'BE', 'PL', 'SE', 'IE', 'FI', 'CH', 'UK', 'NO',
              'US-CA', 'US-NY', 'US-TX', 'US-IL', 'US-WA', 'US-NJ', 'US-OR'])[1 + floor(random() * 24)::int],
       random() < 0.4,
       CASE WHEN random() < 0.1 THEN 'gold' WHEN random() < 0.3 THEN 'silver' ELSE 'standard' END
FROM generate_series(1, 400) AS g;

-- 150 quotes of 90 to 230 lines of products 201 to 1,200; most lines order a few units, some a
-- hundred or more.
INSERT INTO quotes (id, customer_id, created_at)
SELECT g, 1 + floor(random() * 400)::int, timestamptz '2026-03-02 08:00+00' + g * interval '37 minutes'
FROM generate_series(1, 150) AS g;

INSERT INTO quote_lines (quote_id, line_no, product_id, qty)
SELECT q.id, n, 201 + floor(random() * 1000)::int, 1 + floor(power(random(), 3) * 200)::int
FROM (SELECT id, 90 + floor(random() * 140)::int AS lines FROM quotes) AS q,
     generate_series(1, q.lines) AS n;

-- Quote 151: a distributor asks for the price of one product of every group.
INSERT INTO quotes (id, customer_id, created_at) VALUES (151, 7, timestamptz '2026-03-06 09:00+00');
INSERT INTO quote_lines (quote_id, line_no, product_id, qty)
SELECT 151, g, g, 10 FROM generate_series(1, 200) AS g;

ALTER TABLE products ADD CONSTRAINT products_rule_id_fkey FOREIGN KEY (rule_id) REFERENCES pricing_rules (id);
ALTER TABLE quotes ADD CONSTRAINT quotes_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id);
ALTER TABLE quote_lines
  ADD CONSTRAINT quote_lines_quote_id_fkey FOREIGN KEY (quote_id) REFERENCES quotes (id),
  ADD CONSTRAINT quote_lines_product_id_fkey FOREIGN KEY (product_id) REFERENCES products (id);

DROP TABLE taxes;
