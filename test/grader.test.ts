/**
 * One grading process serves job after job (`lessons:verify` grades every lesson in it); a job that
 * had to be killed leaves the next one a fresh process, not a broken one.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Grader } from '../src/node/grade-in-worker.ts';
import { tinyLessonFiles } from './helpers/lessons.ts';

describe('a grader that keeps its process between jobs', () => {
  it('grades the jobs after one it killed for a timeout, and after one whose lesson does not load', { timeout: 60_000 }, async () => {
    const lessonsDir = mkdtempSync(join(tmpdir(), 'fastpath-grader-'));
    mkdirSync(join(lessonsDir, '01-tiny'));
    const files = tinyLessonFiles();
    for (const [name, text] of Object.entries(files)) if (text !== undefined) writeFileSync(join(lessonsDir, '01-tiny', name), text);
    const solution = { name: 'solution', code: files['solution.ts']! };
    const limits = { setupMs: 60_000, submissionMs: 2_000 };

    const grader = new Grader();
    try {
      const first = await grader.grade({ lessonsDir, slug: '01-tiny', submissions: [solution] }, limits);
      expect(first.results.map((result) => result.report?.passed)).toEqual([true]);

      const loop = { name: 'loop', code: 'export async function handle() {\n  while (true) {}\n}\n' };
      const stopped = await grader.grade({ lessonsDir, slug: '01-tiny', submissions: [loop, solution] }, limits);
      expect(stopped.results.map((result) => result.error?.kind)).toEqual(['timeout', 'internal']);

      const missing = await grader.grade({ lessonsDir, slug: '02-gone', submissions: [solution] }, limits);
      expect(missing.fatal?.message).toMatch(/^no such lesson folder/);

      const after = await grader.grade({ lessonsDir, slug: '01-tiny', submissions: [solution] }, limits);
      expect(after.fatal).toBeUndefined();
      expect(after.results.map((result) => result.report?.passed)).toEqual([true]);
    } finally {
      await grader.close();
    }
  });
});
