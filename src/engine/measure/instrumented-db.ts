/**
 * The database handle a learner's handler receives. Every query is executed for real, placed on the
 * simulated pool by the scheduler, and recorded: SQL, params, shape, rows, bytes, measured time,
 * simulated start and end, and the line of the learner's file that issued it.
 */
import type { Db, Queryable, Row, SqlParam } from '../handler-api.ts';
import type { PassDatabase } from '../pass/pass-database.ts';
import { isTransactionControl } from '../pass/pass-database.ts';
import type { Scheduler } from '../sim/scheduler.ts';
import { fingerprint, shapeId } from '../sql/fingerprint.ts';
import { callerPlace } from '../pass/sandbox.ts';
import { messageOf, sqlErrorInfo, type SqlErrorInfo } from '../errors.ts';
import { toPlain } from '../plain.ts';
import { isReadOnly } from '../sql/sql-lexer.ts';
import { findPlannerSettingChange, plannerSettingMessage } from '../sql/planner-settings.ts';

/** One query the code issued. */
export interface QueryRecord {
  /** Order of completion within the pass, from 0. */
  id: number;
  /** Index of the workload step (request) that issued it. */
  step: number;
  sql: string;
  /** Parameters, made JSON-safe. */
  params: unknown[];
  /** The statement's shape (see `fingerprint`). */
  fingerprint: string;
  /** Short id of the shape. */
  shapeId: string;
  /** Rows returned. */
  rows: number;
  /** Size of the returned rows as JSON, in bytes: what would cross the network. */
  bytes: number;
  /** Measured: time PGlite took to run it, in ms. */
  dbMs: number;
  /** Simulated: virtual time it was issued, started on a connection, and completed. */
  issuedAt: number;
  startAt: number;
  endAt: number;
  /** Line of the learner's file that issued it, when found in the stack. */
  line?: number;
  /** Set when Postgres rejected the statement. */
  error?: { message: string } & SqlErrorInfo;
  /** Still running when its request returned: nobody awaited it. */
  unawaited?: true;
  /** Sent after its request had returned (by a timer it left behind, or through its kept db): background work. */
  background?: true;
}

/** A Postgres error thrown into learner code; keeps code, position and hint. */
export class QueryError extends Error {
  readonly info: SqlErrorInfo;
  /** Line of the learner's file that sent the statement. */
  readonly line?: number;

  constructor(message: string, info: SqlErrorInfo, line?: number) {
    super(message);
    this.name = 'QueryError';
    this.info = info;
    this.line = line;
  }
}

/** Where recorded queries go. */
export interface QueryRecorder {
  records: QueryRecord[];
}

/** The request a `db` belongs to, as the instrumented db sees it. */
export interface RequestScope {
  /** Owner id on the scheduler (CPU time of the code an answer wakes is charged to it). */
  owner: number;
  /** Index of the workload step. */
  step: number;
  /** True once the handler has returned or thrown. */
  settled: boolean;
  /** Queries sent and not yet answered, by the line that sent them. */
  pending: Set<{ line?: number }>;
}

/** What the pass wants to know about writes, for shadow reads and checked state. */
export interface WriteHooks {
  /** Called before a statement that may write runs for real. */
  beforeWrite(): Promise<void>;
  /** Called after it ran, with where it came from. */
  afterWrite(write: { sql: string; step: number; line?: number }): void;
}

const encoder = new TextEncoder();
const ABORTED = 'current transaction is aborted, commands ignored until end of transaction block';

/** Fingerprints by SQL text: an N+1 loop sends the same text hundreds of times. */
const shapes = new Map<string, { shape: string; id: string }>();
function shapeOf(sql: string): { shape: string; id: string } {
  let known = shapes.get(sql);
  if (!known) {
    const shape = fingerprint(sql);
    known = { shape, id: shapeId(shape) };
    if (shapes.size < 10_000) shapes.set(sql, known);
  }
  return known;
}

/**
 * Creates the `db` factory for one pass: each request gets a `db` of its own, so every query is
 * charged to the request that sent it, even when requests overlap.
 * @param file the learner's file name, to find the issuing line in stack traces
 */
