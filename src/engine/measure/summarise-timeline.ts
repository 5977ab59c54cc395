/** The requests of a pass on the virtual clock, for the timeline view: when each arrived, how long it took. */
import type { RequestRecord } from '../pass/run-pass.ts';
import type { QueryRecord } from './instrumented-db.ts';
import { round } from './round.ts';

/** One request on the virtual clock. */
export interface TimelineRequest {
  step: number;
  handler: string;
  /** The `concurrent` step it arrived in, if any. */
  group?: number;
  /** Virtual ms since the first request of the pass arrived. */
  startMs: number;
  /** Simulated latency (ms). */
  latencyMs: number;
  /** Measured app CPU (ms). */
  cpuMs: number;
  /** Simulated: time its queries waited for a free connection (ms). */
  poolWaitMs: number;
  queries: number;
  /** True when it threw or left work running. */
  failed: boolean;
}

/** What the timeline reads of a request (hand-made summaries may lack the clock fields). */
type TimelineInput = Pick<RequestRecord, 'handler' | 'latencyMs' | 'cpuMs' | 'queries'> & Partial<Pick<RequestRecord, 'step' | 'startedAt' | 'group' | 'error'>>;

/** Requests kept in a report's timeline. */
export const TIMELINE_LIMIT = 2000;

/** The timeline of a pass: requests in arrival order, times relative to the first arrival. */
export function summariseTimeline(requests: TimelineInput[], queries: QueryRecord[]): TimelineRequest[] {
  const waits = new Map<number, number>();
  for (const query of queries) waits.set(query.step, (waits.get(query.step) ?? 0) + (query.startAt - query.issuedAt));
  const origin = Math.min(...requests.map((request) => request.startedAt ?? 0));
  return requests.slice(0, TIMELINE_LIMIT).map((request, index) => ({
    step: request.step ?? index,
    handler: request.handler,
    ...(request.group !== undefined ? { group: request.group } : {}),
    startMs: round((request.startedAt ?? 0) - (Number.isFinite(origin) ? origin : 0)),
    latencyMs: round(request.latencyMs),
    cpuMs: round(request.cpuMs),
    poolWaitMs: round(waits.get(request.step ?? index) ?? 0),
    queries: request.queries,
    failed: request.error !== undefined,
  }));
}
