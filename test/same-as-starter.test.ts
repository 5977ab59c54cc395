/** The starter as it came is measured once: a Run of it shows that measurement on both sides. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { openTiny } from './helpers/lessons.ts';
import { grade } from '../src/engine/grade.ts';
import { formatReport } from '../src/cli/format-report.ts';
import { freshPGlite } from '../src/node/fresh-pglite.ts';

let pg: PGlite;
beforeAll(async () => {
  pg = await freshPGlite();
});
afterAll(() => pg?.close());

describe('running the starter unchanged', () => {
  it('shows one measurement on both sides, 1x, and says why', async () => {
    const session = await openTiny(pg);
    const report = await grade(session, { code: session.lesson.files.starter });
    expect(report.sameAsStarter).toBe(true);
    expect(report.learner.latency).toEqual(report.starter.latency);
    expect(report.learner.dbMs).toBe(report.starter.dbMs);
    expect(report.learner.file).toBe('handler.ts');
    expect(formatReport(report)).toContain('Your code is the starter as it came: its one measurement is shown on both sides.');
  });

  it('measures the code again once anything in it changed, a comment included', async () => {
    const session = await openTiny(pg);
    const report = await grade(session, { code: `${session.lesson.files.starter}\n// edited` });
    expect(report.sameAsStarter).toBe(false);
    expect(report.learner.queries.total).toBe(5);
    expect(formatReport(report)).not.toContain('Your code is the starter as it came');
  });
});
