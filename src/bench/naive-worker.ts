/**
 * The benchmark's baseline: what a page does without Fastpath's snapshot. A fresh PGlite runs
 * initdb, then the lesson's schema and seed. Posts how long each step took.
 */
import { PGlite } from '@electric-sql/pglite';

self.onmessage = async (event: MessageEvent<{ schema: string; seed: string }>) => {
  const started = performance.now();
  const pg = await PGlite.create();
  const created = performance.now();
  await pg.exec(event.data.schema);
  await pg.exec(event.data.seed);
  await pg.exec('ANALYZE');
  self.postMessage({ createMs: created - started, seedMs: performance.now() - created, totalMs: performance.now() - started });
};
