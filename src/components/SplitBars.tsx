/**
 * The average request of each run as a bar split by where its time went: app CPU and database
 * (measured, solid), waiting for a connection and network (simulated, hatched, so the difference
 * does not rest on colour alone). Parts are summed over the request's work, so queries run at once
 * count each: a bar is the work a request cost, not its latency.
 */
import type { PassSummary } from '../engine/measure/summarise.ts';
import { formatMs } from './format.ts';

/** One part of a bar: its key (also its CSS class), its words, and whether it is measured. */
const PARTS = [
  { key: 'cpu', label: 'app CPU', measured: true },
  { key: 'db', label: 'database', measured: true },
  { key: 'pool', label: 'waiting for a connection', measured: false },
  { key: 'network', label: 'network', measured: false },
] as const;

type Part = (typeof PARTS)[number]['key'];

/** Average time per request in each part (ms), and how finely the measured CPU part is known. */
function split(pass: PassSummary): Record<Part, number> & { total: number; cpuResolution: number } {
  const count = pass.requests || 1;
  const parts = { cpu: pass.cpuMs / count, db: pass.dbMs / count, pool: pass.poolWaitMs / count, network: pass.networkMs / count };
  return { ...parts, total: parts.cpu + parts.db + parts.pool + parts.network, cpuResolution: pass.clockResolutionMs / count };
}

function Bar({ label, pass, scale }: { label: string; pass: PassSummary; scale: number }) {
  const parts = split(pass);
  const width = (value: number) => `${scale > 0 ? (value / scale) * 100 : 0}%`;
  const figure = (key: Part) => formatMs(parts[key], key === 'cpu' ? parts.cpuResolution : 0);
  const said = PARTS.map((part) => `${figure(part.key)} ${part.label}`).join(', ');
  return (
    <div className="bar-row">
      <span className="bar-label">{label}</span>
      <span className="bar" role="img" aria-label={`${label}: ${said}, per request on average`}>
        {PARTS.map((part) => parts[part.key] > 0 && <span key={part.key} className={`part-${part.key}`} style={{ width: width(parts[part.key]) }} />)}
      </span>
      <span className="bar-value">{formatMs(parts.total)}</span>
    </div>
  );
}

/** The starter's average request above the learner's, on one scale, with a legend. */
export function SplitBars({ starter, learner }: { starter: PassSummary; learner: PassSummary }) {
  const scale = Math.max(split(starter).total, split(learner).total);
  return (
    <div className="bars">
      <Bar label="Starter" pass={starter} scale={scale} />
      <Bar label="Yours" pass={learner} scale={scale} />
      <p className="legend">
        {PARTS.map((part) => (
          <span key={part.key} className="legend-item">
            <span className={`swatch part-${part.key}`} /> {part.label} ({part.measured ? 'measured' : 'simulated'})
          </span>
        ))}{' '}
        per request on average; queries that run at once each count, so a bar can be longer than the latency
      </p>
    </div>
  );
}
