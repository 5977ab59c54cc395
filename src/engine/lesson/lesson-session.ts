/**
 * A lesson loaded into a database, ready to grade code: the seeded data, the workload's steps, and
 * the starter's and oracle's passes (measured once per session and latency model).
 */
import type { PGliteInterface } from '@electric-sql/pglite';
import type { Lesson } from '../../lessons/lesson.ts';
import { LessonError } from '../../lessons/lesson.ts';
import { PassDatabase, SetupSqlError } from '../pass/pass-database.ts';
import { runPass, type PassResult } from '../pass/run-pass.ts';
import { capturePlans, type ShapePlan } from '../measure/capture-plans.ts';
import { createInstrumentedLRUCache } from '../measure/instrumented-cache.ts';
import { DEFAULT_LATENCY, type LatencyModel } from '../sim/scheduler.ts';
import { messageOf } from '../errors.ts';
import { planWorkload, type PlannedStep } from './workload-plan.ts';
import type { ShadowSource } from '../verdict/shadow-oracle.ts';

/** Share of the workload's steps the warm-up runs before the starter is first measured. */
const WARM_UP_SHARE = 0.5;

/** The starter is measured once per round trip and pool size. */
const baselineKey = (latency: LatencyModel) => `${latency.rttMs}/${latency.poolSize}`;

export { WORKLOAD_SEED } from './workload-plan.ts';

/** A measured pass with its plans. */
export interface MeasuredPass {
  pass: PassResult;
  plans: ShapePlan[];
}

/** What a pass runs: code and optional migration. */
export interface Submission {
  code: string;
  /** File name shown in errors; default `handler.ts`. */
  file?: string;
  /** Migration SQL (index lessons). */
  migration?: string;
}

/** How to open a session. */
export interface SessionOptions {
  /** `pg` was restored from the lesson's snapshot, so it holds the lesson's data already. */
  seeded?: boolean;
  /** The data's size as a multiple of the lesson's own (the lesson's `scales`); default 1. */
  scale?: number;
  /** Progress of seeding, statement by statement (see `SetupOptions`). */
  onStatement?: (done: number, total: number) => void;
}

/** A table of the lesson and how many rows it holds. */
export interface TableRows {
  table: string;
  rows: number;
}

/** A lesson bound to its database. */
export class LessonSession {
  private readonly baselines = new Map<string, Promise<{ starter: MeasuredPass; oracle: MeasuredPass }>>();
  /** The end of the last pass queued: passes run one after another. */
  private turn: Promise<unknown> = Promise.resolve();
  /** The warm-up pass, once per session. */
  private warm: Promise<unknown> | undefined;

  readonly lesson: Lesson;
  readonly database: PassDatabase;
  /** The workload's steps, generated once from the fixed seed. */
  readonly steps: PlannedStep[];
  /** The data's size as a multiple of the lesson's own: 1 is the size that grades. */
  readonly scale: number;

  private constructor(lesson: Lesson, database: PassDatabase, steps: PlannedStep[], scale: number) {
    this.lesson = lesson;
    this.database = database;
    this.steps = steps;
    this.scale = scale;
  }

  /**
   * Seeds `pg` with the lesson (unless it already holds it, restored from a snapshot) and compiles
   * the workload. At a `scale` other than 1 a restored database is seeded again at that size.
   * @throws LessonError naming the lesson file at fault
   */
  static async open(lesson: Lesson, pg: PGliteInterface, options: SessionOptions = {}): Promise<LessonSession> {
    const steps = planWorkload(lesson);
    const scale = options.scale ?? 1;
    const reuse = options.seeded === true && scale === 1;
    let database: PassDatabase;
    try {
      database = await PassDatabase.open(pg, reuse ? 'seeded' : lesson.files, { scale, reseed: options.seeded, onStatement: options.onStatement });
    } catch (error) {
      if (!(error instanceof SetupSqlError)) throw error;
      const at = scale === 1 ? '' : ` (seeding at ${scale}x the lesson's data)`;
      throw new LessonError(`Postgres rejected it${at}: ${error.message}`, `${lesson.slug}/${error.file}`, error.line);
    }
    return new LessonSession(lesson, database, steps, scale);
  }

  /** The lesson's tables and their row counts (the planner's, right after ANALYZE), largest first. */
  async tableSizes(): Promise<TableRows[]> {
    const result = await this.database.pg.query<TableRows>(
      `SELECT relname AS table, greatest(reltuples, 0)::float8 AS rows FROM pg_class
        WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace ORDER BY reltuples DESC, relname`,
    );
    return result.rows;
  }

  /** The latency model of this lesson with `overrides` applied. */
  latencyModel(overrides: Partial<LatencyModel> = {}): LatencyModel {
    return { ...DEFAULT_LATENCY, ...this.lesson.frontmatter.latency, ...overrides };
  }

  /**
   * Runs a pass of `submission` and captures its plans before the pass is rolled back. Passes take
   * turns: each one is a transaction on the one connection, so two at once would interleave (a
   * learner's Run arriving while the starter is measured in the background, say).
   */
  measure(submission: Submission, latency: LatencyModel, oracle?: MeasuredPass): Promise<MeasuredPass> {
    const pass = this.turn.then(() => this.measureNow(submission, latency, oracle));
    this.turn = pass.catch(() => undefined);
    return pass;
  }

