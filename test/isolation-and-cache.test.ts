import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { openTiny } from './helpers/lessons.ts';
import { grade } from '../src/engine/grade.ts';
import type { LessonSession } from '../src/engine/lesson-session.ts';

let pg: PGlite;
let session: LessonSession;
const reader = `export async function handle({ id }, { db }) {
  const [item] = await db.query('SELECT id, name FROM items WHERE id = $1', [id]);
  return item ?? null;
}`;
beforeAll(async () => {
  pg = await PGlite.create();
  session = await openTiny(pg);
});
afterAll(() => pg.close());

describe('isolation between runs', () => {
  it("a learner's DROP TABLE and DELETE do not leak into the next run", async () => {
    const vandal = await grade(session, {
      code: `export async function handle({ id }, { db }) {
  await db.query('DELETE FROM items');
  return null;
}`,
      migration: 'DROP TABLE items CASCADE; CREATE TABLE items (id int PRIMARY KEY, name text);',
    });
    expect(vandal.errors).toEqual([]);
    expect(vandal.mismatches.count).toBe(5);
    const next = await grade(session, { code: reader });
    expect(next.mismatches.count).toBe(0);
    expect((await pg.query('SELECT count(*)::int AS n FROM items')).rows).toEqual([{ n: 100 }]);
  });

  it('applies the migration to its own run only', async () => {
    const indexes = `export async function handle({ id }, { db }) {
  const rows = await db.query("SELECT indexname FROM pg_indexes WHERE tablename = 'items' ORDER BY 1");
  return rows.map((row) => row.indexname);
}`;
    const withIndex = await session.measure({ code: indexes, migration: 'CREATE INDEX items_name_idx ON items (name);' }, session.latencyModel());
    expect(withIndex.pass.requests[0].answer).toEqual(['items_name_idx', 'items_pkey']);
    const without = await session.measure({ code: indexes }, session.latencyModel());
    expect(without.pass.requests[0].answer).toEqual(['items_pkey']);
  });

  it('resets sequences, so ids handed out in one run are handed out again in the next', async () => {
    const code = `export async function handle(_, { db }) {
  const [row] = await db.query("SELECT nextval('ticket_seq')::int AS n");
  return row.n;
}`;
    const first = await session.measure({ code }, session.latencyModel());
    const second = await session.measure({ code }, session.latencyModel());
    expect(first.pass.requests.map((request) => request.answer)).toEqual([1, 2, 3, 4, 5]);
    expect(second.pass.requests.map((request) => request.answer)).toEqual([1, 2, 3, 4, 5]);
  });

  it('reports a migration error at its line and refuses transaction control', async () => {
    const broken = await grade(session, { code: reader, migration: '-- my index\nCREATE INDEX ON items (nmae);' });
    expect(broken.errors[0]).toMatchObject({ kind: 'sql', file: 'migration.sql', line: 2, message: 'column "nmae" does not exist' });
    const commit = await grade(session, { code: reader, migration: 'CREATE INDEX ON items (name);\nCOMMIT;' });
    expect(commit.errors[0].message).toMatch(/Transaction control/);
  });
});

