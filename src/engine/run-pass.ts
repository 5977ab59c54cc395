/**
 * One pass: a handler module driven through the workload on the pristine database, with every
 * query, request and cache operation measured. The starter, the oracle and the learner each get one.
 */
import type { WorkloadStep } from './handler-api.ts';
import type { PassDatabase } from './pass-database.ts';
import { MAX_REQUEST_MS, Scheduler, type LatencyModel } from './scheduler.ts';
import { createVirtualGlobals } from './virtual-globals.ts';
import { createInstrumentedLRUCache, type CacheStats } from './instrumented-cache.ts';
import { createInstrumentedDb, QueryError, type QueryRecord, type QueryRecorder } from './instrumented-db.ts';
import { evaluateModule, runtimeError } from './sandbox.ts';
import { messageOf, type RunError } from './errors.ts';
import { toPlain } from './plain.ts';

/** What one pass needs. */
export interface PassInput {
  database: PassDatabase;
  latency: LatencyModel;
  /** The handler module's TypeScript source. */
  code: string;
  /** File name the code is reported under (errors, query lines). */
  file: string;
  /** Migration SQL applied first, and its file name. */
  migration?: { sql: string; file: string };
  steps: WorkloadStep[];
  /** Exports the module must provide. */
  handlers: string[];
  /** Called after the workload, before the pass is rolled back (plan capture). */
  beforeRollback?: (queries: QueryRecord[]) => Promise<void>;
}

/** One request of the workload, measured. */
export interface RequestRecord {
  /** Index of the workload step. */
  step: number;
  handler: string;
  input: unknown;
  /** Simulated latency: virtual time from call to settle, in ms. */
  latencyMs: number;
  queries: number;
  /** Measured DB time of this request's queries, in ms. */
  dbMs: number;
  /** The answer as plain data (absent when the handler threw). */
  answer?: unknown;
  /** Set when the handler threw or never settled. */
  error?: RunError;
}

/** Everything a pass measured. */
export interface PassResult {
  file: string;
  requests: RequestRecord[];
  queries: QueryRecord[];
  cache: CacheStats;
  /** Errors that stopped the pass or happened inside it (first ones kept). */
  errors: RunError[];
  /** True when the pass ran the whole workload. */
  completed: boolean;
}

const MAX_ERRORS = 20;

