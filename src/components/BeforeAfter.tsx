/**
 * The starter's run beside the learner's: the average request split by where its time went, then
 * the figures, median and p95 included, and per handler when the lesson has several, so a mix of
 * cheap writes and costly reads does not hide the handler under test.
 */
import type { RunReport } from '../engine/grade.ts';
import type { HandlerSummary } from '../engine/measure/summarise.ts';
import { formatCount, formatMs, formatRate } from './format.ts';
import { SplitBars } from './SplitBars.tsx';

type Row = [label: string, starter: string, yours: string];

/** Table rows; `hidden` prefixes each label for screen readers only (the heading row shows it). */
function Rows({ rows, hidden }: { rows: Row[]; hidden?: string }) {
  return rows.map(([label, before, after]) => (
    <tr key={label}>
      <th scope="row">
        {hidden && <span className="sr-only">{hidden} </span>}
        {label}
      </th>
      <td>{before}</td>
      <td>{after}</td>
    </tr>
  ));
}

/**
 * A handler's figures under a heading row; the starter's found by name (the workload is the same).
 * `clocks` are the two passes' clock steps: a latency under one step reads "< 0.1 ms", not 0.
 */
function HandlerRows({ mine, theirs, clocks }: { mine: HandlerSummary; theirs?: HandlerSummary; clocks: [number, number] }) {
  const figure = (of: (handler: HandlerSummary) => string) => (theirs ? of(theirs) : '–');
  const rows: Row[] = [
    ['Median', figure((h) => formatMs(h.latency.p50, clocks[0])), formatMs(mine.latency.p50, clocks[1])],
    ['p95', figure((h) => formatMs(h.latency.p95, clocks[0])), formatMs(mine.latency.p95, clocks[1])],
    ['Queries per request (mean)', figure((h) => formatCount(h.queries.meanPerRequest)), formatCount(mine.queries.meanPerRequest)],
    ['Table rows read per request (most)', figure((h) => String(h.rowsRead.max)), String(mine.rowsRead.max)],
  ];
  return (
    <tbody className="handler-rows">
      <tr>
        <th scope="colgroup" colSpan={3}>
          <code>{mine.name}()</code>, {mine.requests} requests
        </th>
      </tr>
      <Rows rows={rows} hidden={`${mine.name}():`} />
    </tbody>
  );
}

/** The most table rows any one request of a pass read. */
function mostRowsRead(pass: RunReport['learner']): number {
  return Math.max(0, ...pass.handlers.map((handler) => handler.rowsRead.max));
}

interface Props {
  report: RunReport;
  /** Runs again with the starter measured afresh (it is measured once per page and network setting). */
  onRemeasure?: () => void;
}

/** The "Starter vs yours" panel. */
export function BeforeAfter({ report, onRemeasure }: Props) {
  const { starter, learner } = report;
  const rows: Row[] = [
    ['Queries per request (most)', String(starter.queries.maxPerRequest), String(learner.queries.maxPerRequest)],
    ['Median request', formatMs(starter.latency.p50, starter.clockResolutionMs), formatMs(learner.latency.p50, learner.clockResolutionMs)],
    ['p95 request', formatMs(starter.latency.p95, starter.clockResolutionMs), formatMs(learner.latency.p95, learner.clockResolutionMs)],
    ['App CPU, measured (all requests)', formatMs(starter.cpuMs, starter.clockResolutionMs), formatMs(learner.cpuMs, learner.clockResolutionMs)],
    ['DB time, measured (all requests)', formatMs(starter.dbMs), formatMs(learner.dbMs)],
    ['Table rows read by Postgres, counted (all requests)', String(starter.rowsRead), String(learner.rowsRead)],
    // What a maxRowsReadPerRequest goal compares: the busiest request's count.
    ['Table rows read per request (most)', String(mostRowsRead(starter)), String(mostRowsRead(learner))],
    ['Waiting for a connection, simulated (all requests)', formatMs(starter.poolWaitMs), formatMs(learner.poolWaitMs)],
    ['Network, simulated (all requests)', formatMs(starter.networkMs), formatMs(learner.networkMs)],
    ['Rows returned', String(starter.rows), String(learner.rows)],
    ['Bytes returned', String(starter.bytes), String(learner.bytes)],
    ['Cache hit rate', formatRate(starter.cache.hitRate), formatRate(learner.cache.hitRate)],
  ];
  return (
    <section className="before-after" aria-label="Before and after">
      <h3>Starter vs yours</h3>
      <SplitBars starter={starter} learner={learner} />
      <table>
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">Starter</th>
            <th scope="col">Yours</th>
          </tr>
        </thead>
        <tbody>
          <Rows rows={rows} />
        </tbody>
        {learner.handlers.length > 1 &&
          learner.handlers.map((mine) => (
            <HandlerRows
              key={mine.name}
              mine={mine}
              theirs={starter.handlers.find((h) => h.name === mine.name)}
              clocks={[starter.clockResolutionMs, learner.clockResolutionMs]}
            />
          ))}
      </table>
      <p className="model">
        {report.model} The starter was measured once on this page and is reused for each of your runs.{' '}
        {report.sameAsStarter && 'Your code is the starter as it came, so that one measurement is shown on both sides: change the code to see a difference. '}
        {onRemeasure && (
          <button type="button" className="link" onClick={onRemeasure}>
            Measure the starter again
          </button>
        )}
      </p>
    </section>
  );
}
