/** This visit's runs, newest first: how many goals passed and how the median request moved. */
import type { RunReport } from '../engine/grade.ts';

/** One finished run, as the history lists it. */
export interface RunSummary {
  at: string;
  passed: number;
  total: number;
  medianMs: number;
  queriesPerRequest: number;
  rttMs: number;
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
  };
}

export function RunHistory({ runs }: { runs: RunSummary[] }) {
  if (runs.length < 2) return null;
  return (
    <section className="history" aria-label="Your runs">
      <h3>Your runs this visit</h3>
      <ol reversed>
        {[...runs].reverse().map((run, index) => (
          <li key={runs.length - index}>
            {run.at}: {run.passed}/{run.total} goals, median {run.medianMs.toFixed(2)} ms, {run.queriesPerRequest} queries per request
            {` (round trip ${run.rttMs} ms)`}
          </li>
        ))}
      </ol>
    </section>
  );
}
