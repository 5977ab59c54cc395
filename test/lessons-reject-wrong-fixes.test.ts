/**
 * Every file in lessons/NN/wrong/ is graded the way lessons:verify grades it, and fails for the
 * reason a learner should be told: these tests pin the checks and the first message they would read.
 */
import { describe, expect, it } from 'vitest';
import { useLesson } from './helpers/lessons.ts';
import { grade, type RunReport } from '../src/engine/grade.ts';
import { readLesson, readWrongFixes } from '../src/lessons/read-lessons.ts';
import { COURSE_LESSONS_DIR } from '../src/lessons/lessons-dir.ts';
import { judgeWrongFix } from '../src/cli/wrong-fix-rules.ts';
import { formatError } from '../src/cli/format-report.ts';
import type { WrongFix } from '../src/lessons/lesson.ts';

/**
 * How a wrong fix fails: these checks among the failed ones (a slow wrong fix may fail `speedup`
 * too, depending on the machine), the first failed check's message, and the first error if any.
 */
interface Rejected {
  failed: string[];
  message: RegExp;
  error?: RegExp;
  also?: (report: RunReport) => void;
}

const STALE = /A stale read: this is what the same request returned before the data changed\./;
/** Past the five minutes readers may lag behind the import (its `maxStaleMs`). */
const LATE = /A stale read: the data from before the workload's write at step \d+, served [\d.]+ minutes after it; readers may lag behind it by at most 5\.0 minutes/;
/** A page that loaded while a merchant changed its price, in the flash sale. */
const RACE = /A stale read under concurrent traffic: the data changed before this request started, by updatePrice\(\)/;

const EXPECTED: Record<string, Record<string, Rejected>> = {
  '01-n-plus-one': {
    'wrong/inner-join.ts': { failed: ['correct'], message: /answers differ from the reference; the first, at step \d+: \d+ of 20 expected items are missing\.$/ },
    'wrong/no-outer-order-by.ts': { failed: ['correct'], message: /The same items, in a different order: the order matters here\.$/ },
    'wrong/ordered-by-id.ts': { failed: ['correct'], message: /The same items, in a different order: the order matters here\.$/ },
    'wrong/promise-all.ts': {
      failed: ['maxQueriesPerRequest'],
      message: /^One request made 41 queries; each one is a round trip\. Aim for 3 or fewer\.$/,
      also: (report) => expect(report.learner.shapes.filter((shape) => shape.repeatedInRequest)).toHaveLength(2),
    },
    'wrong/everything-in-memory.ts': { failed: ['correct'], message: STALE, also: (report) => expect(report.mismatches.first?.difference).toMatch(/"commentCount"/) },
    'wrong/pages-cached-forever.ts': { failed: ['correct'], message: STALE },
  },
  '02-missing-index': {
    'wrong/index-on-status.sql': {
      failed: ['maxRowsReadPerRequest', 'speedup'],
      message: /^One request made Postgres read 75\d{3} table rows \(at most 1000\): look at its plan for a scan that reads rows it then throws away\.$/,
    },
    'wrong/index-on-created-at.sql': {
      failed: ['maxRowsReadPerRequest', 'noSeqScan', 'speedup'],
      message: /^One request made Postgres read 250005 table rows \(at most 1000\)/,
      also: (report) => {
        const plan = report.learner.plans.find((shape) => shape.fingerprint.includes('from orders'));
        expect(plan?.findings[0]).toMatchObject({ kind: 'seq-scan', relation: 'orders' });
      },
    },
    'wrong/everything-in-memory.ts': { failed: ['correct', 'maxRowsReadPerRequest'], message: /answers differ from the reference; the first, at step \d+: 1 of \d+ expected items are missing\.$/ },
    'wrong/limit-1.ts': { failed: ['correct'], message: /the first, at step 0: \d+ of \d+ expected items are missing\.$/ },
  },
  '03-cache-aside': {
    'wrong/never-invalidated.ts': {
      failed: ['correct', 'staleReads'],
      message: /the first, at step \d+: A stale read: this is what the same request returned before the data changed\. Field "priceCents"/,
      also: (report) => expect(report.mismatches.staleReads).toBeGreaterThan(100),
    },
    'wrong/day-long-ttl.ts': { failed: ['correct', 'staleReads'], message: LATE },
    'wrong/six-hour-ttl.ts': { failed: ['correct', 'staleReads'], message: LATE },
    'wrong/update-age-on-get.ts': { failed: ['correct', 'staleReads'], message: LATE },
    'wrong/delete-before-write.ts': { failed: ['correct', 'staleReads'], message: RACE },
    'wrong/delete-after-write-race.ts': { failed: ['correct', 'staleReads'], message: RACE },
    'wrong/update-not-awaited.ts': {
      failed: ['correct'],
      message: /^Your code raised errors during the run; fix them first/,
      error: /^wrong\/update-not-awaited\.ts:\d+: unawaited error: updatePrice\(\) returned while the query from line \d+ was still running/,
    },
    'wrong/max-100000.ts': {
      failed: ['maxCacheEntries'],
      message: /^At most \d+ entries were cached at once \(limit 200\)\.$/,
      also: (report) => expect(report.learner.cache.peakEntries).toBeGreaterThan(200),
    },
    'wrong/cache-checked-after-loading.ts': {
      failed: ['speedup'],
      message: /^Median request: .* \([0-2](\.\d)?x; the goal is 3x\)\.$/,
      also: (report) => expect(report.learner.cache.hitRate).toBeGreaterThan(0.6),
    },
  },
};

for (const [slug, expected] of Object.entries(EXPECTED)) {
  describe(`${slug} rejects its wrong fixes`, () => {
    const opened = useLesson(slug);
    const fixes = readWrongFixes(COURSE_LESSONS_DIR, readLesson(COURSE_LESSONS_DIR, slug));
    const gradeFix = (fix: WrongFix) => grade(opened.session, { code: fix.code, file: fix.codeFile, migration: fix.migration });

    it('knows how each file in wrong/ should fail', () => {
      expect(fixes.map((fix) => fix.name).sort()).toEqual(Object.keys(expected).sort());
    });

    for (const fix of fixes) {
      const want = expected[fix.name];
      if (!want) continue;
      it(`${fix.name}: ${fix.description}`, async () => {
        const report = await gradeFix(fix);
        if (want.error) expect(formatError(report.errors[0])).toMatch(want.error);
        else expect(report.errors).toEqual([]);
        expect(report.checks.filter((check) => !check.passed).map((check) => check.id)).toEqual(expect.arrayContaining(want.failed));
        expect(report.checks.find((check) => !check.passed)?.message).toMatch(want.message);
        want.also?.(report);
        // lessons:verify reads the same report the same way.
        expect(judgeWrongFix(fix, { name: fix.name, report })).toMatchObject({ asExpected: true, problem: undefined });
      });
    }
  });
}

describe('02-missing-index: the right index, and padding that cannot hide a Seq Scan', () => {
  const opened = useLesson('02-missing-index');

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
