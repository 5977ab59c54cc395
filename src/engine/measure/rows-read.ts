/**
 * Rows read per request, counted by Postgres itself: the table rows each request's statements
 * read, by sequential scans (`pg_stat_get_xact_tuples_returned`) and fetched through indexes,
 * bitmap scans included (`pg_stat_get_xact_tuples_fetched`). Unlike a time, the count is the same
 * on every run of the same code over the same data, however busy the machine is: the measure a
 * verdict can rest on.
 *
 * The counters of the current transaction are read only when the statement about to run belongs
 * to another request than the last one (or to the engine), so a sequential workload pays one read
 * per request. Index-only scans that skip the table read no table rows, as on a server.
 */
import type { PGliteInterface } from '@electric-sql/pglite';

/**
 * Rows a sequential scan read are counted on the table; rows a bitmap scan fetched too, but rows an
 * index scan fetched are counted on the index (as `pg_stat_all_tables.idx_tup_fetch` adds them up).
 * An index's own "tuples returned" are index entries, not table rows, and are left out.
 */
const COUNTERS = `SELECT
    (SELECT coalesce(sum(pg_stat_get_xact_tuples_returned(t) + pg_stat_get_xact_tuples_fetched(t)), 0) FROM unnest($1::oid[]) AS t)
  + (SELECT coalesce(sum(pg_stat_get_xact_tuples_fetched(i)), 0) FROM unnest($2::oid[]) AS i) AS n`;

/** Attributes table rows read to the request (workload step) whose statements read them. */
export class RowsReadMeter {
  /** Rows read, by workload step. */
  readonly byStep = new Map<number, number>();
  /** The step whose statements run now; `undefined` for the engine's own (not counted). */
  private current: number | undefined;
  private last = 0;
  private readonly pg: PGliteInterface;
  private readonly tables: number[];
  private readonly indexes: number[];

  private constructor(pg: PGliteInterface, tables: number[], indexes: number[]) {
    this.pg = pg;
    this.tables = tables;
    this.indexes = indexes;
  }

  /** Starts counting over every table, materialized view and index outside the system schemas. */
  static async start(pg: PGliteInterface): Promise<RowsReadMeter> {
    const { rows } = await pg.query<{ tables: number[] | null; indexes: number[] | null }>(
      `SELECT array_agg(oid::int) FILTER (WHERE relkind IN ('r', 'm')) AS tables, array_agg(oid::int) FILTER (WHERE relkind = 'i') AS indexes
         FROM pg_class
        WHERE relkind IN ('r', 'm', 'i') AND relnamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace, 'pg_toast'::regnamespace)`,
    );
    return new RowsReadMeter(pg, rows[0]?.tables ?? [], rows[0]?.indexes ?? []);
  }

  /** Call before a statement of `step` (or of the engine, `undefined`) runs. */
  async switchTo(step: number | undefined): Promise<void> {
    if (step === this.current) return;
    const { rows } = await this.pg.query<{ n: number }>(COUNTERS, [this.tables, this.indexes]);
    const now = Number(rows[0]?.n ?? 0);
    if (this.current !== undefined) this.byStep.set(this.current, (this.byStep.get(this.current) ?? 0) + now - this.last);
    this.last = now;
    this.current = step;
  }
}
