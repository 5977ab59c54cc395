/**
 * The starter's run beside the learner's: a bar per run for the average request, split into
 * simulated network and measured database time (excluding time waiting for a pool slot), then the
 * figures, median and p95 included.
 */
import type { RunReport } from '../engine/grade.ts';
import type { PassSummary } from '../engine/summarise.ts';

const ms = (value: number) => `${value.toFixed(2)} ms`;
const rate = (value: number | null) => (value === null ? '–' : `${Math.round(value * 100)}%`);

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
      <span className="bar" role="img" aria-label={`${label}: ${ms(network)} network and ${ms(db)} database per request on average`}>
        <span className="bar-network" style={{ width: width(network) }} />
        <span className="bar-db" style={{ width: width(db) }} />
      </span>
      <span className="bar-value">{ms(total)}</span>
    </div>
  );
}

export function BeforeAfter({ report }: { report: RunReport }) {
  const { starter, learner } = report;
  const scale = Math.max(split(starter).total, split(learner).total);
  const rows: [string, string, string][] = [
    ['Queries per request (most)', String(starter.queries.maxPerRequest), String(learner.queries.maxPerRequest)],
    ['Median request', ms(starter.latency.p50), ms(learner.latency.p50)],
    ['p95 request', ms(starter.latency.p95), ms(learner.latency.p95)],
    ['DB time, measured (all requests)', ms(starter.dbMs), ms(learner.dbMs)],
    ['Network, simulated (all requests)', ms(starter.networkMs), ms(learner.networkMs)],
    ['Rows returned', String(starter.rows), String(learner.rows)],
    ['Bytes returned', String(starter.bytes), String(learner.bytes)],
    ['Cache hit rate', rate(starter.cache.hitRate), rate(learner.cache.hitRate)],
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
      <p className="model">{report.model}</p>
    </section>
  );
}
