-- Deterministic data: setseed fixes random(), timestamps count from a fixed date.
SELECT setseed(0.09);

INSERT INTO categories (id, name)
SELECT g, (ARRAY['Tents','Sleeping bags','Backpacks','Stoves','Headlamps','Trail shoes','Rain jackets','Water filters','Trekking poles','Camp chairs'])[g]
FROM generate_series(1, 10) AS g;

-- 2,000 products, 200 per category. Descriptions run to 2-4 KB and specs to about 1.5 KB, as on a
-- real product page; a few products have no rating yet.
INSERT INTO products (id, category_id, name, price_cents, popularity, rating, description, specs, images, updated_at)
SELECT g,
       1 + g % 10,
       (ARRAY['Alpine','Ridge','Summit','Canyon','Fjord','Tundra','Cascade','Boreal'])[1 + g % 8] || ' '
         || (ARRAY['Lite','Pro','Trek','Ultra','Explorer','Base'])[1 + (g / 8) % 6] || ' ' || g,
       1500 + floor(random() * 45000)::int,
       floor(random() * 100000)::int,
       CASE WHEN g % 13 = 0 THEN NULL ELSE round((2.5 + random() * 2.5)::numeric, 2) END,
       'Built for long days on the trail, model ' || g || ' balances weight and comfort. '
         || repeat('Every seam is taped and every buckle tested in cold and wet conditions, so it keeps working when the weather turns. ', 18 + g % 18)
         || 'Repairable, with spare parts sold separately.',
       jsonb_build_object(
         'brand', (ARRAY['Nordwand','Peakline','Trailforge','Kestrel','Ursa'])[1 + g % 5],
         'weightGrams', 200 + g % 1800,
         'materials', jsonb_build_array('ripstop nylon', 'aluminium 7001', 'recycled polyester', 'YKK zips'),
         'dimensionsCm', jsonb_build_object('length', 20 + g % 200, 'width', 10 + g % 90, 'height', 5 + g % 60),
         'care', repeat('Hand wash cold, dry in the shade, store loose. ', 6),
         'warranty', 'Two years, worldwide, against defects in materials and workmanship.',
         'certifications', jsonb_build_array('bluesign', 'Fair Wear', 'ISO 9001'),
         'features', (SELECT jsonb_agg('Feature ' || f || ' of model ' || g) FROM generate_series(1, 12) AS f)),
       ARRAY['https://img.example.com/p/' || g || '/front.jpg', 'https://img.example.com/p/' || g || '/back.jpg',
             'https://img.example.com/p/' || g || '/side.jpg', 'https://img.example.com/p/' || g || '/detail-1.jpg',
             'https://img.example.com/p/' || g || '/detail-2.jpg', 'https://img.example.com/p/' || g || '/in-use.jpg'],
       timestamptz '2025-03-01 00:00+00' + g * interval '2 hours'
FROM generate_series(1, 2000) AS g;
