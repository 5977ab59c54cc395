/**
 * The rules that keep plan checks honest: plans are taken on data as a real server would hold it,
 * a learner cannot change the planner's settings, a function cannot hide its scans, and each query
 * shape is explained with the parameters that cost the most.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { openTiny, tinyFrontmatterWith, tinyLesson } from './helpers/lessons.ts';
import { grade } from '../src/engine/grade.ts';
import { walkPlan } from '../src/engine/measure/plans.ts';
import type { LessonSession } from '../src/engine/lesson/lesson-session.ts';
import { freshPGlite } from '../src/node/fresh-pglite.ts';

let pg: PGlite;
beforeAll(async () => {
  pg = await freshPGlite();
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

describe('planner settings belong to the server', () => {
  const lookup = `export async function handle({ id }, { db }) {
  const [row] = await db.query('SELECT count(*)::int AS n FROM items WHERE grp = $1', [id + 10]);
  return row;
}`;

  it('the guarded list is every Query Tuning setting of this Postgres, plus work_mem and hash_mem_multiplier', async () => {
    const { PLANNER_SETTINGS } = await import('../src/engine/sql/planner-settings.ts');
    const { rows } = await pg.query<{ name: string }>(
      `SELECT name FROM pg_settings WHERE category LIKE 'Query Tuning%' OR name IN ('work_mem', 'hash_mem_multiplier') ORDER BY name`,
    );
    expect([...PLANNER_SETTINGS].sort()).toEqual(rows.map((row) => row.name));
  });

  it('a migration that says SET enable_seqscan = off is refused at its line, and nothing of it runs', async () => {
    const session = await openTiny(pg, GROUPED);
    const migration = '-- SET enable_seqscan = off in a comment is fine\nCREATE INDEX items_name_idx ON items (name);\nSET enable_seqscan = off;\n';
    const { errors } = await planNodes(session, lookup, migration);
    expect(errors).toEqual([expect.objectContaining({ kind: 'sql', file: 'migration.sql', line: 3, message: expect.stringContaining('Planner settings cannot be changed here (enable_seqscan)') })]);
  });

  it('a function that sets a planner setting when called is refused where it says so', async () => {
    const session = await openTiny(pg, GROUPED);
    const migration = `CREATE FUNCTION group_count(g integer) RETURNS integer
  LANGUAGE sql STABLE
  SET enable_bitmapscan = off
  AS $$ SELECT count(*)::int FROM items WHERE grp = g $$;`;
    const { errors } = await planNodes(session, lookup, migration);
    expect(errors[0]).toMatchObject({ file: 'migration.sql', line: 3, message: expect.stringContaining('(enable_bitmapscan)') });
  });

  it('SET LOCAL from a handler is refused at the line that sent it', async () => {
    const session = await openTiny(pg, GROUPED);
    const code = `export async function handle({ id }, { db }) {
  await db.query('SET LOCAL random_page_cost = 1');
  const [row] = await db.query('SELECT count(*)::int AS n FROM items WHERE grp = $1', [id + 10]);
  return row;
}`;
    const { errors } = await planNodes(session, code);
    expect(errors[0]).toMatchObject({ kind: 'runtime', line: 2, message: expect.stringContaining('(random_page_cost)') });
  });

  it('a setting changed where the text cannot show it is found at the end of the run', async () => {
    const session = await openTiny(pg, GROUPED);
    const code = `export async function handle({ id }, { db }) {
  await db.query("SELECT set_config('enable_' || 'seqscan', 'off', true)");
  const [row] = await db.query('SELECT count(*)::int AS n FROM items WHERE grp = $1', [id + 10]);
  return row;
}`;
    const { errors } = await planNodes(session, code);
    expect(errors).toEqual([expect.objectContaining({ kind: 'sql', message: expect.stringContaining('enable_seqscan, now off (was on)') })]);
    // The pass rolled back with the setting: the next one plans with the server's settings again.
    expect((await planNodes(session, lookup)).errors).toEqual([]);
  });

  it('UPDATE ... SET of a column is not a setting', async () => {
    const session = await openTiny(pg, GROUPED);
    const { errors } = await planNodes(session, lookup, "UPDATE items SET name = name || '.' WHERE id = 1;");
    expect(errors).toEqual([]);
  });
});

describe('plans show what Postgres really did', () => {
  it('a Seq Scan inside a plpgsql function the query calls is found, and noSeqScan fails', async () => {
    const session = await openTiny(pg, { ...GROUPED, 'lesson.md': tinyFrontmatterWith('noSeqScan: [items]') });
    const migration = `CREATE FUNCTION items_named(pattern text) RETURNS SETOF items LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN QUERY SELECT * FROM items WHERE name LIKE pattern;
END $$;`;
    const code = `export async function handle({ id }, { db }) {
  const rows = await db.query('SELECT count(*)::int AS n FROM items_named($1)', ['%' + id + '0']);
  return rows[0];
}`;
    const { plans } = await session.measure({ code, migration }, session.latencyModel());
    const [shape] = plans;
    expect(shape?.plan && walkPlan(shape.plan.root).some((node) => node.nodeType === 'Seq Scan')).toBe(false);
    expect(shape?.nested).toEqual([expect.objectContaining({ sql: expect.stringContaining('SELECT * FROM items WHERE name LIKE pattern') })]);
    const report = await grade(session, { code, migration });
    expect(report.checks.find((check) => check.id === 'noSeqScan')).toMatchObject({ passed: false, measured: 'items' });
  });

  it('a shape is explained with the parameters that cost the most, not the first ones', async () => {
    const session = await openTiny(pg, GROUPED);
    // Request 3 counts group 1 (15,000 rows); every other request counts a group of about 25.
    const code = `export async function handle({ id }, { db }) {
  const [row] = await db.query('SELECT count(*)::int AS n FROM items WHERE grp = $1', [id === 3 ? 1 : id + 10]);
  return row;
}`;
    const { plans } = await session.measure({ code }, session.latencyModel());
    expect(plans[0]).toMatchObject({ params: [1] });
    expect(plans[0]!.paramSetsTried).toBeGreaterThan(1);
    const scanned = walkPlan(plans[0]!.plan!.root).find((node) => node.relation === 'items');
    expect(scanned!.actualRows * scanned!.loops).toBeGreaterThanOrEqual(15000);
  });
});

describe('rows read: a measure that does not wobble', () => {
  const fetchGroup = (where: string) => `export async function handle({ id }, { db }) {
  return db.query('SELECT id, name FROM items WHERE ${where} ORDER BY id', [id + 10]);
}`;

  it('counts the table rows each request read: through an index, and by a full scan', async () => {
    const session = await openTiny(pg, GROUPED);
    const latency = session.latencyModel();
    const indexed = await session.measure({ code: fetchGroup('grp = $1') }, latency);
    // Groups 11-15 hold about 100 rows each; each request reads exactly the rows it returns.
    expect(indexed.pass.requests.map((request) => request.rowsRead)).toEqual(indexed.pass.requests.map((request) => (request.answer as unknown[]).length));
    const scanned = await session.measure({ code: fetchGroup('grp + 0 = $1') }, latency);
    expect(scanned.pass.requests.map((request) => request.rowsRead)).toEqual([20000, 20000, 20000, 20000, 20000]);
  });

  it('a BRIN index that matches every block range reads the whole table, and rows read shows it', async () => {
    // grp follows the row order, but every 100 rows hold a 0 and a 99999: each range spans them all.
    const session = await openTiny(pg, {
      'schema.sql': 'CREATE TABLE items (id integer PRIMARY KEY, grp integer NOT NULL, name text NOT NULL);',
      'seed.sql': "INSERT INTO items SELECT g, CASE g % 100 WHEN 0 THEN 0 WHEN 50 THEN 99999 ELSE g END, 'item ' || g FROM generate_series(1, 20000) AS g;",
      'lesson.md': tinyFrontmatterWith('noSeqScan: [items]', 'maxRowsReadPerRequest: 100'),
    });
    const migration = 'CREATE INDEX items_grp_brin ON items USING brin (grp) WITH (pages_per_range = 4);';
    const report = await grade(session, { code: fetchGroup('grp = $1'), migration });
    const scans = report.learner.plans.flatMap((shape) => (shape.plan ? walkPlan(shape.plan.root) : [])).map((node) => node.nodeType);
    expect(scans).toContain('Bitmap Heap Scan');
    expect(report.checks.find((check) => check.id === 'noSeqScan')?.passed).toBe(true);
    expect(report.checks.find((check) => check.id === 'maxRowsReadPerRequest')).toMatchObject({ passed: false, measured: 20000 });
  });

  it('the same code reads the same rows on every run', async () => {
    const session = await openTiny(pg, GROUPED);
    const counts = [];
    for (let run = 0; run < 3; run++) counts.push((await session.measure({ code: fetchGroup('grp = $1') }, session.latencyModel())).pass.requests.map((request) => request.rowsRead));
    expect(counts[1]).toEqual(counts[0]);
    expect(counts[2]).toEqual(counts[0]);
  });
});

describe('a sequential scan can be the right plan', () => {
  const everyItem = `export async function handle({ id }, { db }) {
  const [row] = await db.query('SELECT count(*)::int AS n FROM items WHERE name <> $1', ['item ' + id]);
  return row;
}`;

  it('a lesson that expects a full read shows the scan as the right plan, not as a problem', async () => {
    const expected = tinyFrontmatterWith().replace('checks:\n', 'expectSeqScan: [items]\nchecks:\n');
    const flagged = await openTiny(pg, GROUPED);
    const [problem] = (await flagged.measure({ code: everyItem }, flagged.latencyModel())).plans;
    expect(problem!.findings).toEqual([expect.objectContaining({ kind: 'seq-scan', relation: 'items' })]);
    const allowed = await openTiny(pg, { ...GROUPED, 'lesson.md': expected });
    const [fine] = (await allowed.measure({ code: everyItem }, allowed.latencyModel())).plans;
    expect(fine!.findings).toEqual([expect.objectContaining({ kind: 'expected-seq-scan', message: expect.stringContaining('Here that is the right plan') })]);
  });

  it('a table cannot be both expected to be read in full and forbidden a Seq Scan', () => {
    const both = tinyFrontmatterWith('noSeqScan: [items]').replace('checks:\n', 'expectSeqScan: [items]\nchecks:\n');
    expect(() => tinyLesson({ 'lesson.md': both })).toThrow(/expectSeqScan: items cannot be both expected to be read in full and forbidden a Seq Scan/);
  });
});
