/**
 * The rules that keep plan checks honest: plans are taken on data as a real server would hold it,
 * a learner cannot change the planner's settings, a function cannot hide its scans, and each query
 * shape is explained with the parameters that cost the most.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { openTiny } from './helpers/lessons.ts';
import { walkPlan } from '../src/engine/measure/plans.ts';
import type { LessonSession } from '../src/engine/lesson/lesson-session.ts';

let pg: PGlite;
beforeAll(async () => {
  pg = await PGlite.create();
});
afterAll(() => pg?.close());

/** 20,000 rows in 200 groups of very different sizes; an index on the group. */
const GROUPED = {
  'schema.sql': 'CREATE TABLE items (id integer PRIMARY KEY, grp integer NOT NULL, name text NOT NULL); CREATE INDEX items_grp_idx ON items (grp);',
  'seed.sql': "INSERT INTO items SELECT g, CASE WHEN g <= 15000 THEN 1 ELSE 2 + g % 199 END, 'item ' || g FROM generate_series(1, 20000) AS g;",
};

/** The plan nodes of every captured shape, flattened. */
async function planNodes(session: LessonSession, code: string, migration?: string) {
  const { plans, pass } = await session.measure({ code, migration }, session.latencyModel());
  return { nodes: plans.flatMap((shape) => (shape.plan ? walkPlan(shape.plan.root) : [])), plans, errors: pass.errors };
}

describe('plans are taken on data as a real server holds it', () => {
  it('a count over an index is an Index Only Scan with zero heap fetches right after the seed', async () => {
    const session = await openTiny(pg, {
      ...GROUPED,
      'starter.ts': `export async function handle({ id }, { db }) {
  const [row] = await db.query('SELECT count(*)::int AS n FROM items WHERE grp = $1', [id + 10]);
  return row;
}`,
    });
    const { nodes } = await planNodes(session, session.lesson.files.starter);
    const scan = nodes.find((node) => node.relation === 'items');
    expect(scan?.nodeType).toBe('Index Only Scan');
    expect(scan?.raw['Heap Fetches']).toBe(0);
  });

  it('a pass that rewrote the table leaves the next pass the same all-visible table', async () => {
    const session = await openTiny(pg, GROUPED);
    const count = `export async function handle({ id }, { db }) {
  const [row] = await db.query('SELECT count(*)::int AS n FROM items WHERE grp = $1', [id + 10]);
  return row;
}`;
    await session.measure({ code: count, migration: "UPDATE items SET name = name || '!';" }, session.latencyModel());
    const { nodes } = await planNodes(session, count);
    expect(nodes.find((node) => node.relation === 'items')?.raw['Heap Fetches']).toBe(0);
  });
});
