/** Grades a submission against a lesson: the learner's pass beside the starter's, checked. */
import type { LessonSession, Submission } from './lesson/lesson-session.ts';
import type { LatencyModel } from './sim/scheduler.ts';
import { summarisePass, round, type PassSummary } from './measure/summarise.ts';
import { findMismatches, type MismatchReport } from './verdict/mismatches.ts';
import { evaluateChecks, type CheckResult } from './verdict/checks.ts';
import type { RunError } from './errors.ts';

/** Everything a run produced, as plain JSON: what the UI and the CLI show. */
export interface RunReport {
  lesson: { slug: string; title: string };
  /** The latency model both passes ran under. */
  latency: LatencyModel;
  /** What is measured and what is simulated, in one sentence. */
  model: string;
  starter: PassSummary;
  learner: PassSummary;
  mismatches: MismatchReport;
  checks: CheckResult[];
  /** True when every check passed. */
  passed: boolean;
  /** The learner's errors (compile, runtime, SQL, stuck), first ones kept. */
  errors: RunError[];
  /** Real time the grading took, ms (measured, includes the starter's pass when it ran). */
  wallMs: number;
}

/** Options of one grading. */
export interface GradeOptions {
  /** Overrides of the lesson's latency model. */
  latency?: Partial<LatencyModel>;
}

/** Runs `submission` and the baseline, compares, and checks. */
export async function grade(session: LessonSession, submission: Submission, options: GradeOptions = {}): Promise<RunReport> {
  const started = performance.now();
  const latency = session.latencyModel(options.latency);
  const { starter, oracle } = await session.baseline(latency);
  const learner = await session.measure(submission, latency, oracle);
  // The oracle ran the same workload without trouble, so a workload step failing now was caused by
  // the code or migration under test (a dropped column, say), not by the lesson.
  for (const error of learner.pass.errors) {
    if (error.kind === 'lesson') {
      error.kind = 'sql';
      error.message = `${error.message} It worked for the reference: did your code or migration change the tables?`;
    }
  }
  const order = session.lesson.frontmatter.answers;
  const mismatches = findMismatches(oracle.pass.requests, learner.pass.requests, order, { expected: oracle.pass.states, actual: learner.pass.states }, learner.pass.bypassWrites);
  const starterSummary = summarisePass(starter.pass, starter.plans, latency.rttMs);
  const learnerSummary = summarisePass(learner.pass, learner.plans, latency.rttMs);
  const checks = evaluateChecks({ checks: session.lesson.frontmatter.checks, starter: starterSummary, learner: learnerSummary, mismatches });
  return {
    lesson: { slug: session.lesson.slug, title: session.lesson.frontmatter.title },
    latency,
    model: modelSentence(latency, learner.pass.clockResolutionMs),
    starter: starterSummary,
    learner: learnerSummary,
    mismatches,
    checks,
    passed: checks.every((check) => check.passed),
    errors: learner.pass.errors,
    wallMs: round(performance.now() - started),
  };
}

/** What is measured and what is simulated, in words the report shows under its figures. */
function modelSentence(latency: LatencyModel, clockResolutionMs: number): string {
  const coarse =
    clockResolutionMs >= 0.01
      ? ` This browser's clock moves in ${clockResolutionMs.toFixed(2)} ms steps, so a single short request's CPU time reads as 0 or one step; totals over many requests are right on average.`
      : '';
  return `Query execution times and app CPU time (your JavaScript between awaits) are measured here; network round trips (${latency.rttMs} ms each) and the pool of ${latency.poolSize} connections are simulated.${coarse}`;
}
