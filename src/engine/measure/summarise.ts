/** Turns a pass's raw measurements into the figures the report and the checks use. */
import type { PassResult, RequestRecord } from '../pass/run-pass.ts';
import type { QueryRecord } from './instrumented-db.ts';
import type { ShapePlan } from './capture-plans.ts';
import type { CacheStats } from './instrumented-cache.ts';
import type { RunError } from '../errors.ts';
import { summariseTimeline, type TimelineRequest } from './summarise-timeline.ts';
import { round } from './round.ts';

export { round } from './round.ts';

/** The shortest latency a speedup divides by (defined with the ratios it guards). */
export { MIN_MEASURABLE_MS } from '../verdict/checks/ratio.ts';

/** The queries of one shape, grouped. */
export interface ShapeSummary {
  shapeId: string;
  fingerprint: string;
  /** One example of the statement as issued. */
  sampleSql: string;
  count: number;
  /** Measured DB time of all of them, ms. */
  totalDbMs: number;
  rows: number;
  /** Lines of the learner's file that issued them, in ascending order. */
  lines: number[];
  /** The most times this shape ran inside one request. */
  maxPerRequest: number;
  /** True when one request ran this shape 3 or more times: the signature of N+1. */
  repeatedInRequest: boolean;
  /** How many of them were still running when their request returned: nobody awaited them. */
  unawaited: number;
  /** How many of them a timer sent after their request had returned: background work. */
  background: number;
}

/** The requests of one handler, summarised: what a check scoped to that handler reads. */
export interface HandlerSummary {
  /** The exported function's name. */
  name: string;
  requests: number;
  /** Simulated latency percentiles over its requests (ms). */
  latency: { p50: number; p95: number; max: number };
  queries: { total: number; maxPerRequest: number; meanPerRequest: number };
  /** Rows its requests fetched from the database, per request. */
  rows: { max: number; mean: number };
  /** Bytes (JSON size of the rows) its requests fetched, per request. */
  bytes: { max: number; mean: number };
  /** Table rows its requests' statements read (scanned or fetched via an index), per request. */
  rowsRead: { max: number; mean: number };
  /** Measured: DB time of all its queries (ms). */
  dbMs: number;
  /** Measured: time its own JavaScript ran (ms). */
  cpuMs: number;
}

/** A pass, summarised for the report. */
export interface PassSummary {
  file: string;
  /** True when the whole workload ran. */
  completed: boolean;
  requests: number;
  /** Simulated request latency per request, in workload order (ms). */
  requestLatencies: number[];
  /** Simulated latency percentiles over requests (ms). */
  latency: { p50: number; p95: number; max: number };
  queries: { total: number; maxPerRequest: number; meanPerRequest: number };
  /** Measured: time PGlite spent executing all queries (ms). */
  dbMs: number;
  /** Simulated: round trips paid by all queries (queries x rtt, ms). */
  networkMs: number;
  /** Measured: time the handlers' own JavaScript ran, all requests (ms). */
  cpuMs: number;
  /** Simulated: time queries waited for a free connection, all requests (ms). */
  poolWaitMs: number;
  /** Work done by timers after their request returned (lessons that allow background jobs). */
  background: { queries: number; dbMs: number; cpuMs: number };
  /** Smallest step of the clock CPU time was measured with (ms): about 0.1 in many browsers. */
  clockResolutionMs: number;
  /** Every request on the virtual clock, in workload order (first `TIMELINE_LIMIT`). */
  timeline: TimelineRequest[];
  rows: number;
  bytes: number;
  /** Table rows all statements read (Postgres' own count; the same on every run of the same code). */
  rowsRead: number;
  /** Per handler, in the order the workload first calls them. */
  handlers: HandlerSummary[];
  cache: CacheStats;
  shapes: ShapeSummary[];
  plans: ShapePlan[];
  errors: RunError[];
  /** The query log, first `QUERY_LOG_LIMIT` queries. */
  queryLog: QueryRecord[];
  /** How many queries the log left out. */
  queryLogOmitted: number;
}

/** Queries kept in a report's log. */
export const QUERY_LOG_LIMIT = 2000;
/** Runs of one shape inside one request that count as N+1. */
export const REPEATED_SHAPE_THRESHOLD = 3;

/** The `p`-th percentile (0-100) of `values` by nearest rank; 0 for none. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** The figures of a request a summary reads. */
export type SummarisedRequest = Pick<RequestRecord, 'handler' | 'latencyMs' | 'queries' | 'dbMs' | 'cpuMs' | 'rows' | 'bytes'> &
  Partial<Pick<RequestRecord, 'step' | 'startedAt' | 'group' | 'error' | 'rowsRead'>>;

/**
 * The parts of a pass a summary reads; narrower than `PassResult`, so a summary can be made from
 * hand-made requests (the check tests do).
 */
