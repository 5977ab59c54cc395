/**
 * The data-scale control's engine side: a seed sized by `fastpath.scale`, a database restored at
 * the lesson's size and seeded again at another, and reports that say which size they ran on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PGlite } from '@electric-sql/pglite';
import { LessonSession } from '../src/engine/lesson/lesson-session.ts';
import { grade } from '../src/engine/grade.ts';
import { freshPGlite } from '../src/node/fresh-pglite.ts';
import { tinyLesson } from './helpers/lessons.ts';
import { formatReport } from '../src/cli/format-report.ts';

const lesson = tinyLesson({
  'seed.sql': "INSERT INTO items SELECT g, 'item ' || g FROM generate_series(1, round(100 * current_setting('fastpath.scale')::numeric)::int) AS g;",
});

describe('data scale', () => {
  let pg: PGlite;
  beforeAll(async () => {
    pg = await freshPGlite();
  });
  afterAll(() => pg?.close());

  it('seeds the lesson at its own size, then again at four times it in the same database', async () => {
    const own = await LessonSession.open(lesson, pg);
    expect(own.scale).toBe(1);
    expect(await own.tableSizes()).toEqual([{ table: 'items', rows: 100 }]);

    // As the browser does: the database already holds the lesson (from its snapshot).
    const progress: Array<[number, number]> = [];
    const scaled = await LessonSession.open(lesson, pg, { seeded: true, scale: 4, onStatement: (done, total) => progress.push([done, total]) });
    expect(await scaled.tableSizes()).toEqual([{ table: 'items', rows: 400 }]);
    const { rows } = await pg.query<{ n: number }>('SELECT count(*)::int AS n FROM items');
    expect(rows[0]!.n).toBe(400);
    // schema.sql has two statements and seed.sql one: a report before each, and one at the end.
    expect(progress).toEqual([[0, 3], [1, 3], [2, 3], [3, 3]]);

    const report = await grade(scaled, { code: lesson.files.solution });
    expect(report.scale).toBe(4);
    expect(formatReport(report)).toContain("At 4x the lesson's data: not graded");
  });

  it('names the file and the size when the seed fails at another size', async () => {
    const broken = tinyLesson({
      'seed.sql': "INSERT INTO items SELECT g % 150, 'item' FROM generate_series(1, round(100 * current_setting('fastpath.scale')::numeric)::int) AS g;",
    });
    await expect(LessonSession.open(broken, pg, { seeded: true, scale: 2 })).rejects.toThrow(/00-tiny\/seed\.sql:1: .*at 2x the lesson's data.*duplicate key/);
  });
});