/** Runs one pass. Never throws for anything the code under test does; that becomes data. */
export async function runPass(input: PassInput): Promise<PassResult> {
  const { database, file } = input;
  const scheduler = new Scheduler(input.latency);
  const errors: RunError[] = [];
  // The same mistake usually fails every request: keep its first occurrence and count the rest.
  const addError = (error: RunError) => {
    const same = errors.find(
      (kept) => kept.kind === error.kind && kept.message === error.message && kept.file === error.file && kept.line === error.line,
    );
    if (same) same.count = (same.count ?? 1) + 1;
    else if (errors.length < MAX_ERRORS) errors.push(error);
  };
  const cache = createInstrumentedLRUCache(() => scheduler.now);
  const recorder: QueryRecorder = { records: [], step: -1 };
  const requests: RequestRecord[] = [];
  const result = (completed: boolean): PassResult => ({
    file,
    requests,
    queries: recorder.records,
    cache: cache.stats(),
    errors,
    completed,
  });

  await database.begin();
  try {
    if (input.migration) {
      const error = await database.migrate(input.migration.sql, input.migration.file);
      if (error) {
        addError(error);
        return result(false);
      }
    }
    const globals = createVirtualGlobals(scheduler, (error) => addError(runtimeError(error, file)));
    const module = evaluateModule(input.code, file, { 'lru-cache': { LRUCache: cache.LRUCache } }, globals);
    if (!module.ok) {
      addError(module.error);
      return result(false);
    }
    const missing = input.handlers.filter((name) => typeof module.exports[name] !== 'function');
    if (missing.length) {
      addError({
        kind: 'export',
        file,
        message: `Your module must export ${missing.map((name) => `a function "${name}"`).join(' and ')}.`,
      });
      return result(false);
    }
    const db = createInstrumentedDb(database, scheduler, recorder, file);

    for (const [index, step] of input.steps.entries()) {
      recorder.step = index;
      if ('advanceMs' in step) {
        scheduler.advance(step.advanceMs);
      } else if ('sql' in step) {
        try {
          await database.exec(step.sql, step.params);
        } catch (error) {
          // The lesson's own write failed: the lesson is broken, whatever code is being graded.
          addError({ kind: 'lesson', file: 'workload.ts', step: index, message: `The workload's SQL step ${index} failed: ${messageOf(error)}` });
          return result(false);
        }
      } else {
        // Timers due while no request was being served (an expiry, an interval) run first.
        await scheduler.fireDue();
        const handler = module.exports[step.request] as (input: unknown, context: unknown) => unknown;
        const before = recorder.records.length;
        const request = await callHandler(handler, step.request, step.input, { db }, scheduler, file, index);
        const own = recorder.records.slice(before).filter((query) => query.step === index);
        request.queries = own.length;
        request.dbMs = own.reduce((sum, query) => sum + query.dbMs, 0);
        requests.push(request);
        if (request.error) {
          addError(request.error);
          if (request.error.kind === 'stuck' || request.error.kind === 'timeout') return result(false);
        }
      }
    }
    await input.beforeRollback?.(recorder.records);
    return result(true);
  } finally {
    await database.rollback();
  }
}

async function callHandler(
  handler: (input: unknown, context: unknown) => unknown,
  name: string,
  input: unknown,
  context: unknown,
  scheduler: Scheduler,
  file: string,
  step: number,
): Promise<RequestRecord> {
  const startedAt = scheduler.now;
  let settled = false;
  let settledAt = startedAt;
  let answer: unknown;
  let thrown: unknown;
  let threw = false;
  // A copy, so a handler that mutates its input cannot change what the next pass receives.
  Promise.resolve()
    .then(() => handler(structuredClone(input), context))
    .then(
      (value) => {
        answer = value;
      },
      (error) => {
        threw = true;
        thrown = error;
      },
    )
    .finally(() => {
      settled = true;
      settledAt = scheduler.now;
    });
  const outcome = await scheduler.drive(() => settled);
  const record: RequestRecord = { step, handler: name, input: toPlain(input), latencyMs: settledAt - startedAt, queries: 0, dbMs: 0 };
  if (outcome === 'runaway') {
    record.latencyMs = scheduler.now - startedAt;
    record.error = {
      kind: 'timeout',
      file,
      step,
      message: `${name}() was still running after ${MAX_REQUEST_MS / 60_000} minutes of simulated time: a timer that keeps rescheduling itself?`,
    };
  } else if (outcome === 'stuck') {
    record.latencyMs = scheduler.now - startedAt;
    record.error = {
      kind: 'stuck',
      file,
      step,
      message:
        scheduler.blockedQueries > 0
          ? `${name}() never finished: a query waited for a transaction that was still open. Inside db.transaction(...), use tx.query, not db.query.`
          : `${name}() never finished: it awaits a promise that nothing resolves.`,
    };
  } else if (threw) {
    record.error =
      thrown instanceof QueryError
        ? { kind: 'sql', file, line: thrown.line, message: thrown.message, sql: thrown.info, step }
        : { ...runtimeError(thrown, file), step };
    if (!(thrown instanceof Error)) record.error.message = `${name}() threw a non-Error value: ${messageOf(thrown)}`;
  } else {
    try {
      record.answer = toPlain(answer);
    } catch (error) {
      record.error = { kind: 'runtime', file, step, message: `${name}() returned a value Fastpath cannot read: ${messageOf(error)}` };
    }
  }
  return record;
}
