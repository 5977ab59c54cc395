/**
 * The simulated server (docs/engine.md): overlapping requests, the pool and the event loop, app CPU
 * time, work that outlives its request, chained requests. Assertions follow from the model (virtual
 * time is round trips + measured execution + measured CPU), never from wall-clock thresholds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { openTiny } from './helpers/lessons.ts';
import { grade } from '../src/engine/grade.ts';
import { freshPGlite } from '../src/node/fresh-pglite.ts';

let pg: PGlite;
beforeAll(async () => {
  pg = await freshPGlite();
});
afterAll(() => pg.close());

/** A tiny lesson's lesson.md with these handlers and extra frontmatter lines. */
const lessonMd = (handlers: string[], extra = '', checks = 'maxQueriesPerRequest: 1') => `---
title: A tiny server
summary: A lesson made inside a test.
topic: concurrency
order: 1
minutes: 5
handlers: [${handlers.join(', ')}]
hints: [look at the timeline]
explanation: Tests need small lessons that boot fast.
${extra}
checks:
  correct: true
  ${checks}
---
Prose.`;

const getItem = `export async function getItem({ id }, { db }) {
  const [item] = await db.query('SELECT id, name FROM items WHERE id = $1', [id]);
  return item ?? null;
}`;

describe('concurrent traffic', () => {
  it('a burst of 50 requests over a pool of 10 waits for connections', async () => {
    const session = await openTiny(pg, {
      'lesson.md': lessonMd(['getItem']),
      'starter.ts': getItem,
      'workload.ts': `export default (random, traffic) => [{ concurrent: traffic.burst(50, (i) => ({ request: 'getItem', input: { id: i + 1 } })) }];`,
    });
    // A round trip of 100 ms: all 50 handlers have sent their query long before the first answer.
    const { pass } = await session.measure({ code: getItem }, { rttMs: 100, poolSize: 10 });
    expect(pass.errors).toEqual([]);
    const waited = pass.queries.filter((query) => query.startAt > query.issuedAt);
    expect(waited).toHaveLength(40);
    const latencies = pass.requests.map((request) => request.latencyMs).sort((a, b) => a - b);
    // The first ten get a connection at once; the last ten wait four rounds before theirs.
    expect(latencies[0]).toBeGreaterThanOrEqual(100);
    expect(latencies[0]).toBeLessThan(200);
    expect(latencies[49]).toBeGreaterThanOrEqual(500);
  });

  it('a CPU-heavy request delays the others on the same event loop', async () => {
    const heavy = `export async function getItem({ id }, { db }) {
  if (id === 1) {
    let x = 0;
    for (let i = 0; i < 20_000_000; i++) x = (x + i) % 1000003;
    return { id, x };
  }
  return { id };
}`;
    const session = await openTiny(pg, {
      'lesson.md': lessonMd(['getItem']),
      'starter.ts': heavy,
      'workload.ts': `export default () => [{ concurrent: [{ request: 'getItem', input: { id: 1 } }, { request: 'getItem', input: { id: 2 } }] }];`,
    });
    const { pass } = await session.measure({ code: heavy }, { rttMs: 1, poolSize: 10 });
    const [slow, quick] = pass.requests;
    expect(slow.cpuMs).toBeGreaterThan(1);
    // The second request arrived at the same instant but could only start once the loop was free.
    expect(quick.latencyMs).toBeGreaterThanOrEqual(slow.cpuMs);
    expect(quick.cpuMs).toBeLessThan(slow.cpuMs);
  });

  it('a transaction holds its connection: with a pool of one, the other request waits for COMMIT', async () => {
    const code = `export async function getItem({ id }, { db }) {
  if (id === 1) {
    return db.transaction(async (tx) => {
      await tx.query('UPDATE items SET name = name WHERE id = 1');
      return (await tx.query('SELECT id, name FROM items WHERE id = 1'))[0];
    });
  }
  return (await db.query('SELECT id, name FROM items WHERE id = $1', [id]))[0];
}`;
    const session = await openTiny(pg, {
      'lesson.md': lessonMd(['getItem'], '', 'maxQueriesPerRequest: 4'),
      'starter.ts': code,
      'workload.ts': `export default () => [{ concurrent: [{ request: 'getItem', input: { id: 1 } }, { request: 'getItem', input: { id: 2 }, atMs: 0.5 }] }];`,
    });
    const { pass } = await session.measure({ code }, { rttMs: 2, poolSize: 1 });
    expect(pass.errors).toEqual([]);
    const commit = pass.queries.find((query) => query.sql === 'COMMIT')!;
    const other = pass.queries.find((query) => query.step === 1)!;
    expect(other.startAt).toBeGreaterThanOrEqual(commit.endAt);
  });
});

