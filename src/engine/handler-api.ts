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

/** One step of a workload. */
export type WorkloadStep =
  | {
      /** Name of the exported handler to call. */
      request: string;
      /** The handler's first argument. */
      input?: unknown;
    }
  | {
      /** Move the virtual clock forward by this many milliseconds ("ten minutes pass"). */
      advanceMs: number;
    }
  | {
      /** A write by someone else (another service, an import job), straight to the database. */
      sql: string;
      params?: SqlParam[];
    };

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
export type Workload = (random: Random) => WorkloadStep[];
