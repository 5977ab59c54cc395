-- Deterministic data: setseed fixes random(), timestamps count from a fixed date.
SELECT setseed(0.18);

-- About 40,000 sale lines, three per receipt on average, from mid-December 2024 on: one receipt every
-- 12 minutes somewhere in the chain, each store numbering its own receipts. 5,000 products; about
-- one line in twenty is voided at the till.
INSERT INTO sale_lines (store_id, receipt_no, sku, quantity, amount_cents, status, sold_at)
SELECT 1 + (g / 3) % 40,
       1 + (g / 3) / 40,
       'SKU-' || lpad((1 + floor(random() * 5000))::int::text, 5, '0'),
       1 + floor(random() * 3)::int,
       150 + floor(random() * 2500)::int,
       CASE WHEN random() < 0.05 THEN 'void' ELSE 'sold' END,
       timestamptz '2024-12-15 07:00+00' + (g / 3) * interval '12 minutes'
FROM generate_series(0, round(40000 * current_setting('fastpath.scale')::numeric)::int - 1) AS g;

-- The support desk finds a receipt by store and number.
CREATE INDEX sale_lines_receipt_idx ON sale_lines (store_id, receipt_no);

-- Added one by one over the past months, each "to speed up the product report".
CREATE INDEX sale_lines_sku_idx ON sale_lines (sku);
CREATE INDEX sale_lines_sku_sold_at_idx ON sale_lines (sku, sold_at);
CREATE INDEX sale_lines_status_idx ON sale_lines (status);
CREATE INDEX sale_lines_status_sku_idx ON sale_lines (status, sku);
CREATE INDEX sale_lines_status_sold_at_idx ON sale_lines (status, sold_at);
CREATE INDEX sale_lines_sold_at_idx ON sale_lines (sold_at);
CREATE INDEX sale_lines_sold_at_sku_idx ON sale_lines (sold_at, sku) INCLUDE (quantity, amount_cents);
CREATE INDEX sale_lines_store_sku_idx ON sale_lines (store_id, sku);
CREATE INDEX sale_lines_amount_idx ON sale_lines (amount_cents);
CREATE INDEX sale_lines_sku_amount_idx ON sale_lines (sku, amount_cents) INCLUDE (quantity);