  /**
   * What a pass learns from the oracle's: its chained inputs, where it checked state, and the
   * oracle's code to ask again about concurrent traffic.
   */
  private oracleContext(oracle: MeasuredPass | undefined): { oracle?: { inputs: Map<number, unknown>; checkpoints: number[] }; shadow?: ShadowSource } {
    if (!oracle) return {};
    const { files, frontmatter } = this.lesson;
    const reference = files.reference !== undefined;
    return {
      oracle: { inputs: new Map(oracle.pass.requests.map((request) => [request.step, request.input])), checkpoints: oracle.pass.checkpoints },
      shadow: {
        code: reference ? files.reference! : files.starter,
        file: reference ? 'reference.ts' : 'starter.ts',
        readHandlers: frontmatter.handlers.filter((handler) => !oracle.pass.writers.includes(handler)),
        order: frontmatter.answers,
      },
    };
  }

  private async measureNow(submission: Submission, latency: LatencyModel, oracle: MeasuredPass | undefined): Promise<MeasuredPass> {
    let plans: ShapePlan[] = [];
    const file = submission.file ?? 'handler.ts';
    let pass: PassResult;
    try {
      pass = await runPass({
        database: this.database,
        latency,
        code: submission.code,
        file,
        migration: submission.migration !== undefined ? { sql: submission.migration, file: 'migration.sql' } : undefined,
        steps: this.steps,
        handlers: this.lesson.frontmatter.handlers,
        state: this.lesson.frontmatter.state,
        allowBackground: this.lesson.frontmatter.background,
        ...this.oracleContext(oracle),
        beforeRollback: async (queries) => {
          plans = await capturePlans(this.database, queries, { expectSeqScan: this.lesson.frontmatter.expectSeqScan });
        },
      });
    } catch (error) {
      // Nothing the code under test does should land here; if it does, it is still reported.
      const cache = createInstrumentedLRUCache(() => 0).stats();
      pass = {
        file,
        requests: [],
        queries: [],
        cache,
        errors: [{ kind: 'internal', file, message: messageOf(error) }],
        completed: false,
        states: [],
        checkpoints: [],
        writers: [],
        background: { queries: 0, dbMs: 0, cpuMs: 0 },
        clockResolutionMs: 0,
        bypassWrites: [],
      };
    }
    return { pass, plans };
  }

  /**
   * The starter's pass and the oracle's (the same pass unless the lesson has `reference.ts`),
   * measured once per latency model.
   * @throws LessonError when the oracle itself fails: the lesson is broken, not the learner's code
   */
  baseline(latency: LatencyModel): Promise<{ starter: MeasuredPass; oracle: MeasuredPass }> {
    const key = baselineKey(latency);
    let cached = this.baselines.get(key);
    if (!cached) {
      cached = this.measureBaseline(latency);
      cached.catch(() => this.baselines.delete(key));
      this.baselines.set(key, cached);
    }
    return cached;
  }

  /**
   * Runs the start of the starter's workload once, unmeasured. The first pass on a fresh database
   * pays for cold caches (table pages read into Postgres' buffers, plans, JIT-compiled code): in
   * the browser, lesson 2's starter measured cold took twice the DB time of the same code run next.
   * Measured cold, the starter would look slower than it is and flatter every change against it.
   */
  private warmUp(): Promise<unknown> {
    if (this.warm) return this.warm;
    // Queued like any pass; its failure is ignored (the measured pass after it reports errors).
    const steps = this.steps.slice(0, Math.max(1, Math.ceil(this.steps.length * WARM_UP_SHARE)));
    const { files, frontmatter } = this.lesson;
    const migration = files.migration !== undefined ? { sql: files.migration, file: 'migration.sql' } : undefined;
    this.warm = this.turn
      .then(() =>
        runPass({ database: this.database, latency: DEFAULT_LATENCY, code: files.starter, file: 'starter.ts', migration, steps, handlers: frontmatter.handlers, state: frontmatter.state, allowBackground: frontmatter.background }),
      )
      .catch(() => undefined);
    this.turn = this.warm;
    return this.warm;
  }

  /** Measures the starter's pass afresh (the baseline is measured once; a close verdict measures it again). */
  measureStarter(latency: LatencyModel, oracle?: MeasuredPass): Promise<MeasuredPass> {
    const { files } = this.lesson;
    return this.measure({ code: files.starter, file: 'starter.ts', migration: files.migration }, latency, oracle);
  }

  /** Drops the starter's measurement at `latency`, so the next grading measures it again. */
  remeasureBaseline(latency: LatencyModel): void {
    this.baselines.delete(baselineKey(latency));
  }

  private async measureBaseline(latency: LatencyModel) {
    const { files, slug } = this.lesson;
    await this.warmUp();
    // The oracle runs first: the starter's pass takes its chained inputs and checks against it.
    const reference = files.reference ? await this.measure({ code: files.reference, file: 'reference.ts', migration: files.migration }, latency) : undefined;
    const starter = await this.measureStarter(latency, reference);
    const oracle = reference ?? starter;
    const failure = oracle.pass.errors[0];
    if (failure || !oracle.pass.completed) {
      const where = failure?.line ? `:${failure.line}` : '';
      // At another size the lesson's workload may not fit the data (ids it inserts taken, say).
      const at = this.scale === 1 ? '' : ` at ${this.scale}x the lesson's data (its own size works; the lesson's workload does not fit this one)`;
      throw new LessonError(`the oracle failed${at}: ${failure?.message ?? 'it did not complete'}`, `${slug}/${failure?.file ?? oracle.pass.file}${where}`);
    }
    return { starter, oracle };
  }
}
