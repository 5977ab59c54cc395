/**
 * The starter's run beside the learner's: a bar per run for the average request, split into
 * simulated network and measured database time (excluding time waiting for a pool slot), then the
 * figures, median and p95 included.
 */
import type { RunReport } from '../engine/grade.ts';
import type { PassSummary } from '../engine/summarise.ts';
import { formatMs, formatRate } from './format.ts';


/** Average time per request spent on simulated round trips and on measured database work. */
function split(pass: PassSummary) {
  const perRequest = pass.requests || 1;
  const network = pass.networkMs / perRequest;
  const db = pass.dbMs / perRequest;
  return { network, db, total: network + db };
}

function Bar({ label, pass, scale }: { label: string; pass: PassSummary; scale: number }) {
  const { network, db, total } = split(pass);
  const width = (value: number) => `${scale > 0 ? (value / scale) * 100 : 0}%`;
  return (
    <div className="bar-row">
      <span className="bar-label">{label}</span>
      <span className="bar" role="img" aria-label={`${label}: ${formatMs(network)} network and ${formatMs(db)} database per request on average`}>
        <span className="bar-network" style={{ width: width(network) }} />
        <span className="bar-db" style={{ width: width(db) }} />
      </span>
      <span className="bar-value">{formatMs(total)}</span>
    </div>
  );
}

interface Props {
  report: RunReport;
  /** Runs again with the starter measured afresh (it is measured once per page and network setting). */
  onRemeasure?: () => void;
}

export function BeforeAfter({ report, onRemeasure }: Props) {
  const { starter, learner } = report;
  const scale = Math.max(split(starter).total, split(learner).total);
  const rows: [string, string, string][] = [
    ['Queries per request (most)', String(starter.queries.maxPerRequest), String(learner.queries.maxPerRequest)],
    ['Median request', formatMs(starter.latency.p50), formatMs(learner.latency.p50)],
    ['p95 request', formatMs(starter.latency.p95), formatMs(learner.latency.p95)],
    ['DB time, measured (all requests)', formatMs(starter.dbMs), formatMs(learner.dbMs)],
    ['Network, simulated (all requests)', formatMs(starter.networkMs), formatMs(learner.networkMs)],
    ['Rows returned', String(starter.rows), String(learner.rows)],
    ['Bytes returned', String(starter.bytes), String(learner.bytes)],
    ['Cache hit rate', formatRate(starter.cache.hitRate), formatRate(learner.cache.hitRate)],
  ];
  return (
    <section className="before-after" aria-label="Before and after">
      <h3>Starter vs yours</h3>
      <div className="bars">
        <Bar label="Starter" pass={starter} scale={scale} />
        <Bar label="Yours" pass={learner} scale={scale} />
        <p className="legend">
          <span className="bar-network" /> network (simulated) <span className="bar-db" /> database (measured), per request on average
        </p>
      </div>
      <table>
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">Starter</th>
            <th scope="col">Yours</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, before, after]) => (
            <tr key={label}>
              <th scope="row">{label}</th>
              <td>{before}</td>
              <td>{after}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="model">
        {report.model} The starter was measured once on this page and is reused for each of your runs.{' '}
        {onRemeasure && (
          <button type="button" className="link" onClick={onRemeasure}>
            Measure the starter again
          </button>
        )}
      </p>
    </section>
  );
}
