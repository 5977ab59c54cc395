/**
 * One request of a pass: the handler called at its arrival time with a `db` of its own, its end
 * stamped on the virtual clock, and the queries it left running reported at their lines.
 */
import type { Db } from '../handler-api.ts';
import type { QueryRecord, RequestScope } from '../measure/instrumented-db.ts';
import { QueryError } from '../measure/instrumented-db.ts';
import type { Scheduler } from '../sim/scheduler.ts';
import { runtimeError } from './sandbox.ts';
import { messageOf, type RunError } from '../errors.ts';
import { toPlain } from '../plain.ts';

/** One request of the workload, measured. */
export interface RequestRecord {
  /** Index of the workload step. */
  step: number;
  handler: string;
  input: unknown;
  /** Simulated latency: virtual time from arrival to the answer, in ms. */
  latencyMs: number;
  /** Simulated: when it arrived (virtual ms). */
  startedAt: number;
  queries: number;
  /** Measured DB time of this request's queries, in ms. */
  dbMs: number;
  /** Measured: time the handler's own JavaScript ran (between awaits), in ms. */
  cpuMs: number;
  /** Rows returned by this request's queries. */
  rows: number;
  /** Bytes returned by this request's queries (as JSON). */
  bytes: number;
  /** Table rows its statements read (scanned or fetched through an index), Postgres' own count. */
  rowsRead: number;
  /** Set when it ran in concurrent traffic (`concurrent` step): the index of that step. */
  group?: number;
  /** The answer as plain data (absent when the handler threw). */
  answer?: unknown;
  /** Set when the handler threw or never settled. */
  error?: RunError;
  /**
   * For requests in concurrent traffic: the verdict against the oracle's answers as of the
   * request's start and end (see shadow-oracle.ts); absent when it was compared with the oracle's run.
   */
  concurrent?: { ok: boolean; expected: unknown; missedWrite?: string };
}

/** A request in flight. */
export interface LiveRequest {
  scope: RequestScope;
  record: RequestRecord;
  /** True while the segment in which it settled has not been charged yet. */
  settling: boolean;
  /** Settled and its outcome recorded. */
  done: boolean;
}

/**
 * Calls `handler` at virtual time `at` as request `step`. The returned request is filled in as it
 * runs; `onSettled` is called once it has settled (inside the segment that settled it).
 */
export function startRequest(options: {
  scheduler: Scheduler;
  step: number;
  name: string;
  handler: (input: unknown, context: unknown) => unknown;
  input: unknown;
  at: number;
  group?: number;
  dbFor: (scope: RequestScope) => Db;
  file: string;
  /** Called at the arrival event, when the handler is about to run. */
  onArrive?: (request: LiveRequest) => void;
  onSettled: (request: LiveRequest) => void;
}): LiveRequest {
  const { scheduler, step, name, file } = options;
  const scope: RequestScope = { owner: step, step, settled: false, pending: new Set() };
  const record: RequestRecord = {
    step,
    handler: name,
    input: toPlain(options.input),
    latencyMs: 0,
    startedAt: options.at,
    queries: 0,
    dbMs: 0,
    cpuMs: 0,
    rows: 0,
    rowsRead: 0,
    bytes: 0,
    ...(options.group !== undefined ? { group: options.group } : {}),
  };
  const live: LiveRequest = { scope, record, settling: false, done: false };
  // A copy, so a handler that mutates its input cannot change what the next pass receives.
  const input = structuredClone(options.input);
  const context = { db: options.dbFor(scope) };
  const settle = (outcome: { answer?: unknown; thrown?: unknown; threw: boolean }) => {
    scope.settled = true;
    live.settling = true;
    live.done = true;
    record.error = outcome.threw ? thrownError(outcome.thrown, name, file, step) : undefined;
    if (!outcome.threw) {
      try {
        record.answer = toPlain(outcome.answer);
      } catch (error) {
        record.error = { kind: 'runtime', file, step, message: `${name}() returned a value Fastpath cannot read: ${messageOf(error)}` };
      }
    }
    const left = [...scope.pending];
    if (left.length && !record.error) {
      const lines = [...new Set(left.map((query) => query.line).filter((line): line is number => line !== undefined))];
      const where = lines.length ? `from line ${lines.join(', ')}` : '';
      record.error = {
        kind: 'unawaited',
        file,
        line: lines[0],
        step,
        message: `${name}() returned while ${left.length === 1 ? 'the query' : `${left.length} queries`} ${where} ${left.length === 1 ? 'was' : 'were'} still running: add await (or await Promise.all), so the request finishes its work before it answers.`,
      };
    }
    scheduler.stamp((at) => {
      record.latencyMs = at - options.at;
    });
    options.onSettled(live);
  };
  scheduler.at(options.at, step, () => {
    options.onArrive?.(live);
    Promise.resolve()
      .then(() => options.handler(input, context))
      .then(
        (answer) => settle({ answer, threw: false }),
        (thrown) => settle({ thrown, threw: true }),
      );
  });
  return live;
}

function thrownError(thrown: unknown, name: string, file: string, step: number): RunError {
  if (thrown instanceof QueryError) return { kind: 'sql', file, line: thrown.line, message: thrown.message, sql: thrown.info, step };
  const error = { ...runtimeError(thrown, file), step };
  if (!(thrown instanceof Error)) error.message = `${name}() threw a non-Error value: ${messageOf(thrown)}`;
  return error;
}

/** Fills in each request's query figures (background queries apart) once every query has landed. */
export function tallyRequests(
  records: RequestRecord[],
  queries: QueryRecord[],
  background: { queries: number; dbMs: number },
  rowsRead: Map<number, number>,
): RequestRecord[] {
  const byStep = new Map(records.map((record) => [record.step, record]));
  background.queries = 0;
  background.dbMs = 0;
  for (const record of records) Object.assign(record, { queries: 0, dbMs: 0, rows: 0, bytes: 0, rowsRead: rowsRead.get(record.step) ?? 0 });
  for (const query of queries) {
    if (query.background) {
      background.queries++;
      background.dbMs += query.dbMs;
      continue;
    }
    const record = byStep.get(query.step);
    if (!record) continue;
    record.queries++;
    record.dbMs += query.dbMs;
    record.rows += query.rows;
    record.bytes += query.bytes;
  }
  return records.sort((a, b) => a.step - b.step);
}
