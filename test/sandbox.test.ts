import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { openTiny } from './helpers/lessons.ts';
import { grade } from '../src/engine/grade.ts';
import type { LessonSession } from '../src/engine/lesson/lesson-session.ts';
import { freshPGlite } from '../src/node/fresh-pglite.ts';

let pg: PGlite;
let session: LessonSession;
beforeAll(async () => {
  pg = await freshPGlite();
  session = await openTiny(pg);
});
afterAll(() => pg.close());

const run = (code: string) => grade(session, { code, file: 'handler.ts' });

describe('learner code errors come back as data with their place', () => {
  it('a syntax error has file, line and column', async () => {
    const report = await run('export async function handle(input, { db }) {\n  const x = ;\n}');
    expect(report.errors[0]).toMatchObject({ kind: 'syntax', file: 'handler.ts', line: 2 });
    expect(report.errors[0].column).toBeGreaterThan(0);
    expect(report.passed).toBe(false);
  });

  it('TypeScript types are stripped and line numbers kept', async () => {
    const code = `interface Input { id: number }
type Item = { id: number; name: string };

export async function handle({ id }: Input, { db }: any): Promise<Item | null> {
  if (id === 3) throw new Error('three is not allowed');
  const [item] = await db.query('SELECT id, name FROM items WHERE id = $1', [id]);
  return (item as Item) ?? null;
}`;
    const report = await run(code);
    expect(report.errors[0]).toMatchObject({ kind: 'runtime', message: 'three is not allowed', file: 'handler.ts', line: 5, step: 2 });
    expect(report.mismatches.first).toMatchObject({ step: 2, difference: 'Your handler threw: three is not allowed' });
  });

  it('an exception at module top level stops the pass with its line', async () => {
    const report = await run('const config = undefined;\nconst size = config.size;\nexport async function handle() {}');
    expect(report.errors[0]).toMatchObject({ kind: 'runtime', line: 2 });
    expect(report.learner.completed).toBe(false);
    expect(report.checks.every((check) => !check.passed)).toBe(true);
  });

  it('attributes each query shape to the lines that sent it, through helpers and transactions too', async () => {
    const report = await run(`const byId = (db, id) =>
  db.query('SELECT id, name FROM items WHERE id = $1', [id]);

export async function handle({ id }, { db }) {
  await db.query('SELECT count(*) FROM items');
  await db.transaction((tx) => tx.query('SELECT name FROM items WHERE id = $1', [id]));
  const [item] = await byId(db, id);
  return item ?? null;
}`);
    const linesOf = (fingerprint: string) => report.learner.shapes.find((shape) => shape.fingerprint === fingerprint)?.lines;
    expect(linesOf('select count(*) from items')).toEqual([5]);
    expect(linesOf('select name from items where id=?')).toEqual([6]);
    expect(linesOf('select id,name from items where id=?')).toEqual([2]);
  });

  it('an SQL error keeps the Postgres code, position and message, and the line that sent it', async () => {
    const report = await run(`export async function handle({ id }, { db }) {
  return db.query('SELECT id, nme FROM items WHERE id = $1', [id]);
}`);
    expect(report.errors[0]).toMatchObject({ kind: 'sql', line: 2, message: 'column "nme" does not exist' });
    expect(report.errors[0].sql).toMatchObject({ code: '42703', position: 12 });
    const logged = report.learner.queryLog[0];
    expect(logged.error).toMatchObject({ code: '42703' });
  });

  it('one failed query does not break the next request: the pass continues', async () => {
    const report = await run(`export async function handle({ id }, { db }) {
  if (id === 1) await db.query('SELEC 1');
  const [item] = await db.query('SELECT id, name FROM items WHERE id = $1', [id]);
  return item;
}`);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]).toMatchObject({ kind: 'sql', sql: { code: '42601' } });
    expect(report.mismatches.count).toBe(1);
    expect(report.learner.completed).toBe(true);
  });

  it('a handler returning the wrong shape is a mismatch that says so', async () => {
    const report = await run(`export async function handle({ id }, { db }) {
  const [item] = await db.query('SELECT id, name FROM items WHERE id = $1', [id]);
}`);
    expect(report.mismatches.count).toBe(5);
    expect(report.mismatches.first?.difference).toMatch(/returned nothing \(undefined\)/);
    const renamed = await run(`export async function handle({ id }, { db }) {
  const [item] = await db.query('SELECT id, name AS title FROM items WHERE id = $1', [id]);
  return item;
}`);
    expect(renamed.mismatches.first?.difference).toBe('Missing field "name".');
  });

  it('a missing export is named', async () => {
    const report = await run('export async function handler() {}');
    expect(report.errors[0]).toMatchObject({ kind: 'export', message: 'Your module must export a function "handle".' });
  });

  it('imports other than the allowed ones fail with a clear message', async () => {
    const report = await run("import fs from 'node:fs';\nexport async function handle() { return fs; }");
    expect(report.errors[0].message).toBe("Cannot import 'node:fs': this lesson allows only lru-cache.");
    expect(report.errors[0].line).toBe(1);
  });

  it('a promise that never settles is reported, not awaited forever', async () => {
    const report = await run('export function handle() { return new Promise(() => {}); }');
    expect(report.errors[0]).toMatchObject({ kind: 'stuck', step: 0 });
  });

  it('BEGIN/COMMIT are refused with the way to do it; db.transaction commits and rolls back', async () => {
    const raw = await run("export async function handle(_, { db }) { await db.query('BEGIN'); }");
    expect(raw.errors[0].message).toMatch(/db\.transaction/);
    const tx = await run(`export async function handle({ id }, { db }) {
  await db.transaction(async (tx) => {
    await tx.query("UPDATE items SET name = 'renamed' WHERE id = $1", [id]);
    throw new Error('changed my mind');
  }).catch(() => {});
  return db.transaction(async (tx) => {
    const [item] = await tx.query('SELECT id, name FROM items WHERE id = $1', [id]);
    return item;
  });
}`);
    expect(tx.errors).toEqual([]);
    expect(tx.mismatches.count).toBe(0);
    expect(tx.learner.queryLog.map((query) => query.sql).slice(0, 3)).toEqual(['BEGIN', "UPDATE items SET name = 'renamed' WHERE id = $1", 'ROLLBACK']);
  });

  it('db.query inside a transaction callback is reported as stuck, with the fix', async () => {
    const report = await run(`export async function handle({ id }, { db }) {
  return db.transaction(async () => db.query('SELECT 1'));
}`);
    expect(report.errors[0]).toMatchObject({ kind: 'stuck' });
    expect(report.errors[0].message).toMatch(/use tx\.query/);
  });

  it('odd values thrown or returned become errors and mismatches, never a crash', async () => {
    const cases = [
      'throw 1n;',
      'const e = {}; e.self = e; throw e;',
      'throw { get message() { throw new Error("gotcha"); } };',
      'return { get x() { throw new Error("gotcha"); } };',
      'let deep = []; for (let i = 0; i < 200000; i++) deep = [deep]; return deep;',
      'return db.query("SELECT $1::text AS t", [{ toJSON() { throw new Error("gotcha"); } }]);',
    ];
    for (const body of cases) {
      const report = await run(`export async function handle(_, { db }) {\n  ${body}\n}`);
      expect(report.passed, body).toBe(false);
      expect(report.mismatches.count, body).toBe(5);
    }
  });

  it('a timer callback that throws is reported, with its line when it threw an Error', async () => {
    const report = await run(`export async function handle({ id }, { db }) {
  setTimeout(() => { throw 2n; }, 0);
  setTimeout(() => { throw new Error('late'); }, 0);
  return (await db.query('SELECT id, name FROM items WHERE id = $1', [id]))[0];
}`);
    // Once per request, five requests: each error is kept once, with its count.
    expect(report.errors).toEqual([
      { kind: 'runtime', message: '2n', file: 'handler.ts', line: undefined, count: 5 },
      { kind: 'runtime', message: 'late', file: 'handler.ts', line: 3, count: 5 },
    ]);
  });

  it('virtual timers and clocks behave like the real ones', async () => {
    const report = await run(`const performance = { label: 'mine' };
export async function handle({ id }, { db }) {
  await new Promise((resolve) => setImmediate(resolve));
  const text = Date();
  if (typeof text !== 'string' || !text.includes('2026')) throw new Error('Date() should give a string');
  const date = new Date(2020, 0, 1);
  if (date.getFullYear() !== 2020 || !(date instanceof Date)) throw new Error('new Date(args) is broken');
  return (await db.query('SELECT id, name FROM items WHERE id = $1', [id]))[0];
}`);
    expect(report.errors).toEqual([]);
    expect(report.mismatches.count).toBe(0);
  });

  it('a timer loop that never lets a request finish is stopped in simulated time', async () => {
    const report = await run('export function handle() { return new Promise(() => setInterval(() => {}, 1000)); }');
    expect(report.errors[0]).toMatchObject({ kind: 'timeout', step: 0, message: expect.stringMatching(/60 minutes of simulated time/) });
  });

  it('top-level await gets a hint', async () => {
    const report = await run('const x = await Promise.resolve(1);\nexport async function handle() { return x; }');
    expect(report.errors[0]).toMatchObject({ kind: 'syntax', message: expect.stringMatching(/Top-level await is not supported/) });
  });
});

