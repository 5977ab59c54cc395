/**
 * The checks of a lesson, evaluated against a run's measurements. Each kind lives in its own file
 * under `checks/`; this module loops over their registry.
 */
import type { LessonChecks } from '../../lessons/schema.ts';
import { checkKinds, type CheckId, type CheckMeasurements } from './checks/index.ts';

export type { CheckId } from './checks/index.ts';
export { speedup } from './checks/speedup.ts';
export { MIN_MEASURABLE_MS } from './checks/ratio.ts';

/** The outcome of one check. */
export interface CheckResult {
  id: CheckId;
  /** The goal in a few words, listed before any run. */
  label: string;
  passed: boolean;
  /** What the run measured; `null` when it could not be measured. */
  measured: number | string | null;
  /** What the lesson asks for. */
  target: number | string;
  /** One sentence a learner understands. */
  message: string;
}

/** Inputs of the checks. */
export interface CheckInput extends CheckMeasurements {
  checks: LessonChecks;
}

/** The kinds a lesson declares, each with its target, in registry order. */
function declared(checks: LessonChecks) {
  // The schema was built from the registry, so each declared value fits its kind's schema.
  const values = checks as Record<string, unknown>;
  return checkKinds.filter((kind) => values[kind.id] !== undefined).map((kind) => ({ kind, target: values[kind.id] }));
}

/** The goals of a lesson as labels, before any run. */
export function describeChecks(checks: LessonChecks): { id: CheckId; label: string }[] {
  return declared(checks).map(({ kind, target }) => ({ id: kind.id as CheckId, label: kind.label(target) }));
}

/** Evaluates every check the lesson declares, in registry order. */
export function evaluateChecks({ checks, ...measurements }: CheckInput): CheckResult[] {
  const { learner } = measurements;
  // Speed means nothing for code that failed: a request that throws at once is fast.
  const ran = learner.completed && learner.errors.length === 0;
  const failedMessage = learner.completed
    ? 'Your code raised errors during the run; fix them first (see the errors).'
    : 'Your code did not run through the whole workload; see the errors.';
  return declared(checks).map(({ kind, target }) => {
    const verdict = kind.evaluate(target, measurements);
    return {
      id: kind.id as CheckId,
      label: kind.label(target),
      ...verdict,
      passed: ran && verdict.passed,
      message: ran ? verdict.message : failedMessage,
    };
  });
}