export type SummarisedPass = Pick<PassResult, 'file' | 'completed' | 'queries' | 'cache' | 'errors'> &
  Partial<Pick<PassResult, 'background' | 'clockResolutionMs'>> & { requests: SummarisedRequest[] };

/** Summarises a pass. */
export function summarisePass(pass: SummarisedPass, plans: ShapePlan[], rttMs: number): PassSummary {
  const latencies = pass.requests.map((request) => round(request.latencyMs));
  const perRequest = pass.requests.map((request) => request.queries);
  const total = pass.queries.length;
  return {
    file: pass.file,
    completed: pass.completed,
    requests: pass.requests.length,
    requestLatencies: latencies,
    latency: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: Math.max(0, ...latencies) },
    queries: {
      total,
      maxPerRequest: Math.max(0, ...perRequest),
      meanPerRequest: perRequest.length ? round(perRequest.reduce((a, b) => a + b, 0) / perRequest.length) : 0,
    },
    dbMs: round(pass.queries.reduce((sum, query) => sum + query.dbMs, 0)),
    networkMs: round(total * rttMs),
    cpuMs: round(sum(pass.requests, (request) => request.cpuMs)),
    poolWaitMs: round(sum(pass.queries, (query) => query.startAt - query.issuedAt)),
    background: pass.background ?? { queries: 0, dbMs: 0, cpuMs: 0 },
    clockResolutionMs: pass.clockResolutionMs ?? 0,
    timeline: summariseTimeline(pass.requests, pass.queries),
    rows: pass.queries.reduce((sum, query) => sum + query.rows, 0),
    bytes: pass.queries.reduce((sum, query) => sum + query.bytes, 0),
    rowsRead: sum(pass.requests, (request) => request.rowsRead ?? 0),
    handlers: summariseHandlers(pass.requests),
    cache: pass.cache,
    shapes: summariseShapes(pass.queries),
    plans,
    errors: pass.errors,
    queryLog: pass.queries.slice(0, QUERY_LOG_LIMIT).map((query) => ({ ...query, dbMs: round(query.dbMs) })),
    queryLogOmitted: Math.max(0, total - QUERY_LOG_LIMIT),
  };
}

function summariseHandlers(requests: SummarisedRequest[]): HandlerSummary[] {
  const byName = new Map<string, SummarisedRequest[]>();
  for (const request of requests) {
    const own = byName.get(request.handler);
    if (own) own.push(request);
    else byName.set(request.handler, [request]);
  }
  return [...byName].map(([name, own]) => {
    const latencies = own.map((request) => round(request.latencyMs));
    const figure = (of: (request: SummarisedRequest) => number) => ({ max: Math.max(0, ...own.map(of)), mean: round(sum(own, of) / own.length) });
    const queries = figure((request) => request.queries);
    return {
      name,
      requests: own.length,
      latency: { p50: percentile(latencies, 50), p95: percentile(latencies, 95), max: Math.max(0, ...latencies) },
      queries: { total: sum(own, (request) => request.queries), maxPerRequest: queries.max, meanPerRequest: queries.mean },
      rows: figure((request) => request.rows),
      bytes: figure((request) => request.bytes),
      rowsRead: figure((request) => request.rowsRead ?? 0),
      dbMs: round(sum(own, (request) => request.dbMs)),
      cpuMs: round(sum(own, (request) => request.cpuMs)),
    };
  });
}

function sum<T>(items: T[], of: (item: T) => number): number {
  return items.reduce((total, item) => total + of(item), 0);
}

function summariseShapes(queries: QueryRecord[]): ShapeSummary[] {
  const shapes = new Map<string, ShapeSummary & { perStep: Map<number, number> }>();
  for (const query of queries) {
    let shape = shapes.get(query.shapeId);
    if (!shape) {
      shape = {
        shapeId: query.shapeId,
        fingerprint: query.fingerprint,
        sampleSql: query.sql,
        count: 0,
        totalDbMs: 0,
        rows: 0,
        lines: [],
        maxPerRequest: 0,
        repeatedInRequest: false,
        unawaited: 0,
        background: 0,
        perStep: new Map(),
      };
      shapes.set(query.shapeId, shape);
    }
    shape.count++;
    shape.totalDbMs += query.dbMs;
    shape.rows += query.rows;
    if (query.unawaited) shape.unawaited++;
    if (query.background) shape.background++;
    if (query.line !== undefined && !shape.lines.includes(query.line)) shape.lines.push(query.line);
    const inStep = (shape.perStep.get(query.step) ?? 0) + 1;
    shape.perStep.set(query.step, inStep);
    shape.maxPerRequest = Math.max(shape.maxPerRequest, inStep);
  }
  return [...shapes.values()]
    .map(({ perStep, ...shape }) => ({
      ...shape,
      totalDbMs: round(shape.totalDbMs),
      lines: shape.lines.sort((a, b) => a - b),
      repeatedInRequest: shape.maxPerRequest >= REPEATED_SHAPE_THRESHOLD,
    }))
    .sort((a, b) => b.count - a.count);
}
