/**
 * The lesson database, and the isolation between passes.
 *
 * A pass (the starter's, the oracle's or the learner's) runs inside one transaction that is rolled
 * back at its end, so every pass starts from the same pristine data and a learner's `DROP TABLE`
 * cannot leak. Sequences are not transactional, so they are reset at the start of each pass.
 *
 * A failed statement must undo only itself, as it would in autocommit, and not abort the pass: each
 * learner statement runs after a savepoint taken since the last statement that may have written,
 * and a failure rolls back to it. Reads take no savepoint of their own (a fresh one still guards
 * them), which halves the statements an N+1 loop costs.
 */
import type { PGliteInterface } from '@electric-sql/pglite';
import { lineAndColumn, messageOf, sqlErrorInfo, type RunError } from '../errors.ts';
import { blankComments, isReadOnly, leadingKeyword, splitStatements, stripComments } from '../sql/sql-lexer.ts';
import { findPlannerSettingChange, plannerSettingMessage } from '../sql/planner-settings.ts';
import { RowsReadMeter } from '../measure/rows-read.ts';
import { plannerSettingChanges, readPlannerSettings, type PlannerSettingChanged, type PlannerSettings } from './planner-guard.ts';

/** Outcome of one statement. */
export interface StatementOutcome {
  rows: Record<string, unknown>[];
  /** Measured time PGlite took, in milliseconds (real, not simulated). */
  execMs: number;
  error?: unknown;
}

/** Planner statistics Postgres updates in place, outside any transaction (ANALYZE, VACUUM). */
interface TableSize {
  oid: number;
  reltuples: number;
  relpages: number;
}

interface SequenceState {
  name: string;
  lastValue: string;
  isCalled: boolean;
}

const TRANSACTION_CONTROL = new Set(['begin', 'commit', 'rollback', 'end', 'abort', 'start', 'savepoint', 'release']);

/** Statements a learner may not run: Fastpath owns the transaction a pass runs in. */
export function isTransactionControl(sql: string): boolean {
  const keyword = leadingKeyword(sql);
  return TRANSACTION_CONTROL.has(keyword) || (keyword === 'prepare' && /^\s*prepare\s+transaction\b/i.test(stripComments(sql)));
}

/**
 * Postgres gives no position for some errors (a bad column in CREATE INDEX); the message usually
 * quotes the name at fault, so point at its first appearance in the statement.
 */
function guessPosition(statement: string, message: string): number | undefined {
  const name = /"([^"]+)"/.exec(message)?.[1];
  const index = name ? statement.indexOf(name) : -1;
  return index === -1 ? undefined : index + 1;
}

/**
 * The setting `seed.sql` reads the data's size from: `current_setting('fastpath.scale')::numeric`
 * is 1 for the lesson's own data, 0.1 or 4 when the learner asks for another size.
 */
export const SCALE_SETTING = 'fastpath.scale';

/** How to set a lesson's database up. */
export interface SetupOptions {
  /** The data's size as a multiple of the lesson's own (`SCALE_SETTING`); default 1. */
  scale?: number;
  /** Drop the `public` schema first: the database holds the lesson already, at another size. */
  reseed?: boolean;
  /** Called before each statement of `schema.sql` and `seed.sql` (0-based), and once when all are done. */
  onStatement?: (done: number, total: number) => void;
}

/** Postgres rejected a lesson's `schema.sql` or `seed.sql`. */
export class SetupSqlError extends Error {
  readonly file: 'schema.sql' | 'seed.sql';
  readonly line: number | undefined;

  constructor(message: string, file: 'schema.sql' | 'seed.sql', line: number | undefined) {
    super(message);
    this.name = 'SetupSqlError';
    this.file = file;
    this.line = line;
  }
}

/**
 * Runs a lesson's setup file one statement at a time, so an error Postgres gives no position for (a
 * duplicate key in the seed, say) still points at the statement's line.
 */
async function execSetup(pg: PGliteInterface, sql: string, file: 'schema.sql' | 'seed.sql', onStatement: () => void = () => {}): Promise<void> {
  for (const statement of splitStatements(sql)) {
    onStatement();
    try {
      await pg.exec(statement.text);
    } catch (error) {
      const { position } = sqlErrorInfo(error, statement.text);
      const at = statement.start + (position ?? blankComments(statement.text).search(/\S/) + 1);
      throw new SetupSqlError(messageOf(error), file, lineAndColumn(sql, at).line);
    }
  }
}

