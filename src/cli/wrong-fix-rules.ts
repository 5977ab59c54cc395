/** What "a wrong fix is rejected" and "a right fix passes" mean, applied to a graded result. */
import type { JobResult } from '../node/grade-job.ts';
import type { RightFix, WrongFix } from '../lessons/lesson.ts';
import { formatError } from './format-report.ts';

/** One wrong fix's line under its lesson. */
export interface WrongFixRow {
  /** `wrong/limit-1.ts` and the like. */
  name: string;
  /** True when it was graded as the lesson says: a wrong fix failed as named, a right fix passed. */
  asExpected: boolean;
  /**
   * Which check caught it, in a few words: `caught by staleReads, correct` (the checks its `expect:`
   * names first), `caught by an error`, `NOT CAUGHT: passes every check`, `not graded`.
   */
  result: string;
  /** What a learner would read: the message of the first check named in `result`, or the first error. */
  message: string;
  /** Why the lesson fails because of it, when it does. */
  problem?: string;
}

/**
 * The rules: a wrong fix must not pass every check, and when it names checks (`expect:`) those must
 * be among the failed ones, failed by the checks themselves rather than by errors in the run.
 */
export function judgeWrongFix(fix: WrongFix, result: JobResult | undefined): WrongFixRow {
  const row = (asExpected: boolean, outcome: string, message: string, problem?: string): WrongFixRow => ({
    name: fix.name,
    asExpected,
    result: outcome,
    message,
    problem: problem && `${fix.name}: ${problem}`,
  });
  // No report (stopped at the time limit, not run after one that was): the checks never saw it.
  if (!result?.report) {
    const message = result?.error ? formatError(result.error) : 'no result came back';
    return row(false, 'not graded', message, `could not be graded: ${message}`);
  }
  const { report } = result;
  if (report.passed) return row(false, 'NOT CAUGHT: passes every check', '', `passes every check: ${fix.description}`);
  // An error fails every check at once, so it would satisfy any `expect:` for the wrong reason.
  if (report.errors.length) {
    const message = formatError(report.errors[0]);
    const problem = fix.expect.length ? `should fail ${fix.expect.join(', ')} by the checks, but it raised errors: ${message}` : undefined;
    return pinned(fix, row(!problem, 'caught by an error', message, problem));
  }
  // The checks the author expected to catch it come first: theirs is the message worth reading.
  const expected = (id: string) => (fix.expect.includes(id) ? fix.expect.indexOf(id) : fix.expect.length);
  const failed = report.checks.filter((check) => !check.passed).sort((a, b) => expected(a.id) - expected(b.id));
  const ids = failed.map((check) => check.id as string);
  const outcome = `caught by ${ids.join(', ')}`;
  const missing = fix.expect.filter((id) => !ids.includes(id));
  const problem = missing.length ? `should fail ${missing.join(', ')}, but passes ${missing.length > 1 ? 'them' : 'it'} (${outcome}): ${fix.description}` : undefined;
  return pinned(fix, row(!problem, outcome, failed[0]?.message ?? '', problem));
}

/**
 * A wrong fix caught as expected whose `message:` words are not in what the learner reads first
 * fails too: the right check with a baffling message teaches nothing.
 */
function pinned(fix: WrongFix, caught: WrongFixRow): WrongFixRow {
  if (!caught.asExpected || fix.message === undefined || caught.message.includes(fix.message)) return caught;
  return { ...caught, asExpected: false, problem: `${fix.name}: should tell the learner "${fix.message}", but the first message is: ${caught.message}` };
}

/**
 * The rule for a fix in `right/`: it passes every check, as the solution does.
 */
export function judgeRightFix(fix: RightFix, result: JobResult | undefined): WrongFixRow {
  const row = (ok: boolean, outcome: string, message: string, problem?: string): WrongFixRow => ({
    name: fix.name,
    asExpected: ok,
    result: outcome,
    message,
    problem: problem && `${fix.name}: ${problem}`,
  });
  if (!result?.report) {
    const message = result?.error ? formatError(result.error) : 'no result came back';
    return row(false, 'not graded', message, `could not be graded: ${message}`);
  }
  const { report } = result;
  if (report.passed) return row(true, 'passes every check', fix.description);
  if (report.errors.length) {
    const message = formatError(report.errors[0]);
    return row(false, 'FAILS by an error', message, `should pass every check, but raised an error: ${message}`);
  }
  const failed = report.checks.filter((check) => !check.passed);
  const outcome = `FAILS ${failed.map((check) => check.id).join(', ')}`;
  return row(false, outcome, failed[0].message, `should pass every check, but fails "${failed[0].label}": ${failed[0].message} (${fix.description})`);
}