describe('cache instrumentation on the virtual clock', () => {
  const cached = (ttl: number, invalidate: boolean) => `import { LRUCache } from 'lru-cache';
const cache = new LRUCache({ max: 10, ttl: ${ttl} });
export async function handle({ id, rename }, { db }) {
  if (rename) {
    await db.query('UPDATE items SET name = $2 WHERE id = $1', [id, rename]);
    ${invalidate ? 'cache.delete(id);' : ''}
    return 'ok';
  }
  const hit = cache.get(id);
  if (hit) return hit;
  const [item] = await db.query('SELECT id, name FROM items WHERE id = $1', [id]);
  cache.set(id, item);
  return item;
}`;
  // Reads of item 1, a rename, more reads, ten minutes pass, a read.
  const steps = [
    { request: 'handle', input: { id: 1 } },
    { request: 'handle', input: { id: 1 } },
    { request: 'handle', input: { id: 1, rename: 'renamed' } },
    { request: 'handle', input: { id: 1 } },
    { request: 'handle', input: { id: 1 } },
    { advanceMs: 600_000 },
    { request: 'handle', input: { id: 1 } },
  ];
  const workload = `export default () => (${JSON.stringify(steps)});`;
  const oracle = `export async function handle({ id, rename }, { db }) {
  if (rename) {
    await db.query('UPDATE items SET name = $2 WHERE id = $1', [id, rename]);
    return 'ok';
  }
  const [item] = await db.query('SELECT id, name FROM items WHERE id = $1', [id]);
  return item;
}`;
  let cacheSession: LessonSession;
  beforeAll(async () => {
    cacheSession = await openTiny(pg, { 'workload.ts': workload, 'starter.ts': oracle });
  });

  it('counts hits, misses, sets and deletes without changing behaviour', async () => {
    const report = await grade(cacheSession, { code: cached(60_000, true) });
    expect(report.mismatches.count).toBe(0);
    expect(report.learner.cache).toMatchObject({ instances: 1, hits: 2, misses: 3, sets: 3, deletes: 1, entries: 1 });
    expect(report.learner.cache.hitRate).toBeCloseTo(0.4);
  });

  it('expires entries when the workload moves the clock, without waiting', async () => {
    const report = await grade(cacheSession, { code: cached(60_000, true) });
    expect(report.learner.cache.expirations).toBe(1);
    expect(report.wallMs).toBeLessThan(600_000);
  });

  it('catches stale reads after a write when the cache is never invalidated', async () => {
    const report = await grade(cacheSession, { code: cached(60_000, false) });
    expect(report.mismatches).toMatchObject({ count: 2, staleReads: 2 });
    expect(report.mismatches.first).toMatchObject({ step: 3, stale: true, actual: { id: 1, name: 'item 1' }, expected: { id: 1, name: 'renamed' } });
    // After the TTL the entry expires: the last read goes to the database and is right again
    // (two mismatches in all, not three).
    expect(report.learner.queryLog.at(-1)?.step).toBe(steps.length - 1);
  });
});

describe('a broken lesson', () => {
  it("names workload.ts and the step when the workload's own SQL fails", async () => {
    const broken = await openTiny(pg, { 'workload.ts': "export default () => [{ request: 'handle', input: { id: 1 } }, { sql: 'UPDATE nope SET x = 1' }]" });
    await expect(grade(broken, { code: reader })).rejects.toThrow(
      "00-tiny/workload.ts: the oracle failed: The workload's SQL step 1 failed: relation \"nope\" does not exist",
    );
  });
});

describe('the RunReport', () => {
  it('is plain JSON: it survives a round trip through JSON unchanged', async () => {
    const report = await grade(session, {
      code: `export async function handle({ id }, { db }) {
  const [item] = await db.query('SELECT id, name, now() AS at, 10::bigint AS big FROM items WHERE id = $1', [id]);
  return new Map([['item', item]]);
}`,
    });
    expect(JSON.parse(JSON.stringify(report))).toEqual(report);
    expect(report.mismatches.first?.actual).toMatchObject({ item: { id: 1, big: 10 } });
  });

  it('runs under a latency model given per run, and says what is simulated', async () => {
    const slow = await grade(session, { code: reader }, { latency: { rttMs: 20, poolSize: 2 } });
    expect(slow.latency).toEqual({ rttMs: 20, poolSize: 2 });
    expect(slow.learner.latency.p50).toBeGreaterThanOrEqual(20);
    expect(slow.learner.networkMs).toBe(5 * 20);
    expect(slow.model).toMatch(/measured in PGlite; network round trips \(20 ms each\) and the pool of 2 connections are simulated/);
  });
});
