/**
 * A delete that cascades through an unindexed foreign key: the time is in the foreign key's
 * trigger, not in any node of the DELETE's plan. The captured plan must say so, and show the
 * statement the trigger ran with its sequential scan (where a plan check can see it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PGlite } from '@electric-sql/pglite';
import { freshPGlite } from '../src/node/fresh-pglite.ts';
import { openTiny } from './helpers/lessons.ts';
import { shapePlanNodes } from '../src/engine/measure/capture-plans.ts';

const files = {
  'schema.sql': `CREATE TABLE items (id integer PRIMARY KEY, name text NOT NULL);
    CREATE TABLE parts (id integer PRIMARY KEY, item_id integer NOT NULL REFERENCES items (id) ON DELETE CASCADE);`,
  'seed.sql': `INSERT INTO items SELECT g, 'item ' || g FROM generate_series(1, 100) AS g;
    INSERT INTO parts SELECT g, 1 + g % 100 FROM generate_series(1, 20000) AS g;`,
  'starter.ts': `export async function handle({ id }, { db }) {
  await db.query('DELETE FROM items WHERE id = $1', [id]);
  return null;
}`,
};

describe('the plan of a delete that cascades', () => {
  let pg: PGlite;
  beforeAll(async () => {
    pg = await freshPGlite();
  });
  afterAll(() => pg?.close());

  it('lists the foreign key trigger with its time, and the scan the trigger ran', async () => {
    const session = await openTiny(pg, files);
    const { plans } = await session.measure({ code: files['starter.ts'] }, session.latencyModel());
    const shape = plans.find((plan) => plan.sql.startsWith('DELETE FROM items'))!;
    expect(shape.plan!.triggers).toEqual([
      expect.objectContaining({ name: 'parts_item_id_fkey', constraint: true, relation: 'items', calls: 1 }),
    ]);
    expect(shape.plan!.triggers[0]!.timeMs).toBeGreaterThan(0);
    // The cascade's own DELETE on parts, planned through auto_explain: a Seq Scan without an index.
    expect(shape.nested.map((inner) => inner.sql)).toEqual([expect.stringMatching(/DELETE FROM ONLY "public"\."parts"/)]);
    expect(shapePlanNodes(shape).some((node) => node.nodeType === 'Seq Scan' && node.relation === 'parts')).toBe(true);
  });
});
