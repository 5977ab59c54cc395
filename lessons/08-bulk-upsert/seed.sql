-- Deterministic data: setseed fixes random(), timestamps count from a fixed date.
SELECT setseed(0.23);

-- 1,800 products, 600 from each supplier (SKUs KS-00001 to KS-00600, NH-..., FE-...). The names are
-- the shop's own, not the suppliers' (some have an apostrophe, as names do).
INSERT INTO products (sku, supplier, name, price_cents, stock, created_at, updated_at)
SELECT s.prefix || '-' || lpad(g::text, 5, '0'),
       s.supplier,
       (ARRAY['Chef''s knife','Bread knife','Paring knife','Cutting board','Saucepan','Frying pan','Stockpot','Baker''s whisk',
              'Mixing bowl','Colander','Peeler','Grater','Ladle','Spatula','Tongs','Rolling pin'])[1 + g % 16]
         || ', ' || (ARRAY['small','medium','large','set of 2','set of 3','steel','oak','enamel'])[1 + (g / 16) % 8]
         || ' (' || s.supplier || ' ' || g || ')',
       490 + floor(random() * 15000)::int,
       floor(random() * 200)::int,
       timestamptz '2025-01-01 00:00+00' + (s.n * 600 + g) * interval '3 hours',
       timestamptz '2025-01-01 00:00+00' + (s.n * 600 + g) * interval '3 hours' + floor(random() * 2000) * interval '1 hour'
FROM (VALUES (0, 'KS', 'Kessler'), (1, 'NH', 'Nordhaus'), (2, 'FE', 'Ferro')) AS s(n, prefix, supplier),
     generate_series(1, 600) AS g;
