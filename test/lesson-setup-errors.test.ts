/**
 * A lesson that parses can still fail when it loads: SQL Postgres rejects in schema.sql or seed.sql,
 * a workload that throws or returns no steps. Each must come back as a LessonError naming the file
 * (and the line, where Postgres gives a position), in a real PGlite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { openTiny } from './helpers/lessons.ts';
import { LessonError } from '../src/lessons/lesson.ts';
import { freshPGlite } from '../src/node/fresh-pglite.ts';

let pg: PGlite;
beforeAll(async () => {
  pg = await freshPGlite();
});
afterAll(() => pg.close());

async function loadError(overrides: Record<string, string>): Promise<LessonError> {
  const error = await openTiny(pg, overrides).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(LessonError);
  return error as LessonError;
}

describe('a lesson that fails to load', () => {
  it('names schema.sql and the line of a statement Postgres rejects', async () => {
    const error = await loadError({ 'schema.sql': 'CREATE TABLE items (id integer PRIMARY KEY, name text NOT NULL);\nCREAT INDEX ON items (name);\n' });
    expect(error).toMatchObject({ file: '00-tiny/schema.sql', line: 2 });
    expect(error.message).toMatch(/^00-tiny\/schema\.sql:2: Postgres rejected it: syntax error at or near "CREAT"/);
  });

  it('names seed.sql and the line of a row that breaks a constraint or names a missing table', async () => {
    const duplicate = await loadError({ 'seed.sql': "INSERT INTO items VALUES (1, 'one');\nINSERT INTO items VALUES (1, 'again');\n" });
    // Postgres gives no position for a duplicate key: the statement's own line is used.
    expect(duplicate).toMatchObject({ file: '00-tiny/seed.sql', line: 2 });
    expect(duplicate.message).toMatch(/^00-tiny\/seed\.sql:2: Postgres rejected it: duplicate key value violates unique constraint "items_pkey"/);
    const missing = await loadError({ 'seed.sql': "INSERT INTO items VALUES (1, 'one');\n\nINSERT INTO itemz VALUES (2, 'two');\n" });
    expect(missing).toMatchObject({ file: '00-tiny/seed.sql', line: 3 });
    expect(missing.message).toContain('relation "itemz" does not exist');
  });

  it('names workload.ts when the workload throws', async () => {
    const error = await loadError({ 'workload.ts': "export default (random) => {\n  throw new Error('no data yet');\n};" });
    expect(error).toMatchObject({ file: '00-tiny/workload.ts', line: 2 });
    expect(error.message).toBe(
      '00-tiny/workload.ts:2: the workload threw: no data yet. It runs once, with the seeded random numbers, before any pass: fix it so it returns the steps.',
    );
  });

  it('names workload.ts when the workload returns nothing, or no steps', async () => {
    for (const [workload, got] of [
      ['export default () => {};', 'undefined'],
      ['export default () => [];', '[]'],
    ]) {
      expect((await loadError({ 'workload.ts': workload })).message).toBe(
        `00-tiny/workload.ts: the default export must return a non-empty array of steps, like [{ request: 'handle', input: { ... } }]; it returned ${got}`,
      );
    }
    expect((await loadError({ 'workload.ts': 'export const steps = [];' })).message).toBe('00-tiny/workload.ts: must export a default function (random) => steps');
  });
});
