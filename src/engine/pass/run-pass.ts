/**
 * One pass: a handler module driven through the workload on the pristine database, with every
 * query, request, segment of JavaScript and cache operation measured. The starter, the oracle and
 * the learner each get one.
 */
import type { PlannedStep } from '../lesson/workload-plan.ts';
import type { PassDatabase } from './pass-database.ts';
import { Scheduler, type LatencyModel } from '../sim/scheduler.ts';
import { driveWorkload } from './drive-workload.ts';
import { createVirtualGlobals } from './virtual-globals.ts';
import { createInstrumentedLRUCache, type CacheStats } from '../measure/instrumented-cache.ts';
import { createInstrumentedDb, type QueryRecord, type QueryRecorder } from '../measure/instrumented-db.ts';
import { evaluateModule, runtimeError } from './sandbox.ts';
import { messageOf, type RunError } from '../errors.ts';
import { startRequest, tallyRequests, type LiveRequest, type RequestRecord } from './request-runner.ts';
import { snapshotState, type StateSnapshot } from '../verdict/state-snapshot.ts';
import { createShadowOracle, type ShadowSource } from '../verdict/shadow-oracle.ts';
import { ConcurrencyJudge } from '../verdict/concurrency-judge.ts';
import { createErrorList } from './error-list.ts';
import { chainedInput, type AnswerBook } from '../lesson/chained-input.ts';

export type { RequestRecord } from './request-runner.ts';

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
  steps: PlannedStep[];
  /** Exports the module must provide. */
  handlers: string[];
  /** Tables or queries whose contents are checked after writes (frontmatter `state`). */
  state?: string[];
  /** From the oracle's pass: the inputs its chained requests computed, and where it checked state. */
  oracle?: { inputs: Map<number, unknown>; checkpoints: number[] };
  /** The oracle, asked again for requests in concurrent traffic; absent for the oracle's own pass. */
  shadow?: ShadowSource;
  /** Queries sent by timers after their request returned are allowed (frontmatter `background`). */
  allowBackground?: boolean;
  /** Called after the workload, before the pass is rolled back (plan capture). */
  beforeRollback?: (queries: QueryRecord[]) => Promise<void>;
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
  /** Checked state after each write and at the end. */
  states: StateSnapshot[];
  /** Steps after which state was checked (the oracle's list is reused by later passes). */
  checkpoints: number[];
  /** Handlers that sent a statement that may write. */
  writers: string[];
  /** Work done by timers after their request returned. */
  background: { queries: number; dbMs: number; cpuMs: number };
  /** Smallest step of the clock that measured CPU time, ms (0.1 in many browsers). */
  clockResolutionMs: number;
  /** Workload writes that readers may lag behind for a while (`maxStaleMs`), and when they ran. */
  bypassWrites: { step: number; at: number; maxStaleMs: number }[];
}

