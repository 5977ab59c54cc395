/**
 * Regenerates test/fixtures/plans/*.json: real EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) output from
 * PGlite for plan shapes the parser must handle. Run: node scripts/capture-plan-fixtures.ts
 */
import { writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';

const pg = await PGlite.create();
await pg.exec(`
  SELECT setseed(0.5);
  CREATE TABLE customers (id int PRIMARY KEY, region text NOT NULL);
  CREATE TABLE orders (id int PRIMARY KEY, customer_id int NOT NULL, status text NOT NULL, total int NOT NULL);
  INSERT INTO customers SELECT g, (ARRAY['eu','us','asia'])[1 + g % 3] FROM generate_series(1, 2000) g;
  INSERT INTO orders SELECT g, 1 + floor(random() * 2000)::int, CASE WHEN random() < 0.1 THEN 'open' ELSE 'done' END, floor(random() * 1000)::int
    FROM generate_series(1, 50000) g;
  CREATE INDEX orders_status_idx ON orders (status);
  CREATE INDEX orders_customer_idx ON orders (customer_id);
  ANALYZE;
  -- Make the planner's statistics lie about customers, for a misestimate.
  INSERT INTO customers SELECT g, 'eu' FROM generate_series(2001, 30000) g;
`);

const fixtures: Record<string, string> = {
  'seq-scan-filter': "SELECT * FROM orders WHERE total = 500",
  'index-scan': 'SELECT * FROM orders WHERE id = 42',
  'bitmap-heap-scan': "SELECT count(*) FROM orders WHERE customer_id IN (1, 2, 3)",
  'hash-join-sort': "SELECT c.region, sum(o.total) FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.status = 'open' GROUP BY c.region ORDER BY 2 DESC",
  'nested-loop-lateral': 'SELECT c.id, x.n FROM customers c CROSS JOIN LATERAL (SELECT count(*) AS n FROM orders o WHERE o.customer_id = c.id) x WHERE c.id <= 20',
  'misestimate': "SELECT * FROM customers WHERE region = 'eu'",
  'update': "UPDATE orders SET total = total + 1 WHERE id = 7",
};

for (const [name, sql] of Object.entries(fixtures)) {
  await pg.exec('BEGIN');
  const result = await pg.query<Record<string, unknown>>(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`);
  await pg.exec('ROLLBACK');
  const plan = Object.values(result.rows[0])[0];
  writeFileSync(new URL(`../test/fixtures/plans/${name}.json`, import.meta.url), `${JSON.stringify({ sql, explain: plan }, null, 2)}\n`);
  console.log(name);
}
await pg.close();