export function createInstrumentedDb(
  database: PassDatabase,
  scheduler: Scheduler,
  recorder: QueryRecorder,
  file: string,
  hooks?: WriteHooks,
): (request: RequestScope) => Db {
  let nextTx = 0;
  /** Transactions in which a statement failed: like Postgres, they refuse everything until they end. */
  const aborted = new Set<number>();
  /** Transactions that wrote something (a rollback of one changes the data back). */
  const wrote = new Set<number>();

  const issue = (
    request: RequestScope,
    sql: string,
    params: SqlParam[] | undefined,
    tx?: { id: number; opens?: boolean; closes?: boolean; control?: string | (() => string) },
  ) => {
    const line = scheduler.engine(() => callerPlace(file)?.line);
    const answer = new Promise<Row[]>((resolve, reject) => {
      if (typeof sql !== 'string') {
        reject(new TypeError(`db.query expects SQL text as its first argument, got ${typeof sql}`));
        return;
      }
      if (!tx?.control && isTransactionControl(sql)) {
        reject(new Error('Use db.transaction(async (tx) => ...) instead of BEGIN/COMMIT/ROLLBACK: Fastpath runs each pass in a transaction of its own.'));
        return;
      }
      const plannerChange = findPlannerSettingChange(sql);
      if (plannerChange) {
        reject(new Error(plannerSettingMessage(plannerChange.setting)));
        return;
      }
      if (tx && !tx.control && aborted.has(tx.id)) {
        reject(new QueryError(ABORTED, { code: '25P02', query: sql }, line));
        return;
      }
      let plainParams: unknown[];
      try {
        plainParams = scheduler.engine(() => toPlain(params ?? []) as unknown[]);
      } catch (error) {
        reject(new TypeError(`db.query could not read its parameters: ${messageOf(error)}`));
        return;
      }
      const background = request.settled;
      const token = { line };
      request.pending.add(token);
      const mayWrite = !tx?.control && !isReadOnly(sql);
      let outcome: Awaited<ReturnType<PassDatabase['run']>>;
      scheduler.issue({
        owner: request.owner,
        txId: tx?.id,
        opensTx: tx?.opens,
        closesTx: tx?.closes,
        execute: async () => {
          // Decided when the statement reaches the database, as Postgres does: a statement sent
          // before an earlier one in the transaction failed is refused all the same.
          if (tx && !tx.control && aborted.has(tx.id)) {
            outcome = { rows: [], execMs: 0, error: Object.assign(new Error(ABORTED), { code: '25P02' }) };
            return { execMs: 0 };
          }
          const control = typeof tx?.control === 'function' ? tx.control() : tx?.control;
          // Undoing a transaction's writes changes the data back: for the concurrency judge that
          // is a write too, or answers seen inside the transaction would pass for the data after it.
          const undoes = control !== undefined && /ROLLBACK/.test(control) && tx !== undefined && wrote.has(tx.id);
          if (mayWrite || undoes) await hooks?.beforeWrite();
          outcome = control ? await database.control(control) : await database.run(sql, params, { step: request.step });
          if (mayWrite && !outcome.error) {
            if (tx) wrote.add(tx.id);
            hooks?.afterWrite({ sql, step: request.step, line });
          }
          if (undoes) hooks?.afterWrite({ sql: 'ROLLBACK of a transaction that wrote', step: request.step, line });
          return { execMs: outcome.execMs };
        },
        complete: ({ issuedAt, startAt, endAt }) =>
          scheduler.engine(() => {
            const unawaited = request.settled && !background;
            request.pending.delete(token);
            const { shape, id } = shapeOf(sql);
            const rows = outcome.rows;
            const info = outcome.error ? sqlErrorInfo(outcome.error, sql) : undefined;
            recorder.records.push({
              id: recorder.records.length,
              step: request.step,
              sql,
              params: plainParams,
              fingerprint: shape,
              shapeId: id,
              rows: rows.length,
              bytes: rows.length ? encoder.encode(JSON.stringify(toPlain(rows))).length : 0,
              dbMs: outcome.execMs,
              issuedAt,
              startAt,
              endAt,
              line,
              error: info ? { message: messageOf(outcome.error), ...info } : undefined,
              ...(unawaited ? { unawaited: true as const } : {}),
              ...(background ? { background: true as const } : {}),
            });
            if (info && tx && !tx.control) aborted.add(tx.id);
            if (info) reject(new QueryError(messageOf(outcome.error), info, line));
            else resolve(rows);
          }),
      });
    });
    // A query nobody awaits may still fail: its error is in the query log (and "add await" is
    // reported), so it must not also surface as an unhandled rejection that kills the worker.
    answer.catch(() => undefined);
    return answer;
  };

  return (request) => ({
    query: <T extends Row = Row>(sql: string, params?: SqlParam[]) => issue(request, sql, params) as Promise<T[]>,
    async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
      const id = ++nextTx;
      const name = `fastpath_tx${id}`;
      await issue(request, 'BEGIN', undefined, { id, opens: true, control: `SAVEPOINT ${name}` });
      const tx: Queryable = {
        query: <R extends Row = Row>(sql: string, params?: SqlParam[]) => issue(request, sql, params, { id }) as Promise<R[]>,
      };
      let result: T;
      try {
        result = await work(tx);
      } catch (error) {
        await issue(request, 'ROLLBACK', undefined, { id, closes: true, control: `ROLLBACK TO SAVEPOINT ${name}; RELEASE SAVEPOINT ${name}` });
        throw error;
      }
      // As in Postgres, COMMIT of a transaction in which a statement failed (and the error was
      // caught) rolls it back; decided when COMMIT runs, after every statement before it.
      const control = () => (aborted.has(id) ? `ROLLBACK TO SAVEPOINT ${name}; RELEASE SAVEPOINT ${name}` : `RELEASE SAVEPOINT ${name}`);
      await issue(request, 'COMMIT', undefined, { id, closes: true, control });
      return result;
    },
  });
}
