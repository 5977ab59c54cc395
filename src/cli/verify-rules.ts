/** What "a lesson verifies" means, applied to the graded starter and solution. */
import type { JobResult } from '../node/grade-job.ts';
import type { RightFix, WrongFix } from '../lessons/lesson.ts';
import { formatError } from './format-report.ts';
import { judgeRightFix, judgeWrongFix, type WrongFixRow } from './wrong-fix-rules.ts';
import { speedup } from '../engine/verdict/checks.ts';

/** One lesson's verdict and the figures printed for it. */
export interface VerifyRow {
  slug: string;
  ok: boolean;
  /** Why it failed, one line each. */
  problems: string[];
  figures?: {
    starterQueries: number;
    solutionQueries: number;
    starterP50: number;
    solutionP50: number;
    /** Median latency, starter over solution (see `speedup` in the engine's checks). */
    speedup: number;
  };
  /** The lesson's wrong fixes, in the order of their files. */
  wrong: WrongFixRow[];
  /** The lesson's other right fixes (`right/`), in the order of their files. */
  right: WrongFixRow[];
}

/**
 * The rules: the starter is correct (when it is the oracle) and fails at least one performance
 * check; the solution passes every check; every wrong fix fails (see `judgeWrongFix`); every other
 * right fix passes (see `judgeRightFix`).
 * @param results the starter's, the solution's, one per wrong fix in `wrong`'s order, then one per
 *   right fix in `right`'s order
 */
export function verifyLessonResults(slug: string, hasReference: boolean, results: JobResult[], wrong: WrongFix[] = [], right: RightFix[] = []): VerifyRow {
  const problems: string[] = [];
  const [starter, solution] = results;
  for (const result of [starter, solution]) {
    if (!result) problems.push('a submission was not graded');
    else if (result.error) problems.push(`${result.name}: ${formatError(result.error)}`);
    else if (result.report!.errors.length) problems.push(`${result.name}: ${formatError(result.report!.errors[0])}`);
  }
  const starterReport = starter?.report;
  const solutionReport = solution?.report;
  if (starterReport) {
    const correct = starterReport.checks.find((check) => check.id === 'correct')!;
    if (!hasReference && !correct.passed) problems.push(`starter is not correct: ${correct.message}`);
    // The schema requires a check besides `correct`, so there is always one to fail.
    const perf = starterReport.checks.filter((check) => check.id !== 'correct');
    if (perf.every((check) => check.passed)) problems.push('starter already passes every performance check: nothing to learn');
  }
  if (solutionReport) {
    for (const check of solutionReport.checks.filter((check) => !check.passed)) {
      problems.push(`solution fails "${check.label}": ${check.message}`);
    }
  }
  const ran = (report: typeof starterReport) => report && report.learner.completed && report.errors.length === 0;
  // Both figures come from the solution's run, which measured the starter beside it.
  const figures =
    solutionReport && ran(starterReport) && ran(solutionReport)
      ? {
          starterQueries: solutionReport.starter.queries.maxPerRequest,
          solutionQueries: solutionReport.learner.queries.maxPerRequest,
          starterP50: solutionReport.starter.latency.p50,
          solutionP50: solutionReport.learner.latency.p50,
          speedup: speedup(solutionReport.starter, solutionReport.learner),
        }
      : undefined;
  const wrongRows = wrong.map((fix, index) => judgeWrongFix(fix, results[2 + index]));
  const rightRows = right.map((fix, index) => judgeRightFix(fix, results[2 + wrong.length + index]));
  for (const row of [...wrongRows, ...rightRows]) if (row.problem) problems.push(row.problem);
  return { slug, ok: problems.length === 0, problems, figures, wrong: wrongRows, right: rightRows };
}
