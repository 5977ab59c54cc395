/**
 * The requests of the run's concurrent traffic on the virtual clock, the starter's beside the
 * learner's on one scale: where requests bunched up, waited for a connection or spent CPU, and so
 * why the p95 moved. Shown only when the learner's run had concurrent traffic.
 */
import type { PassSummary } from '../engine/measure/summarise.ts';
import { TimelineChart } from './TimelineChart.tsx';

/** Bursts of concurrent traffic charted; a lesson with more says how many were left out. */
const MAX_BURSTS = 3;

function Legend() {
  const items: [string, string][] = [
    ['part-pool', 'waiting for a connection (simulated)'],
    ['part-cpu', 'app CPU (measured)'],
    ['part-rest', 'database and network'],
    ['part-slow', 'took the p95 or longer'],
  ];
  return (
    <p className="legend">
      {items.map(([part, label]) => (
        <span key={part} className="legend-item">
          <span className={`swatch ${part}`} /> {label}
        </span>
      ))}
      <span className="legend-item">
        <span className="swatch-p95" /> p95
      </span>
    </p>
  );
}

/** The timeline panel, or nothing when no request of the learner's run was concurrent. */
export function RequestTimeline({ starter, learner }: { starter: PassSummary; learner: PassSummary }) {
  const bursts = [...new Set(learner.timeline.flatMap((request) => (request.group === undefined ? [] : [request.group])))];
  if (bursts.length === 0) return null;
  return (
    <section className="timeline" aria-label="Concurrent traffic">
      <h3>Concurrent traffic, request by request</h3>
      <p className="model">
        A row per request, in the order they arrived. On the left, when each arrived and answered across the whole burst; on the right, how long
        it took from its arrival: first the time its queries waited for a connection, then its app CPU, then the rest. Parts are totals per
        request, not placed when they happened. Hover a row for its figures.
      </p>
      <Legend />
      {bursts.slice(0, MAX_BURSTS).map((burst) => {
        const mine = learner.timeline.filter((request) => request.group === burst);
        const theirs = starter.timeline.filter((request) => request.group === burst);
        const scaleMs = Math.max(0.001, ...mine.map((request) => request.latencyMs), ...theirs.map((request) => request.latencyMs));
        return (
          <div key={burst} className="timelines">
            {theirs.length > 0 && <TimelineChart title="Starter" requests={theirs} scaleMs={scaleMs} resolutionMs={starter.clockResolutionMs} />}
            <TimelineChart title="Yours" requests={mine} scaleMs={scaleMs} resolutionMs={learner.clockResolutionMs} />
          </div>
        );
      })}
      {bursts.length > MAX_BURSTS && <p>{bursts.length - MAX_BURSTS} more bursts of concurrent traffic are not shown.</p>}
    </section>
  );
}
