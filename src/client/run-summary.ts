/** What the run history keeps of each finished run: plain data, shown by RunHistory. */
import type { RunReport } from '../engine/grade.ts';

/** One finished run, as the history lists it. */
export interface RunSummary {
  /** Local time the run finished, as shown. */
  at: string;
  /** Goals passed, of `total`. */
  passed: number;
  total: number;
  /** The learner's median request latency, ms. */
  medianMs: number;
  queriesPerRequest: number;
  /** The simulated round trip the run used, ms. */
  rttMs: number;
  /** The data's size the run used, as a multiple of the lesson's own. */
  scale: number;
}

/** What the history keeps of a graded run that finished at `at`. */
export function summariseRun(report: RunReport, at: string): RunSummary {
  return {
    at,
    passed: report.checks.filter((check) => check.passed).length,
    total: report.checks.length,
    medianMs: report.learner.latency.p50,
    queriesPerRequest: report.learner.queries.maxPerRequest,
    rttMs: report.latency.rttMs,
    scale: report.scale,
  };
}
