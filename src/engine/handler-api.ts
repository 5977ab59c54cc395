/**
 * The API a learner's handler module is written against. Lessons import these types with
 * `import type { Db } from 'fastpath'` (a path alias; type imports vanish when compiled).
 */

/** A value that can be sent as a query parameter. */
export type SqlParam = string | number | boolean | bigint | null | Date | Uint8Array | SqlParam[] | Record<string, unknown>;

/** One row as PGlite returns it: column name to value. */
export type Row = Record<string, any>;

/** Something that runs SQL: the database itself, or an open transaction. */
export interface Queryable {
  /**
   * Runs one SQL statement with `$1, $2...` parameters and resolves with its rows. Every call is one
   * round trip to the database and is recorded in the run's query log.
   */
  query<T extends Row = Row>(sql: string, params?: SqlParam[]): Promise<T[]>;
}

/** The database handle given to handlers. */
export interface Db extends Queryable {
  /**
   * Runs `work` in a transaction on one connection: committed when `work` resolves, rolled back when
   * it throws. Use `tx.query` inside; a `db.query` there waits for the transaction to end.
   */
  transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T>;
}

/** The second argument of every handler. */
export interface HandlerContext {
  db: Db;
}

/**
 * What a chained request's `input` function can read: the oracle's earlier answers. They are
 * whatever the lesson's handlers return, so they are typed `any`: a workload reads them the way
 * its own handlers shaped them (`earlier.last.at(-1).cursor`) without casts.
 */
export interface EarlierAnswers {
  /** The answer of the request step just before this one (undefined if there was none). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  last: any;
  /** The answer of the earlier request step with this `name`. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  answer(name: string): any;
}

/** A handler's first argument as a workload gives it: a value, or a function of earlier answers. */
export type StepInput = ((earlier: EarlierAnswers) => unknown) | object | string | number | boolean | null;

/** A call of one of the lesson's handlers. */
export interface RequestStep {
  /** Name of the exported handler to call. */
  request: string;
  /**
   * The handler's first argument; or a function of earlier answers (the next page after the last
   * one seen). Functions get the oracle's answers, so every pass sends the same inputs.
   */
  input?: StepInput;
  /** A name for this step, so a later step's `input` can read its answer with `earlier.answer(name)`. */
  name?: string;
}

/** A write by someone else (another service, an import job), straight to the database. */
export interface SqlStep {
  sql: string;
  params?: SqlParam[];
  /**
   * How long readers may still be served the data from before this write, in virtual ms: the
   * promise a cache's TTL makes for writes that bypass the app. Answers equal to the oracle's last
   * answer before the write are accepted within this window; default 0 (never).
   */
  maxStaleMs?: number;
}

/** One arrival in concurrent traffic: a request or a write, `atMs` after the traffic starts. */
export type ConcurrentItem = (RequestStep | SqlStep) & {
  /** When it arrives, in ms after the start of the `concurrent` step (default 0: all at once). */
  atMs?: number;
};

/** One step of a workload. */
export type WorkloadStep =
  | RequestStep
  | {
      /** Move the virtual clock forward by this many milliseconds ("ten minutes pass"). */
      advanceMs: number;
    }
  | SqlStep
  | {
      /**
       * Requests (and writes) that arrive at given times and overlap: they share the pool and the
       * event loop. The step ends when all of them have finished.
       */
      concurrent: ConcurrentItem[];
    };

/** Builders of concurrent traffic, the second argument of a workload function. */
export interface Traffic {
  /** `count` arrivals at the same instant (a burst). */
  burst(count: number, make: (index: number) => RequestStep | SqlStep): ConcurrentItem[];
  /** Arrivals at a steady rate: `perSecond` for `forMs` ms (an open-loop load). */
  openLoop(options: { perSecond: number; forMs: number }, make: (index: number) => RequestStep | SqlStep): ConcurrentItem[];
}

/** Seeded random numbers for workloads: the same seed gives the same run. */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** One item of `items`. */
  pick<T>(items: readonly T[]): T;
  /** true with probability `p`. */
  chance(p: number): boolean;
  /** An integer in [1, n], skewed: 1 is the most frequent (Zipf with exponent `s`). */
  zipf(n: number, s?: number): number;
}

/** The default export of a lesson's `workload.ts`. */
export type Workload = (random: Random, traffic: Traffic) => WorkloadStep[];
