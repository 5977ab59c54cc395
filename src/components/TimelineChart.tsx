/**
 * One pass's concurrent requests, a thin row each in arrival order. Left, on the clock: a bar from
 * arrival to answer across the whole burst, red when it took the p95 or longer, so bunching shows.
 * Right, from arrival (0) to answer on a shared scale: the time its queries waited for a
 * connection, its app CPU, then the rest (database and network), with the p95 as a dashed line.
 * Requests of a few ms in a burst of seconds are under a pixel on the clock alone: hence two views.
 */
import type { TimelineRequest } from '../engine/measure/summarise-timeline.ts';
import { percentile } from '../engine/measure/summarise.ts';
import { formatMs, formatSpan } from './format.ts';
import { describeBurst, slowestInArrivalOrder, TIMELINE_ROWS } from './timeline-rows.ts';

/** Height of a row and of its bar (px; the SVGs keep one unit a pixel vertically). */
const PITCH = 3;
const BAR = 2;
/** Narrowest bar drawn, in viewBox units (1000 across): a request is never invisible. */
const MIN_WIDTH = 5;
/** The same on the clock, whose column is narrower and whose bars are mostly under a pixel. */
const MIN_CLOCK_WIDTH = 16;

interface Props {
  title: string;
  requests: TimelineRequest[];
  /** The latency the right-hand scale ends at (shared with the chart beside it), ms. */
  scaleMs: number;
  /** Step of the clock the pass's CPU time was measured with, ms. */
  resolutionMs: number;
}

/** A figure with its summary as caption (the accessible name) and the two views. */
export function TimelineChart({ title, requests, scaleMs, resolutionMs }: Props) {
  const origin = Math.min(...requests.map((request) => request.startMs));
  const spanMs = Math.max(...requests.map((request) => request.startMs + request.latencyMs)) - origin;
  const p95 = percentile(requests.map((request) => request.latencyMs), 95);
  const rows = slowestInArrivalOrder(requests, TIMELINE_ROWS);
  const height = rows.length * PITCH;
  const onClock = (ms: number) => ((ms - origin) / (spanMs || 1)) * 1000;
  const taken = (ms: number) => Math.min(1000, (ms / scaleMs) * 1000);
  const tip = (request: TimelineRequest) =>
    `${request.handler}, step ${request.step}: arrived at ${formatSpan(request.startMs - origin)}, answered in ${formatMs(request.latencyMs, resolutionMs)}; ` +
    `waited ${formatMs(request.poolWaitMs)} for a connection; app CPU ${formatMs(request.cpuMs, resolutionMs)}; ${request.queries} queries${request.failed ? '; failed' : ''}`;
  return (
    <figure className="timeline-chart">
      <figcaption>
        <strong>{title}</strong>: {describeBurst(requests, p95, resolutionMs)}.
        {rows.length < requests.length && ` Showing the ${rows.length} slowest.`}
      </figcaption>
      <div className="timeline-plot" aria-hidden="true">
        <span>On the clock</span>
        <span>Arrival to answer; dashed: p95</span>
        <svg viewBox={`0 0 1000 ${height}`} preserveAspectRatio="none" style={{ height }}>
          {rows.map((request, index) => (
            <rect key={request.step} className={request.latencyMs >= p95 ? 'slow' : 'rest'} x={onClock(request.startMs)} y={index * PITCH} height={BAR}
              width={Math.max(MIN_CLOCK_WIDTH, onClock(request.startMs + request.latencyMs) - onClock(request.startMs))}>
              <title>{tip(request)}</title>
            </rect>
          ))}
        </svg>
        <svg viewBox={`0 0 1000 ${height}`} preserveAspectRatio="none" style={{ height }}>
          {rows.map((request, index) => {
            const pool = Math.min(request.poolWaitMs, request.latencyMs);
            const cpu = Math.min(request.cpuMs, request.latencyMs - pool);
            return (
              <g key={request.step}>
                <title>{tip(request)}</title>
                <rect className="rest" x={0} y={index * PITCH} height={BAR} width={Math.max(MIN_WIDTH, taken(request.latencyMs))} />
                {pool > 0 && <rect className="pool" x={0} y={index * PITCH} height={BAR} width={Math.max(MIN_WIDTH, taken(pool))} />}
                {cpu > 0 && <rect className="cpu" x={taken(pool)} y={index * PITCH} height={BAR} width={Math.max(MIN_WIDTH / 2, taken(cpu))} />}
              </g>
            );
          })}
          <line className="p95" x1={taken(p95)} x2={taken(p95)} y1={0} y2={height} vectorEffect="non-scaling-stroke" />
        </svg>
        <span className="timeline-axis">
          <span>0</span>
          <span>{formatSpan(spanMs)}</span>
        </span>
        <span className="timeline-axis">
          <span>0</span>
          <span>{formatMs(scaleMs)}</span>
        </span>
      </div>
    </figure>
  );
}
