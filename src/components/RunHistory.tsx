/** This visit's runs, newest first: how many goals passed and how the median request moved. */
import type { RunSummary } from '../client/run-summary.ts';

export function RunHistory({ runs }: { runs: RunSummary[] }) {
  if (runs.length < 2) return null;
  return (
    <section className="history" aria-label="Your runs">
      <h3>Your runs this visit</h3>
      <ol reversed>
        {[...runs].reverse().map((run, index) => (
          <li key={runs.length - index}>
            {run.at}: {run.passed}/{run.total} goals, median {run.medianMs.toFixed(2)} ms, {run.queriesPerRequest} queries per request
            {` (round trip ${run.rttMs} ms${run.scale === 1 ? '' : `, ${run.scale}x the data`})`}
          </li>
        ))}
      </ol>
    </section>
  );
}