describe('correctness under concurrency', () => {
  const handlers = ['getItem', 'rename'];
  const oracle = `${getItem}
export async function rename({ id, name }, { db }) {
  await db.query('UPDATE items SET name = $2 WHERE id = $1', [id, name]);
}`;
  // A reader misses the cache and loads item 7: its SELECT reaches the database at 5 ms, its answer
  // is back at 10 ms. A writer renames item 7 at 5 ms: its UPDATE lands at 10 ms and returns at 15.
  // Another reader comes at 50 ms. Every margin is 5 ms, far above any query's execution time.
  const workload = `export default () => [{ concurrent: [
  { request: 'getItem', input: { id: 7 } },
  { request: 'rename', input: { id: 7, name: 'renamed' }, atMs: 5 },
  { request: 'getItem', input: { id: 7 }, atMs: 50 },
] }];`;
  const cacheAside = (deleteFirst: boolean) => `const cache = new Map();
export async function getItem({ id }, { db }) {
  if (cache.has(id)) return cache.get(id);
  const [item] = await db.query('SELECT id, name FROM items WHERE id = $1', [id]);
  cache.set(id, item ?? null);
  return item ?? null;
}
export async function rename({ id, name }, { db }) {
  ${deleteFirst ? 'cache.delete(id);' : ''}
  await db.query('UPDATE items SET name = $2 WHERE id = $1', [id, name]);
  ${deleteFirst ? '' : 'cache.delete(id);'}
}`;
  let session: Awaited<ReturnType<typeof openTiny>>;
  beforeAll(async () => {
    session = await openTiny(pg, { 'lesson.md': lessonMd(handlers, 'latency:\n  rttMs: 10'), 'starter.ts': oracle, 'workload.ts': workload });
  });

  it('a stale read under concurrency names the write it missed', async () => {
    const report = await grade(session, { code: cacheAside(true) });
    expect(report.errors).toEqual([]);
    expect(report.mismatches.staleReads).toBe(1);
    expect(report.mismatches.first?.step).toBe(2);
    expect(report.mismatches.first?.difference).toMatch(/stale read under concurrent traffic/);
    expect(report.mismatches.first?.missedWrite).toMatch(/^rename\(\) at line 10 \(step 1\): UPDATE items SET name/);
  });

  it('an answer that was true when the request started is correct, although a write landed before it returned', async () => {
    // The first reader answers with the old name after the rename landed: right as of its start.
    const report = await grade(session, { code: cacheAside(false) });
    expect(report.errors).toEqual([]);
    expect(report.mismatches.count).toBe(0);
    expect(report.checks.find((check) => check.id === 'correct')?.passed).toBe(true);
  });
});

