/**
 * `lessons:verify` grades every file in lessons/NN/wrong/ and pins the checks that catch it
 * (`expect:`) and the first words a learner reads (`message:`). These tests pin what else the
 * learner is shown for a few of them: the repeated shapes, the plan's finding, the field that went
 * stale, the count of stale reads, the cache's peak.
 */
import { describe, expect, it } from 'vitest';
import { useLesson } from './helpers/lessons.ts';
import { grade, type RunReport } from '../src/engine/grade.ts';
import { readLesson, readWrongFixes } from '../src/lessons/read-lessons.ts';
import { COURSE_LESSONS_DIR } from '../src/lessons/lessons-dir.ts';
import { judgeWrongFix } from '../src/cli/wrong-fix-rules.ts';

const DETAILS: Record<string, Record<string, (report: RunReport) => void>> = {
  '01-n-plus-one': {
    'wrong/promise-all.ts': (report) => expect(report.learner.shapes.filter((shape) => shape.repeatedInRequest)).toHaveLength(2),
    'wrong/everything-in-memory.ts': (report) => expect(report.mismatches.first?.difference).toMatch(/"commentCount"/),
  },
  '03-cache-aside': {
    'wrong/never-invalidated.ts': (report) => expect(report.mismatches.staleReads).toBeGreaterThan(100),
    'wrong/max-100000.ts': (report) => expect(report.learner.cache.peakEntries).toBeGreaterThan(200),
  },
};

for (const [slug, details] of Object.entries(DETAILS)) {
  describe(`${slug}: what a learner is shown for its wrong fixes`, () => {
    const opened = useLesson(slug);
    const fixes = readWrongFixes(COURSE_LESSONS_DIR, readLesson(COURSE_LESSONS_DIR, slug));

    for (const [name, shown] of Object.entries(details)) {
      it(name, async () => {
        const fix = fixes.find((candidate) => candidate.name === name)!;
        const report = await grade(opened.session, { code: fix.code, file: fix.codeFile, migration: fix.migration });
        // Rejected as lessons:verify rejects it: by the checks it names, with the words it pins.
        expect(judgeWrongFix(fix, { name: fix.name, report })).toMatchObject({ asExpected: true, problem: undefined });
        shown(report);
      });
    }
  });
}

describe('02-missing-index: the plan of a wrong index, the right index, and padding that cannot hide a Seq Scan', () => {
  const opened = useLesson('02-missing-index');

  it('wrong/index-on-created-at.sql: the plan view flags the Seq Scan that stays', async () => {
    const fix = readWrongFixes(COURSE_LESSONS_DIR, opened.lesson).find((candidate) => candidate.name === 'wrong/index-on-created-at.sql')!;
    const report = await grade(opened.session, { code: fix.code, file: fix.codeFile, migration: fix.migration });
    expect(judgeWrongFix(fix, { name: fix.name, report })).toMatchObject({ asExpected: true, problem: undefined });
    const plan = report.learner.plans.find((shape) => shape.fingerprint.includes('from orders'));
    expect(plan?.findings[0]).toMatchObject({ kind: 'seq-scan', relation: 'orders' });
  });

  it('a plain index on customer_id passes', async () => {
    const report = await grade(opened.session, { code: opened.lesson.files.starter, migration: 'CREATE INDEX ON orders (customer_id);' });
    expect(report.checks.filter((check) => !check.passed)).toEqual([]);
  });

  it('thirty cheap queries before the full read do not keep its plan from being explained', async () => {
    const fix = readWrongFixes(COURSE_LESSONS_DIR, opened.lesson).find((candidate) => candidate.name === 'wrong/everything-in-memory.ts')!;
    const padding = "  for (let i = 0; i < 30; i++) await db.query('SELECT 1 AS padding_' + i);\n";
    const code = fix.code.replace(/(export async function getOpenOrders[^\n]*\n)/, `$1${padding}`);
    expect(code).toContain('padding_');
    const report = await grade(opened.session, { code });
    expect(report.checks.filter((check) => !check.passed).map((check) => check.id)).toEqual(expect.arrayContaining(['correct', 'noSeqScan']));
  });
});
