/**
 * Hand-made pass summaries for the check tests: describe a few requests, get the `PassSummary`
 * the engine would have made of them (through the real `summarisePass`, without a database).
 */
import { summarisePass, type PassSummary, type SummarisedRequest } from '../../src/engine/measure/summarise.ts';
import type { QueryRecord } from '../../src/engine/measure/instrumented-db.ts';
import type { CacheStats } from '../../src/engine/measure/instrumented-cache.ts';
import type { ShapePlan } from '../../src/engine/measure/capture-plans.ts';
import type { RunError } from '../../src/engine/errors.ts';
import type { MismatchReport } from '../../src/engine/verdict/mismatches.ts';

/** One request: which handler, how long it took, what it fetched. Everything defaults to "nothing". */
export interface RequestSpec {
  handler?: string;
  latencyMs?: number;
  queries?: number;
  rows?: number;
  bytes?: number;
  /** Table rows its statements read (Postgres' count). */
  rowsRead?: number;
  dbMs?: number;
  cpuMs?: number;
}

/** `count` copies of one request. */
export function times(count: number, spec: RequestSpec): RequestSpec[] {
  return Array.from({ length: count }, () => spec);
}

/** What else a pass can have besides its requests. */
export interface PassExtras {
  cache?: Partial<CacheStats>;
  plans?: ShapePlan[];
  errors?: RunError[];
  completed?: boolean;
}

const NO_CACHE: CacheStats = { instances: 0, hits: 0, misses: 0, sets: 0, deletes: 0, evictions: 0, expirations: 0, entries: 0, peakEntries: 0, hitRate: null };

/** A pass that served `requests` in order (one workload step each), summarised. */
export function pass(requests: RequestSpec[], extras: PassExtras = {}): PassSummary {
  const records = requests.map((spec, step) => ({
    step,
    handler: spec.handler ?? 'handle',
    latencyMs: spec.latencyMs ?? 0,
    queries: spec.queries ?? 0,
    dbMs: spec.dbMs ?? 0,
    cpuMs: spec.cpuMs ?? 0,
    rows: spec.rows ?? 0,
    bytes: spec.bytes ?? 0,
    rowsRead: spec.rowsRead ?? 0,
  })) satisfies (SummarisedRequest & { step: number })[];
  // One query record per counted query, so the pass's totals agree with its requests.
  const queries: QueryRecord[] = records.flatMap((request) =>
    Array.from({ length: request.queries }, (_, index) => ({
      id: 0,
      step: request.step,
      sql: 'SELECT 1',
      params: [],
      fingerprint: 'SELECT ?',
      shapeId: 'q1',
      rows: index === 0 ? request.rows : 0,
      bytes: index === 0 ? request.bytes : 0,
      dbMs: index === 0 ? request.dbMs : 0,
      issuedAt: 0,
      startAt: 0,
      endAt: 0,
    })),
  );
  queries.forEach((query, id) => (query.id = id));
  const cache = { ...NO_CACHE, ...extras.cache };
  return summarisePass(
    { file: 'yours.ts', requests: records, queries, cache, errors: extras.errors ?? [], completed: extras.completed ?? true },
    extras.plans ?? [],
    1,
  );
}

/** Answers compared: all `compared` matched unless told otherwise. */
export function answers(report: Partial<MismatchReport> = {}): MismatchReport {
  return { compared: 20, count: 0, staleReads: 0, tolerated: 0, ...report };
}

/** What a check reads; the starter defaults to the learner's pass (a run against itself). */
export function measured(learner: PassSummary, starter: PassSummary = learner, mismatches: MismatchReport = answers()) {
  return { starter, learner, mismatches };
}