describe('work that outlives its request', () => {
  const insert = `export async function addItem({ id }, { db }) {
  db.query('INSERT INTO items (id, name) VALUES ($1, $2)', [id, 'item ' + id]);
  return 'ok';
}`;

  it('an un-awaited insert is an error at its line, and counts in its request', async () => {
    const session = await openTiny(pg, {
      'lesson.md': lessonMd(['addItem'], 'state: [items]'),
      'starter.ts': insert.replace('db.query', 'await db.query'),
      'workload.ts': `export default () => [{ request: 'addItem', input: { id: 1001 } }, { request: 'addItem', input: { id: 1002 } }];`,
    });
    const report = await grade(session, { code: insert });
    expect(report.errors[0]).toMatchObject({ kind: 'unawaited', line: 2, count: 2 });
    expect(report.errors[0].message).toMatch(/addItem\(\) returned while the query from line 2 was still running: add await/);
    expect(report.learner.queries.maxPerRequest).toBe(1);
    expect(report.learner.queryLog[0].unawaited).toBe(true);
    expect(report.passed).toBe(false);
  });

  const timer = `export async function addItem({ id }, { db }) {
  setTimeout(() => db.query('UPDATE items SET name = $2 WHERE id = $1', [1, 'later']), 1000);
  return 'ok';
}`;
  const workload = `export default () => [{ request: 'addItem', input: { id: 1 } }, { advanceMs: 5000 }, { request: 'addItem', input: { id: 2 } }];`;

  it('a query sent by a timer after its request returned is an error unless the lesson allows background work', async () => {
    const session = await openTiny(pg, { 'lesson.md': lessonMd(['addItem']), 'starter.ts': timer, 'workload.ts': workload });
    const { pass } = await session.measure({ code: timer }, session.latencyModel());
    expect(pass.errors[0]).toMatchObject({ kind: 'background', line: 2 });
    expect(pass.errors[0].message).toMatch(/sent through the db of a request that had already returned: .*Either a timer it left behind sent it, or code kept that request's db/);
  });

  it('background work, where allowed, is reported apart from the request', async () => {
    const session = await openTiny(pg, { 'lesson.md': lessonMd(['addItem'], 'background: true'), 'starter.ts': timer, 'workload.ts': workload });
    const { pass } = await session.measure({ code: timer }, session.latencyModel());
    expect(pass.errors).toEqual([]);
    expect(pass.background.queries).toBe(1);
    expect(pass.requests[0].queries).toBe(0);
    expect(pass.queries[0].background).toBe(true);
  });
});

describe('app CPU time', () => {
  it('a cache hit costs microseconds, not zero', async () => {
    const cached = `const seen = new Map();
export async function getItem({ id }, { db }) {
  if (seen.has(id)) return seen.get(id);
  const [item] = await db.query('SELECT id, name FROM items WHERE id = $1', [id]);
  seen.set(id, item);
  return item;
}`;
    const session = await openTiny(pg, {
      'lesson.md': lessonMd(['getItem']),
      'starter.ts': getItem,
      'workload.ts': `export default () => Array.from({ length: 20 }, () => ({ request: 'getItem', input: { id: 3 } }));`,
    });
    const report = await grade(session, { code: cached });
    const hits = report.learner.requestLatencies.slice(1);
    for (const latency of hits) expect(latency).toBeGreaterThan(0);
    // No round trip: well under the 1 ms a query would cost. The median, because one hit that a
    // garbage collection or a busy core delays can take a millisecond on its own.
    const median = [...hits].sort((a, b) => a - b)[Math.floor(hits.length / 2)];
    expect(median).toBeLessThan(1);
    expect(report.learner.latency.p50).toBeGreaterThan(0);
  });
});

describe('chained requests', () => {
  const page = `export async function page({ after }, { db }) {
  return db.query('SELECT id, name FROM items WHERE id > $1 ORDER BY id LIMIT 10', [after]);
}`;
  const workload = `export default () => [
  { request: 'page', input: { after: 0 } },
  { request: 'page', input: (earlier) => ({ after: earlier.last.at(-1).id }) },
  { request: 'page', input: (earlier) => ({ after: earlier.last.at(-1).id }) },
];`;

  it("the next page's cursor comes from the oracle's answers, so a wrong page cannot steer the workload", async () => {
    const session = await openTiny(pg, { 'lesson.md': lessonMd(['page']), 'starter.ts': page, 'workload.ts': workload });
    const skipsOne = page.replace('id > $1', 'id > $1 + 1');
    const report = await grade(session, { code: skipsOne });
    expect(report.mismatches.count).toBe(3);
    const { pass } = await session.measure({ code: skipsOne }, session.latencyModel(), (await session.baseline(session.latencyModel())).oracle);
    expect(pass.requests.map((request) => request.input)).toEqual([{ after: 0 }, { after: 10 }, { after: 20 }]);
  });
});

describe('checked writes', () => {
  const add = `export async function addItem({ id, name }, { db }) {
  await db.query('INSERT INTO items (id, name) VALUES ($1, $2)', [id, name]);
}`;
  const open = () =>
    openTiny(pg, {
      'lesson.md': lessonMd(['addItem'], 'state: [items]'),
      'starter.ts': add,
      'workload.ts': `export default () => [1, 2, 3].map((i) => ({ request: 'addItem', input: { id: 1000 + i, name: 'new ' + i } }));`,
    });

  it('a write-only handler that writes the wrong data fails, with the first differing rows shown', async () => {
    const session = await open();
    const report = await grade(session, { code: add.replace('[id, name]', '[id, name.toUpperCase()]') });
    expect(report.mismatches.state?.differing).toBe(4); // after each of the 3 writes and at the end
    expect(report.mismatches.first?.difference).toMatch(/The data in "items" differs from the reference's after step 0: 1 row\(s\) missing, 1 unexpected\. First missing: \{"id":1001,"name":"new 1"\}/);
    expect(report.checks.find((check) => check.id === 'correct')?.passed).toBe(false);
  });

  it('the same rows written another way pass', async () => {
    const session = await open();
    const report = await grade(session, { code: add.replace("VALUES ($1, $2)', [id, name]", "SELECT $1::int, $2::text', [id, name]") });
    expect(report.mismatches.count).toBe(0);
    expect(report.mismatches.state).toMatchObject({ compared: 4, differing: 0 });
  });
});

describe('writes that bypass the app', () => {
  const ttlCache = (ttlMs: number) => `const cache = new Map();
export async function getItem({ id }, { db }) {
  const hit = cache.get(id);
  if (hit && Date.now() - hit.at <= ${ttlMs}) return hit.item;
  const [item] = await db.query('SELECT id, name FROM items WHERE id = $1', [id]);
  cache.set(id, { item, at: Date.now() });
  return item;
}`;
  const workload = `export default () => [
  { request: 'getItem', input: { id: 1 } },
  { sql: "UPDATE items SET name = 'imported' WHERE id = 1", maxStaleMs: 60000 },
  { request: 'getItem', input: { id: 1 } },
  { advanceMs: 61000 },
  { request: 'getItem', input: { id: 1 } },
];`;

  it('a reader may lag behind an import for its maxStaleMs, and not longer', async () => {
    const session = await openTiny(pg, { 'lesson.md': lessonMd(['getItem']), 'starter.ts': getItem, 'workload.ts': workload });
    const withinWindow = await grade(session, { code: ttlCache(60_000) });
    expect(withinWindow.mismatches).toMatchObject({ count: 0, tolerated: 1 });
    const tooLate = await grade(session, { code: ttlCache(120_000) });
    expect(tooLate.mismatches).toMatchObject({ count: 1, staleReads: 1, tolerated: 1 });
    expect(tooLate.mismatches.first?.difference).toMatch(
      /^A stale read: the data from before the workload's write at step 1, served 1\.0 minutes after it; readers may lag behind it by at most 1\.0 minutes/,
    );
  });
});

describe('workload mistakes', () => {
  it('a malformed item of concurrent traffic is a lesson error naming its step and item', async () => {
    const workload = `export default () => [{ concurrent: [{ request: 'getItem', input: { id: 1 } }, { reqest: 'getItem' }] }];`;
    await expect(openTiny(pg, { 'lesson.md': lessonMd(['getItem']), 'starter.ts': getItem, 'workload.ts': workload })).rejects.toThrow(
      /step 0, item 1 must be \{ request: one of getItem \} or \{ sql \}; got \{"reqest":"getItem"\}/,
    );
  });

  it('an input function that throws is reported against workload.ts', async () => {
    const workload = `export default () => [{ request: 'getItem', input: { id: 1 } }, { request: 'getItem', input: (earlier) => ({ id: earlier.answer('nope').id }) }];`;
    const session = await openTiny(pg, { 'lesson.md': lessonMd(['getItem']), 'starter.ts': getItem, 'workload.ts': workload });
    await expect(grade(session, { code: getItem })).rejects.toThrow(/workload\.ts.*The input function of step 1 threw/);
  });
});

describe('found in review', () => {
  it('an un-awaited query that fails is reported at its line, and grading carries on', async () => {
    const code = `export async function getItem({ id }, { db }) {
  db.query('SELECT no_such_column FROM items');
  return { id };
}`;
    const session = await openTiny(pg, { 'lesson.md': lessonMd(['getItem']), 'starter.ts': `export async function getItem({ id }) { return { id }; }`, 'workload.ts': `export default () => [{ request: 'getItem', input: { id: 1 } }];` });
    const report = await grade(session, { code });
    expect(report.errors[0]).toMatchObject({ kind: 'unawaited', line: 2 });
    expect(report.learner.queryLog[0].error?.message).toMatch(/no_such_column/);
  });

  it('work done after sending a query and before awaiting it is app CPU too', async () => {
    const code = `export async function getItem({ id }, { db }) {
  const pending = db.query('SELECT id FROM items WHERE id = $1', [id]);
  if (id === 1) { let x = 0; for (let i = 0; i < 20_000_000; i++) x = (x + i) % 1000003; }
  return (await pending)[0];
}`;
    const session = await openTiny(pg, {
      'lesson.md': lessonMd(['getItem']),
      'starter.ts': code,
      'workload.ts': `export default () => [{ concurrent: [{ request: 'getItem', input: { id: 1 } }, { request: 'getItem', input: { id: 2 } }] }];`,
    });
    const { pass } = await session.measure({ code }, { rttMs: 1, poolSize: 10 });
    const [heavy, other] = pass.requests;
    expect(heavy.cpuMs).toBeGreaterThan(1);
    expect(other.latencyMs).toBeGreaterThanOrEqual(heavy.cpuMs);
  });

  it('a transaction that rolls back in concurrent traffic does not make a correct read fail', async () => {
    const code = `${getItem}
export async function rename({ id, name }, { db }) {
  try {
    await db.transaction(async (tx) => {
      await tx.query('UPDATE items SET name = $2 WHERE id = $1', [id, name]);
      await tx.query('UPDATE items SET name = NULL WHERE id = $1', [id]); // fails: name is NOT NULL
    });
  } catch {}
}`;
    const session = await openTiny(pg, {
      'lesson.md': lessonMd(['getItem', 'rename'], 'latency:\n  rttMs: 10', 'maxQueriesPerRequest: 4'),
      'starter.ts': code,
      'workload.ts': `export default () => [{ concurrent: [{ request: 'rename', input: { id: 7, name: 'gone' } }, { request: 'getItem', input: { id: 7 }, atMs: 18 }] }];`,
    });
    const report = await grade(session, { code });
    expect(report.errors).toEqual([]);
    expect(report.mismatches.count).toBe(0);
  });

  it('an oracle that batches through setImmediate still answers about concurrent traffic', async () => {
    const batching = `let waiting = [];
export async function getItem({ id }, { db }) {
  return new Promise((resolve) => {
    waiting.push({ id, resolve });
    if (waiting.length === 1) setImmediate(async () => {
      const batch = waiting; waiting = [];
      const rows = await db.query('SELECT id, name FROM items WHERE id = ANY($1)', [batch.map((entry) => entry.id)]);
      for (const entry of batch) entry.resolve(rows.find((row) => row.id === entry.id) ?? null);
    });
  });
}`;
    const session = await openTiny(pg, {
      'lesson.md': lessonMd(['getItem']),
      'starter.ts': getItem,
      'reference.ts': batching,
      'workload.ts': `export default () => [{ concurrent: [{ request: 'getItem', input: { id: 1 } }, { request: 'getItem', input: { id: 2 } }] }];`,
    });
    const report = await grade(session, { code: getItem });
    expect(report.mismatches.count).toBe(0);
  });
});