/** A seeded lesson database and the operations a pass needs. */
export class PassDatabase {
  private sequences: SequenceState[] = [];
  private sizes: TableSize[] = [];
  /** The planner settings as the server has them: no pass may change them. */
  private planner: PlannerSettings = new Map();
  private savepoint = 0;
  /** True once the pass marked where its workload started (`markWorkloadStart`). */
  private workloadMarked = false;
  /** Counts the rows each request reads, from `countRowsRead()` to `rowsReadByStep()`. */
  private meter: RowsReadMeter | undefined;
  /**
   * The engine's innermost savepoint in the pass, if any; `clean` while nothing may have been
   * written since it was taken, so rolling back to it undoes only what fails next.
   */
  private guard: { name: string; clean: boolean } | undefined;

  readonly pg: PGliteInterface;

  private constructor(pg: PGliteInterface) {
    this.pg = pg;
  }

  /**
   * Creates the lesson's tables and data in `pg` (a fresh PGlite, or one restored from a snapshot
   * that already holds them when `seeded` is true) and records the pristine state.
   */
  static async open(
    pg: PGliteInterface,
    setup: { schema: string; seed: string } | 'seeded',
    options: SetupOptions = {},
  ): Promise<PassDatabase> {
    // Seeds size their big tables by this setting, so one seed.sql gives the lesson's data (1) and
    // the other sizes the data-scale control offers (docs/authoring.md, "Data scale").
    await pg.query(`SELECT set_config('${SCALE_SETTING}', $1, false)`, [String(options.scale ?? 1)]);
    if (setup !== 'seeded' && options.reseed) {
      // A database restored from the lesson's snapshot, seeded again at another size.
      await pg.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public AUTHORIZATION pg_database_owner;');
    }
    if (setup !== 'seeded') {
      const statements = splitStatements(setup.schema).length + splitStatements(setup.seed).length;
      let done = 0;
      const next = () => options.onStatement?.(done++, statements);
      await execSetup(pg, setup.schema, 'schema.sql', next);
      await execSetup(pg, setup.seed, 'seed.sql', next);
      options.onStatement?.(statements, statements);
      // VACUUM as well as ANALYZE: it sets the visibility map, as autovacuum would have on a real
      // server, so an index-only scan can skip the table (zero heap fetches) as it would there.
      await pg.exec('VACUUM ANALYZE');
    }
    try {
      await pg.exec(`LOAD 'auto_explain'`);
    } catch (error) {
      throw new Error(`Postgres was started without auto_explain (${messageOf(error)}): create PGlite with { extensions: pgliteExtensions } from src/engine/pass/pglite-extensions.ts.`);
    }
    const database = new PassDatabase(pg);
    const result = await pg.query<{ name: string }>(
      `SELECT format('%I.%I', schemaname, sequencename) AS name FROM pg_sequences WHERE schemaname NOT IN ('pg_catalog', 'information_schema')`,
    );
    for (const { name } of result.rows) {
      const state = await pg.query<{ last_value: string; is_called: boolean }>(`SELECT last_value::text, is_called FROM ${name}`);
      database.sequences.push({ name, lastValue: state.rows[0].last_value, isCalled: state.rows[0].is_called });
    }
    const sizes = await pg.query<TableSize>(
      `SELECT oid::int, reltuples::float8, relpages::int FROM pg_class
        WHERE relkind IN ('r', 'i', 'm') AND relnamespace NOT IN ('pg_catalog'::regnamespace, 'information_schema'::regnamespace, 'pg_toast'::regnamespace)`,
    );
    database.sizes = sizes.rows;
    database.planner = await readPlannerSettings(pg);
    return database;
  }

  /**
   * Starts a pass from the pristine state. Sequences and the planner's table sizes live outside
   * transactions, so a previous pass may have moved them: they are put back first.
   */
  async begin(): Promise<void> {
    for (const sequence of this.sequences) {
      await this.pg.query('SELECT setval($1::regclass, $2::bigint, $3)', [sequence.name, sequence.lastValue, sequence.isCalled]);
    }
    await this.pg.query(
      `UPDATE pg_class c SET reltuples = v.reltuples, relpages = v.relpages
         FROM jsonb_to_recordset($1::jsonb) AS v(oid int, reltuples float8, relpages int)
        WHERE c.oid = v.oid AND (c.reltuples <> v.reltuples OR c.relpages <> v.relpages)`,
      [JSON.stringify(this.sizes)],
    );
    await this.pg.exec('BEGIN');
    this.guard = undefined;
  }

