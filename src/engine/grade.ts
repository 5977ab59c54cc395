/** Grades a submission against a lesson: the learner's pass beside the starter's, checked. */
import type { LessonSession, MeasuredPass, Submission } from './lesson/lesson-session.ts';
import type { LatencyModel } from './sim/scheduler.ts';
import { summarisePass, round, type PassSummary } from './measure/summarise.ts';
import { findMismatches, type MismatchReport } from './verdict/mismatches.ts';
import { evaluateChecks, type CheckResult } from './verdict/checks.ts';
import { combinePairs, CONFIRM_PAIRS, needsConfirmation, type ConfirmedResult } from './verdict/confirm.ts';
import type { RunError } from './errors.ts';

/** Everything a run produced, as plain JSON: what the UI and the CLI show. */
export interface RunReport {
  lesson: { slug: string; title: string };
  /** The latency model both passes ran under. */
  latency: LatencyModel;
  /** The data's size both passes ran on, as a multiple of the lesson's own: only 1 grades. */
  scale: number;
  /** What is measured and what is simulated, in one sentence. */
  model: string;
  starter: PassSummary;
  learner: PassSummary;
  mismatches: MismatchReport;
  /** Each check's verdict; a timed check measured more than once lists every figure in `spread`. */
  checks: ConfirmedResult[];
  /** True when every check passed. */
  passed: boolean;
  /** The learner's errors (compile, runtime, SQL, stuck), first ones kept. */
  errors: RunError[];
  /** Extra starter-and-learner pairs measured because a timed check landed near its target. */
  confirmations: number;
  /**
   * True when the code and migration are the starter's own: its one measurement is shown on both
   * sides (measuring it twice would only show the machine's noise as a speedup).
   */
  sameAsStarter: boolean;
  /** Real time the grading took, ms (measured, includes the starter's pass when it ran). */
  wallMs: number;
}

/** Options of one grading. */
export interface GradeOptions {
  /** Overrides of the lesson's latency model. */
  latency?: Partial<LatencyModel>;
}

/** One starter pass and one learner pass, summarised and checked. */
interface JudgedPair {
  starter: PassSummary;
  learner: PassSummary;
  mismatches: MismatchReport;
  checks: CheckResult[];
}

function judge(session: LessonSession, latency: LatencyModel, oracle: MeasuredPass, starter: MeasuredPass, learner: MeasuredPass): JudgedPair {
  const order = session.lesson.frontmatter.answers;
  const mismatches = findMismatches(oracle.pass.requests, learner.pass.requests, order, { expected: oracle.pass.states, actual: learner.pass.states }, learner.pass.bypassWrites);
  const starterSummary = summarisePass(starter.pass, starter.plans, latency.rttMs);
  const learnerSummary = summarisePass(learner.pass, learner.plans, latency.rttMs);
  const checks = evaluateChecks({ checks: session.lesson.frontmatter.checks, starter: starterSummary, learner: learnerSummary, mismatches });
  return { starter: starterSummary, learner: learnerSummary, mismatches, checks };
}

/** Runs `submission` and the baseline, compares, and checks. */
export async function grade(session: LessonSession, submission: Submission, options: GradeOptions = {}): Promise<RunReport> {
  const started = performance.now();
  const latency = session.latencyModel(options.latency);
  const { starter, oracle } = await session.baseline(latency);
  const { files } = session.lesson;
  const sameAsStarter = submission.code === files.starter && (submission.migration ?? '') === (files.migration ?? '');
  const learner = sameAsStarter ? asLearner(starter, submission.file ?? 'handler.ts') : await session.measure(submission, latency, oracle);
  // The oracle ran the same workload without trouble, so a workload step failing now was caused by
  // the code or migration under test (a dropped column, say), not by the lesson.
  for (const error of learner.pass.errors) {
    if (error.kind === 'lesson') {
      error.kind = 'sql';
      error.message = `${error.message} It worked for the reference: did your code or migration change the tables?`;
    }
  }
  const pairs = [judge(session, latency, oracle, starter, learner)];
  if (!sameAsStarter && learner.pass.errors.length === 0 && needsConfirmation(pairs[0]!.checks)) {
    // Alternating, so both passes of a pair share whatever the machine was doing at the time.
    for (let extra = 0; extra < CONFIRM_PAIRS; extra++) {
      const again = await session.measureStarter(latency, oracle === starter ? undefined : oracle);
      pairs.push(judge(session, latency, oracle, again, await session.measure(submission, latency, oracle)));
    }
  }
  const { checks, shownPair } = combinePairs(pairs.map((pair) => pair.checks));
  const shown = pairs[shownPair]!;
  return {
    lesson: { slug: session.lesson.slug, title: session.lesson.frontmatter.title },
    latency,
    scale: session.scale,
    model: modelSentence(latency, learner.pass.clockResolutionMs),
    starter: shown.starter,
    learner: shown.learner,
    mismatches: pairs[0]!.mismatches,
    checks,
    passed: checks.every((check) => check.passed),
    errors: learner.pass.errors,
    confirmations: pairs.length - 1,
    sameAsStarter,
    wallMs: round(performance.now() - started),
  };
}

/**
 * The starter's measured pass, as the learner's file: errors and queries point into the learner's
 * editor. A copy: the errors are adjusted below and the baseline is reused by later runs.
 */
function asLearner(starter: MeasuredPass, file: string): MeasuredPass {
  const pass = { ...starter.pass, file, errors: starter.pass.errors.map((error) => (error.file === starter.pass.file ? { ...error, file } : { ...error })) };
  return { pass, plans: starter.plans };
}

/** What is measured and what is simulated, in words the report shows under its figures. */
function modelSentence(latency: LatencyModel, clockResolutionMs: number): string {
  const coarse =
    clockResolutionMs >= 0.01
      ? ` This browser's clock moves in ${clockResolutionMs.toFixed(2)} ms steps, so a single short request's CPU time reads as 0 or one step; totals over many requests are right on average.`
      : '';
  return `Query execution times and app CPU time (your JavaScript between awaits) are measured here; network round trips (${latency.rttMs} ms each) and the pool of ${latency.poolSize} connections are simulated.${coarse}`;
}
