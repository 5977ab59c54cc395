import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { openTiny } from './helpers/lessons.ts';
import type { LessonSession } from '../src/engine/lesson/lesson-session.ts';
import { freshPGlite } from '../src/node/fresh-pglite.ts';

// Bounds below are exact consequences of the model (simulated time = round trips + measured
// execution + measured app CPU), not wall-clock timings: they hold on any machine.
const N = 12;
const RTT = 50;
let pg: PGlite;
let session: LessonSession;

const workload = `export default () => [{ request: 'handle', input: {} }];`;
const sequential = `export async function handle(_input, { db }) {
  for (let i = 1; i <= ${N}; i++) await db.query('SELECT name FROM items WHERE id = $1', [i]);
  return 'done';
}`;
const parallel = `export async function handle(_input, { db }) {
  await Promise.all(Array.from({ length: ${N} }, (_, i) => db.query('SELECT name FROM items WHERE id = $1', [i + 1])));
  return 'done';
}`;

beforeAll(async () => {
  pg = await freshPGlite();
  session = await openTiny(pg, { 'workload.ts': workload, 'starter.ts': sequential });
});
afterAll(() => pg.close());

async function requestLatency(code: string, poolSize: number) {
  const pass = await session.measure({ code }, { rttMs: RTT, poolSize });
  expect(pass.pass.errors).toEqual([]);
  const [request] = pass.pass.requests;
  return { latency: request.latencyMs, dbMs: request.dbMs, cpuMs: request.cpuMs, queries: pass.pass.queries };
}

describe('latency model', () => {
  it('charges one round trip per sequential query', async () => {
    const { latency, dbMs, cpuMs } = await requestLatency(sequential, 10);
    expect(latency).toBeCloseTo(N * RTT + dbMs + cpuMs, 6);
  });

  it('overlaps a Promise.all over the pool: N queries on P connections cost about N/P round trips', async () => {
    const pool = 4;
    const { latency, dbMs, cpuMs, queries } = await requestLatency(parallel, pool);
    const rounds = Math.ceil(N / pool);
    expect(latency).toBeGreaterThanOrEqual(rounds * RTT);
    expect(latency).toBeLessThanOrEqual(rounds * RTT + dbMs + cpuMs);
    // Everything issued in one synchronous burst shares one issue time.
    expect(new Set(queries.map((query) => query.issuedAt)).size).toBe(1);
  });

  it('gains nothing from Promise.all with a pool of one', async () => {
    const { latency, dbMs, cpuMs } = await requestLatency(parallel, 1);
    // Code woken by each answer runs while the next query is on the connection, so CPU may overlap.
    expect(latency).toBeGreaterThanOrEqual(N * RTT + dbMs - 1e-6);
    expect(latency).toBeLessThanOrEqual(N * RTT + dbMs + cpuMs + 1e-6);
  });

  it('records each query with its shape, rows, bytes and the line that issued it', async () => {
    const { queries } = await requestLatency(sequential, 10);
    expect(queries).toHaveLength(N);
    expect(queries[0]).toMatchObject({ fingerprint: 'select name from items where id=?', rows: 1, line: 2, params: [1] });
    expect(queries[0].bytes).toBeGreaterThan(0);
    expect(queries[1].startAt).toBeGreaterThanOrEqual(queries[0].endAt);
  });

  it('moves virtual setTimeout, Date.now and performance.now together, without waiting', async () => {
    const code = `export async function handle() {
  const t0 = Date.now(), p0 = performance.now();
  await new Promise((resolve) => setTimeout(resolve, 600000));
  return { date: Date.now() - t0, perf: performance.now() - p0 };
}`;
    const pass = await session.measure({ code }, { rttMs: RTT, poolSize: 10 });
    const [request] = pass.pass.requests;
    const { date, perf } = request.answer as { date: number; perf: number };
    // Ten minutes, plus the microseconds the first piece of code ran before it set the timer.
    expect(date).toBeCloseTo(perf, 2); // Date holds a 13-digit number: a few digits fewer after the point
    expect(date).toBeGreaterThanOrEqual(600000);
    expect(date).toBeLessThanOrEqual(600000 + request.cpuMs + 0.01);
    expect(request.latencyMs).toBeCloseTo(600000 + request.cpuMs, 6);
  });
});