  /**
   * Ends a pass, throwing away everything it changed, prepared statements included. A rolled-back
   * write still leaves dead row versions behind and clears the visibility map of its pages, so the
   * next pass would read more pages and fetch rows an index-only scan skips now: VACUUM puts the
   * table back as it was after the seed (a few ms when nothing was written).
   */
  async rollback(): Promise<void> {
    await this.pg.exec('ROLLBACK; DEALLOCATE ALL');
    this.guard = undefined;
    this.workloadMarked = false;
    this.meter = undefined;
    await this.pg.exec('VACUUM');
  }

  /**
   * Applies the learner's migration inside the pass, one statement at a time, so an error points at
   * its line. Returns the error when Postgres rejects a statement.
   */
  async migrate(sql: string, file: string): Promise<RunError | undefined> {
    const statements = splitStatements(sql);
    const control = statements.find((statement) => isTransactionControl(statement.text));
    if (control) {
      const { line } = lineAndColumn(sql, control.start + control.text.search(/\S/) + 1);
      return {
        kind: 'sql',
        file,
        line,
        message: 'Transaction control (BEGIN, COMMIT, ROLLBACK...) is not allowed here: Fastpath runs your migration inside the transaction of each run.',
      };
    }
    for (const statement of statements) {
      const change = findPlannerSettingChange(statement.text);
      if (change) return { kind: 'sql', file, line: lineAndColumn(sql, statement.start + change.index + 1).line, message: plannerSettingMessage(change.setting) };
    }
    await this.pg.exec('SAVEPOINT fastpath_migration');
    for (const statement of statements) {
      try {
        await this.pg.exec(statement.text);
      } catch (error) {
        await this.pg.exec('ROLLBACK TO SAVEPOINT fastpath_migration; RELEASE SAVEPOINT fastpath_migration');
        const info = sqlErrorInfo(error, statement.text);
        let message = messageOf(error);
        const position = info.position ?? guessPosition(statement.text, message);
        const place = position ? lineAndColumn(sql, statement.start + position) : lineAndColumn(sql, statement.start + blankComments(statement.text).search(/\S/) + 1);
        if (/cannot run inside a transaction block/.test(message)) {
          message += ' (Fastpath runs your migration inside a transaction; drop CONCURRENTLY.)';
        }
        return { kind: 'sql', file, message, line: place.line, column: info.position || position ? place.column : undefined, sql: info };
      }
    }
    await this.pg.exec('RELEASE SAVEPOINT fastpath_migration');
    const [changed] = await this.plannerChanges();
    if (changed) return { kind: 'sql', file, message: `${plannerSettingMessage(changed.setting)} (${changed.how})` };
    return undefined;
  }

  /**
   * Marks the data as the workload found it, after the migration: plan capture explains writes
   * there (`rewindToWorkloadStart`). A savepoint outside every other one the pass takes.
   */
  async markWorkloadStart(): Promise<void> {
    await this.pg.exec('SAVEPOINT fastpath_workload');
    this.workloadMarked = true;
  }

  /**
   * Undoes what the workload changed, keeping the migration: a DELETE explained after the workload
   * would find its rows gone (and fire no cascade), so writes are explained on the data they ran
   * on first. Only plan capture, the pass's last step, calls this. False when nothing was marked.
   */
  async rewindToWorkloadStart(): Promise<boolean> {
    if (!this.workloadMarked) return false;
    await this.meter?.switchTo(undefined);
    await this.pg.exec('ROLLBACK TO SAVEPOINT fastpath_workload');
    this.guard = undefined;
    return true;
  }

  /** Starts counting the table rows each request's statements read (after the migration). */
  async countRowsRead(): Promise<void> {
    this.meter = await RowsReadMeter.start(this.pg);
  }

  /** Stops counting; the rows read by each workload step's statements. */
  async rowsReadByStep(): Promise<Map<number, number>> {
    const meter = this.meter;
    this.meter = undefined;
    if (!meter) return new Map();
    await meter.switchTo(undefined);
    return meter.byStep;
  }

