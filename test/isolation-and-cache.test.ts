import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { openTiny } from './helpers/lessons.ts';
import { grade } from '../src/engine/grade.ts';
import { splitStatements } from '../src/engine/sql/sql-lexer.ts';
import type { LessonSession } from '../src/engine/lesson/lesson-session.ts';
import { freshPGlite } from '../src/node/fresh-pglite.ts';

let pg: PGlite;
let session: LessonSession;
const reader = `export async function handle({ id }, { db }) {
  const [item] = await db.query('SELECT id, name FROM items WHERE id = $1', [id]);
  return item ?? null;
}`;
/** The answers of one pass of `code` (with `migration`), one per request of the tiny lesson's five. */
const answersOf = async (code: string, migration?: string) =>
  (await session.measure({ code, migration }, session.latencyModel())).pass.requests.map((request) => request.answer);
const renamed = Array(5).fill('renamed');

beforeAll(async () => {
  pg = await freshPGlite();
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
    // Postgres gives no position and names nothing here: the line is the statement's, not its comment's.
    const unnamed = await grade(session, { code: reader, migration: '-- my index\n-- on the length\nCREATE INDEX ON items ((random()));' });
    expect(unnamed.errors[0]).toMatchObject({ kind: 'sql', file: 'migration.sql', line: 3, message: expect.stringContaining('IMMUTABLE') });
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

  it('expires entries when the workload moves the clock', async () => {
    const report = await grade(cacheSession, { code: cached(60_000, true) });
    expect(report.learner.cache.expirations).toBe(1);
    // Ten minutes "passed" between the last two reads: the last one was a miss that went to the database.
    expect(report.learner.queryLog.at(-1)?.step).toBe(steps.length - 1);
  });

  it('counts fetch() and has() reads too, and a get() after a has() hit once', async () => {
    const viaFetch = `import { LRUCache } from 'lru-cache';
let db;
const cache = new LRUCache({ max: 10, ttl: 60_000, fetchMethod: async (id) => (await db.query('SELECT id, name FROM items WHERE id = $1', [id]))[0] });
export async function handle(input, ctx) {
  db = ctx.db;
  if (input.rename) {
    await db.query('UPDATE items SET name = $2 WHERE id = $1', [input.id, input.rename]);
    cache.delete(input.id);
    return 'ok';
  }
  return cache.fetch(input.id);
}`;
    const fetched = await grade(cacheSession, { code: viaFetch });
    expect(fetched.mismatches.count).toBe(0);
    expect(fetched.learner.cache).toMatchObject({ hits: 2, misses: 3, sets: 3, deletes: 1 });
    const viaHas = cached(60_000, true).replace('const hit = cache.get(id);\n  if (hit) return hit;', 'if (cache.has(id)) return cache.get(id);');
    expect(viaHas).toContain('cache.has(id)');
    const checked = await grade(cacheSession, { code: viaHas });
    expect(checked.learner.cache).toMatchObject({ hits: 2, misses: 3 });
  });

  it('fires timers that came due between requests before the next request runs', async () => {
    const sweeper = `const cache = new Map();
setInterval(() => cache.clear(), 60_000);
export async function handle({ id, rename }, { db }) {
  if (rename) {
    await db.query('UPDATE items SET name = $2 WHERE id = $1', [id, rename]);
    cache.delete(id);
    return 'ok';
  }
  if (cache.has(id)) return cache.get(id);
  const [item] = await db.query('SELECT id, name FROM items WHERE id = $1', [id]);
  cache.set(id, item);
  return item;
}`;
    const report = await grade(cacheSession, { code: sweeper });
    expect(report.errors).toEqual([]);
    expect(report.mismatches.count).toBe(0);
    // Reads at steps 0, 3 and 6 miss (the first, after the rename, after the sweep): 3 queries + 1 update.
    expect(report.learner.queries.total).toBe(4);
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

describe('migrations are lexed, not split on semicolons', () => {
  it('ends a -- comment at a carriage return, as Postgres does', () => {
    expect(splitStatements('SELECT 1 -- one\r; SELECT 2').map((statement) => statement.text.trim())).toEqual(['SELECT 1 -- one', 'SELECT 2']);
  });

  it('refuses a COMMIT hidden behind a comment, and the data stays whole', async () => {
    const report = await grade(session, { code: reader, migration: 'DELETE FROM items WHERE id > 50; /* ; */ COMMIT;' });
    expect(report.errors[0]).toMatchObject({ kind: 'sql', line: 1, message: expect.stringMatching(/Transaction control/) });
    expect((await pg.query('SELECT count(*)::int AS n FROM items')).rows).toEqual([{ n: 100 }]);
  });

  it('accepts plpgsql bodies and strings that contain semicolons and keywords', async () => {
    const migration = `CREATE FUNCTION shout(t text) RETURNS text LANGUAGE plpgsql AS $$
BEGIN
  RETURN upper(t);
END;
$$;
COMMENT ON TABLE items IS 'a; rollback later';
DO $fn$ BEGIN PERFORM 1; END $fn$;`;
    const report = await grade(session, { code: reader.replace('SELECT id, name', 'SELECT id, lower(shout(name)) AS name'), migration });
    expect(report.errors).toEqual([]);
    expect(report.mismatches.count).toBe(0);
  });
});

describe('state Postgres keeps outside transactions', () => {
  it('puts back the planner statistics a pass changed with ANALYZE', async () => {
    const fresh = await openTiny(pg);
    const scan = "export async function handle(_, { db }) { return (await db.query('SELECT id FROM items')).length; }";
    await fresh.measure({ code: scan, migration: 'DELETE FROM items; ANALYZE items;' }, fresh.latencyModel());
    const after = await fresh.measure({ code: scan }, fresh.latencyModel());
    expect(after.plans[0].plan?.root).toMatchObject({ nodeType: 'Seq Scan', estimatedRows: 100, actualRows: 100 });
  });

  it('forgets prepared statements between passes', async () => {
    const code = reader.replace("const [item]", "if (id === 1) await db.query('PREPARE p AS SELECT 1');\n  const [item]");
    expect((await grade(session, { code })).errors).toEqual([]);
    expect((await grade(session, { code })).errors).toEqual([]);
  });
});

describe('transactions behave like Postgres', () => {
  it('refuses further statements in a transaction after one failed', async () => {
    const report = await grade(session, {
      code: `export async function handle({ id }, { db }) {
  return db.transaction(async (tx) => {
    try { await tx.query('SELECT 1/0'); } catch {}
    return tx.query('SELECT id, name FROM items WHERE id = $1', [id]);
  });
}`,
    });
    expect(report.errors[0]).toMatchObject({ kind: 'sql', line: 4, sql: { code: '25P02' } });
  });

  it('rolls back at COMMIT a transaction whose failed statement was caught, as Postgres does', async () => {
    const answers = await answersOf(`export async function handle({ id }, { db }) {
  await db.transaction(async (tx) => {
    await tx.query("UPDATE items SET name = 'half done' WHERE id = $1", [id]);
    try { await tx.query('SELECT 1/0'); } catch {}
  });
  const [item] = await db.query('SELECT name FROM items WHERE id = $1', [id]);
  return item.name;
}`);
    expect(answers).toEqual(['item 1', 'item 2', 'item 3', 'item 4', 'item 5']);
  });

  it('undoes only the statement that failed, as autocommit would: earlier writes and reads stand', async () => {
    const answers = await answersOf(`export async function handle({ id }, { db }) {
  await db.query('UPDATE items SET name = $2 WHERE id = $1', [id, 'renamed']);
  try { await db.query('SELECT 1/0'); } catch {}
  try { await db.query("UPDATE items SET name = 'lost' WHERE id = $1 AND 1/0 = 1", [id]); } catch {}
  const [item] = await db.query('SELECT name FROM items WHERE id = $1', [id]);
  return item.name;
}`);
    expect(answers).toEqual(renamed);
  });

  it("keeps what a learner's own function wrote from a SELECT when a later statement fails", async () => {
    const answers = await answersOf(
      `export async function handle({ id }, { db }) {
  await db.query('SELECT rename_item($1)', [id]);
  try { await db.query('SELECT 1/0'); } catch {}
  const [item] = await db.query('SELECT name FROM items WHERE id = $1', [id]);
  return item.name;
}`,
      "CREATE FUNCTION rename_item(i int) RETURNS int LANGUAGE sql AS $$ UPDATE items SET name = 'renamed' WHERE id = i RETURNING id $$;",
    );
    expect(answers).toEqual(renamed);
  });

  it('keeps a committed transaction when a later read fails, and drops a rolled-back one', async () => {
    const answers = await answersOf(`export async function handle({ id }, { db }) {
  await db.transaction(async (tx) => {
    await tx.query("UPDATE items SET name = 'kept' WHERE id = $1", [id]);
  });
  try { await db.query('SELECT no_such_column FROM items'); } catch {}
  try {
    await db.transaction(async (tx) => {
      await tx.query("UPDATE items SET name = 'undone' WHERE id = $1", [id]);
      await tx.query('SELECT 1/0');
    });
  } catch {}
  const [item] = await db.query('SELECT name FROM items WHERE id = $1', [id]);
  return item.name;
}`);
    expect(answers).toEqual(Array(5).fill('kept'));
  });
});

describe('a broken lesson', () => {
  it("names workload.ts and the step when the workload's own SQL fails", async () => {
    const broken = await openTiny(pg, { 'workload.ts': "export default () => [{ request: 'handle', input: { id: 1 } }, { sql: 'UPDATE nope SET x = 1' }]" });
    await expect(grade(broken, { code: reader })).rejects.toThrow(
      "00-tiny/workload.ts: the oracle failed: The workload's SQL step 1 failed: relation \"nope\" does not exist",
    );
  });

  it("blames the code under test when the workload's write fails only after its migration", async () => {
    const writer = await openTiny(pg, { 'workload.ts': "export default () => [{ request: 'handle', input: { id: 1 } }, { sql: \"UPDATE items SET name = 'x' WHERE id = 1\" }]" });
    const report = await grade(writer, { code: reader, migration: 'ALTER TABLE items DROP COLUMN name CASCADE; ALTER TABLE items ADD COLUMN title text;' });
    const failure = report.errors.find((error) => error.step === 1);
    expect(failure).toMatchObject({ kind: 'sql', message: expect.stringMatching(/did your code or migration change the tables\?/) });
  });
});

describe('the starter, measured once', () => {
  it('is measured again on request, and only then', async () => {
    const latency = session.latencyModel();
    const first = await session.baseline(latency);
    expect(await session.baseline(latency)).toBe(first);
    session.remeasureBaseline(latency);
    const again = await session.baseline(latency);
    expect(again).not.toBe(first);
    expect(again.starter.pass.requests.map((request) => request.answer)).toEqual(first.starter.pass.requests.map((request) => request.answer));
  });
});

describe('passes take turns', () => {
  it('grades two runs started at once, at two latency models, without mixing their transactions', async () => {
    const fresh = await openTiny(pg);
    const [slow, fast] = await Promise.all([
      grade(fresh, { code: reader }, { latency: { rttMs: 20 } }),
      grade(fresh, { code: reader }, { latency: { rttMs: 1 } }),
    ]);
    expect(slow.errors).toEqual([]);
    expect(fast.errors).toEqual([]);
    expect(slow.mismatches.count + fast.mismatches.count).toBe(0);
    expect(slow.learner.latency.p50).toBeGreaterThan(fast.learner.latency.p50);
  });

  it('queues the starter at a new latency model behind a run already going (after the warm-up)', async () => {
    const fresh = await openTiny(pg);
    await fresh.baseline(fresh.latencyModel()); // the warm-up is behind us
    const [running, other] = await Promise.all([
      fresh.measure({ code: reader }, fresh.latencyModel()),
      grade(fresh, { code: reader }, { latency: { rttMs: 7 } }),
    ]);
    expect(running.pass.errors).toEqual([]);
    expect(other.errors).toEqual([]);
    expect(other.mismatches.count).toBe(0);
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
    expect(slow.model).toMatch(/measured here; network round trips \(20 ms each\) and the pool of 2 connections are simulated/);
  });
});