/** Runs one pass. Never throws for anything the code under test does; that becomes data. */
export async function runPass(input: PassInput): Promise<PassResult> {
  const { database, file, steps } = input;
  const scheduler = new Scheduler(input.latency);
  await scheduler.calibrate();
  const errors = createErrorList();
  const cache = createInstrumentedLRUCache(() => scheduler.now, () => scheduler.touch());
  const recorder: QueryRecorder = { records: [] };
  const live = new Map<number, LiveRequest>();
  const states: StateSnapshot[] = [];
  const checkpoints: number[] = [];
  const writers = new Set<string>();
  const background = { queries: 0, dbMs: 0, cpuMs: 0 };
  const bypassWrites: PassResult['bypassWrites'] = [];
  const answers: AnswerBook = { byStep: new Map(), byName: new Map() };
  /** Table rows read by each step's statements, known once the workload is over. */
  let rowsRead = new Map<number, number>();
  // The oracle is asked again only about concurrent traffic: load it only when there is some.
  const concurrent = steps.some((step) => step.kind !== 'advance' && step.group !== undefined);
  const shadow = input.shadow && concurrent ? createShadowOracle(database, input.shadow, () => scheduler.now) : undefined;
  const judge = shadow ? new ConcurrencyJudge(shadow, input.shadow!.order) : undefined;
  const result = (completed: boolean): PassResult => ({
    file,
    requests: tallyRequests([...live.values()].map((request) => request.record), recorder.records, background, rowsRead),
    queries: recorder.records,
    cache: cache.stats(),
    errors: errors.list,
    completed,
    states,
    checkpoints,
    writers: [...writers],
    background,
    clockResolutionMs: scheduler.clockResolutionMs,
    bypassWrites,
  });
  scheduler.onSegment = ({ owner, cpuMs }) => {
    const request = owner === undefined ? undefined : live.get(owner);
    if (!request) return;
    if (!request.done || request.settling) request.record.cpuMs += cpuMs;
    else background.cpuMs += cpuMs;
    request.settling = false;
  };
  const checkState = async (step: number) => {
    if (!input.state?.length) return;
    checkpoints.push(step);
    states.push(...(await snapshotState(database, input.state, step)));
  };

  await database.begin();
  try {
    if (input.migration) {
      const error = await database.migrate(input.migration.sql, input.migration.file);
      if (error) {
        errors.add(error);
        return result(false);
      }
    }
    await database.countRowsRead();
    await database.markWorkloadStart();
    const globals = createVirtualGlobals(scheduler, (error) => errors.add(runtimeError(error, file)));
    const module = evaluateModule(input.code, file, { 'lru-cache': { LRUCache: cache.LRUCache } }, globals);
    if (!module.ok) {
      errors.add(module.error);
      return result(false);
    }
    const missing = input.handlers.filter((name) => typeof module.exports[name] !== 'function');
    if (missing.length) {
      errors.add({ kind: 'export', file, message: `Your module must export ${missing.map((name) => `a function "${name}"`).join(' and ')}.` });
      return result(false);
    }
    const wroteIn = new Set<number>();
    const dbFor = createInstrumentedDb(database, scheduler, recorder, file, {
      beforeWrite: async () => judge?.beforeWrite(),
      afterWrite: (write) => {
        const request = live.get(write.step);
        if (request) {
          writers.add(request.record.handler);
          wroteIn.add(write.step);
        }
        judge?.afterWrite(`${request?.record.handler ?? 'a request'}() at ${write.line ? `line ${write.line}` : 'an unknown line'} (step ${write.step}): ${oneLine(write.sql)}`);
      },
    });
    const start = (index: number, at: number) => {
      const step = steps[index] as Extract<PlannedStep, { kind: 'request' }>;
      const handler = module.exports[step.request] as (input: unknown, context: unknown) => unknown;
      let requestInput: unknown;
      try {
        requestInput = chainedInput(step, index, input.oracle?.inputs, answers);
      } catch (error) {
        errors.add({ kind: 'lesson', file: 'workload.ts', step: index, message: messageOf(error) });
      }
      const request = startRequest({
        scheduler,
        step: index,
        name: step.request,
        handler,
        input: requestInput,
        at,
        group: step.group,
        dbFor,
        file,
        onArrive: (arrived) => judge?.arrived(arrived, step.group !== undefined),
        onSettled: (settled) => {
          if (settled.record.error) errors.add(settled.record.error);
          answers.byStep.set(index, settled.record.answer);
          if (step.name) answers.byName.set(step.name, settled.record.answer);
          judge?.settled(settled);
        },
      });
      live.set(index, request);
      return request;
    };
    const sqlStep = async (step: Extract<PlannedStep, { kind: 'sql' }>, index: number) => {
      await judge?.beforeWrite();
      await database.exec(step.sql, step.params);
      if (step.maxStaleMs) bypassWrites.push({ step: index, at: scheduler.now, maxStaleMs: step.maxStaleMs });
      judge?.afterWrite(`the workload's SQL step ${index}: ${oneLine(step.sql)}`);
    };

    const stopped = await driveWorkload(steps, scheduler, file, {
      start,
      sql: sqlStep,
      checkpoint: async (last, members) => {
        const oracleCheckpoint = input.oracle?.checkpoints.includes(last);
        if (oracleCheckpoint ?? (members.length > 1 || members.some((member) => wroteIn.has(member)))) await checkState(last);
      },
      settled: async () => judge?.flush(),
    });
    if (stopped) {
      errors.add(stopped);
      return result(false);
    }
    // Queries nobody awaited still land; then the pass is over.
    await scheduler.drive(() => scheduler.queriesInFlight === 0);
    await judge?.flush();
    rowsRead = await database.rowsReadByStep();
    await checkState(-1);
    if (!input.allowBackground) {
      const late = recorder.records.find((query) => query.background);
      if (late) {
        errors.add({
          kind: 'background',
          file,
          line: late.line,
          step: late.step,
          message: `A query was sent through the db of a request that had already returned: ${oneLine(late.sql)}. Either a timer it left behind sent it, or code kept that request's db (in a loader or a cache at module level, say) and a later request used it. This lesson has no background jobs: do the work inside the request, with its own db.`,
        });
      }
    }
    const [changed] = await database.plannerChanges();
    if (changed) errors.add({ kind: 'sql', file, message: `Your code changed a planner setting during the run: ${changed.setting}, ${changed.how}. Planner settings belong to the server: change the query or the indexes instead.` });
    await input.beforeRollback?.(recorder.records);
    return result(true);
  } finally {
    await database.rollback();
  }
}

/** A statement on one line, cut to 80 characters, for messages. */
export function oneLine(sql: string): string {
  const text = sql.replace(/\s+/g, ' ').trim();
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