  /** Planner settings the pass has changed so far, and functions that would change one. */
  plannerChanges(): Promise<PlannerSettingChanged[]> {
    return plannerSettingChanges(this.pg, this.planner);
  }

  /** A clean savepoint to run the next statement after: the current one, or a new one replacing it. */
  private async cleanGuard(): Promise<string> {
    if (this.guard?.clean) return this.guard.name;
    const name = `fastpath_q${++this.savepoint}`;
    // Releasing the old one keeps what it guarded and the savepoint stack one deep.
    await this.pg.exec(this.guard ? `RELEASE SAVEPOINT ${this.guard.name}; SAVEPOINT ${name}` : `SAVEPOINT ${name}`);
    this.guard = { name, clean: true };
    return name;
  }

  /**
   * Runs one statement and measures it; if it fails, it is rolled back alone. Never throws. With
   * `rollback`, its effects are undone even when it succeeds (plan capture of writes); `onNotice`
   * receives the messages Postgres sends meanwhile (auto_explain's plans, during plan capture);
   * `step` is the workload step whose request sent it (rows it reads are counted for that step).
   */
  async run(sql: string, params: unknown[] | undefined, options: { rollback?: boolean; onNotice?: (message: string) => void; step?: number } = {}): Promise<StatementOutcome> {
    await this.meter?.switchTo(options.step);
    const guard = await this.cleanGuard();
    const started = performance.now();
    const { onNotice } = options;
    try {
      const result = await this.pg.query<Record<string, unknown>>(sql, params as never[], onNotice ? { onNotice: (notice) => onNotice(notice.message ?? '') } : undefined);
      const execMs = performance.now() - started;
      if (options.rollback) await this.pg.exec(`ROLLBACK TO SAVEPOINT ${guard}`);
      else if (!isReadOnly(sql)) this.guard = { name: guard, clean: false };
      return { rows: result.rows, execMs };
    } catch (error) {
      const execMs = performance.now() - started;
      // The savepoint survives ROLLBACK TO and is clean again.
      await this.pg.exec(`ROLLBACK TO SAVEPOINT ${guard}`);
      return { rows: [], execMs, error };
    }
  }

  /**
   * Runs the engine's own `SET LOCAL`s after the savepoint the next `run()` will use, so that a
   * `run(..., { rollback: true })` undoes them together with its statement.
   */
  async settings(sql: string): Promise<void> {
    await this.cleanGuard();
    await this.pg.exec(sql);
  }

  /** Runs a transaction-control statement of the engine's own (savepoints standing in for BEGIN/COMMIT). */
  async control(sql: string): Promise<StatementOutcome> {
    // The learner's transaction savepoints must not nest inside ours: releasing ours later would
    // release theirs with it.
    if (this.guard) {
      await this.pg.exec(`RELEASE SAVEPOINT ${this.guard.name}`);
      this.guard = undefined;
    }
    const started = performance.now();
    try {
      await this.pg.exec(sql);
      return { rows: [], execMs: performance.now() - started };
    } catch (error) {
      return { rows: [], execMs: performance.now() - started, error };
    }
  }

  /**
   * Runs `work` against the current state and undoes whatever it did: the oracle's answer as of
   * now (shadow reads) and snapshots of checked tables. Its statements are neither measured nor
   * placed on the clock. Throws what `work` throws.
   */
  async shadow<T>(work: (query: (sql: string, params?: unknown[]) => Promise<Record<string, unknown>[]>) => Promise<T>): Promise<T> {
    await this.meter?.switchTo(undefined);
    await this.pg.exec('SAVEPOINT fastpath_shadow');
    try {
      return await work(async (sql, params) => (await this.pg.query<Record<string, unknown>>(sql, params as never[])).rows);
    } finally {
      await this.pg.exec('ROLLBACK TO SAVEPOINT fastpath_shadow; RELEASE SAVEPOINT fastpath_shadow');
    }
  }

  /** Runs trusted SQL (a workload's direct write) and throws on failure. */
  async exec(sql: string, params?: unknown[]): Promise<void> {
    await this.meter?.switchTo(undefined);
    if (this.guard) this.guard.clean = false; // a later failure must not undo this write
    await this.pg.query(sql, params as never[]);
  }
}
