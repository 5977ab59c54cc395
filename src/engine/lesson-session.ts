/**
 * A lesson loaded into a database, ready to grade code: the seeded data, the workload's steps, and
 * the starter's and oracle's passes (measured once per session and latency model).
 */
import type { PGliteInterface } from '@electric-sql/pglite';
import type { Lesson } from '../lessons/lesson.ts';
import { LessonError } from '../lessons/lesson.ts';
import type { WorkloadStep } from './handler-api.ts';
import { PassDatabase, SetupSqlError } from './pass-database.ts';
import { runPass, type PassResult } from './run-pass.ts';
import { capturePlans, type ShapePlan } from './capture-plans.ts';
import { createInstrumentedLRUCache } from './instrumented-cache.ts';
import { DEFAULT_LATENCY, Scheduler, type LatencyModel } from './scheduler.ts';
import { createVirtualGlobals } from './virtual-globals.ts';
import { evaluateModule } from './sandbox.ts';
import { createRandom } from './random.ts';
import { messageOf } from './errors.ts';

/** Share of the workload's steps the warm-up runs before the starter is first measured. */
const WARM_UP_SHARE = 0.5;

/** The starter is measured once per round trip and pool size. */
const baselineKey = (latency: LatencyModel) => `${latency.rttMs}/${latency.poolSize}`;

/** Seed of every workload's random numbers: fixed, so every run sees the same requests. */
export const WORKLOAD_SEED = 20260101;

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
  readonly steps: WorkloadStep[];

  private constructor(lesson: Lesson, database: PassDatabase, steps: WorkloadStep[]) {
    this.lesson = lesson;
    this.database = database;
    this.steps = steps;
  }

  /**
   * Seeds `pg` with the lesson (unless it already holds it, restored from a snapshot) and compiles
   * the workload.
   * @throws LessonError naming the lesson file at fault
   */
  static async open(lesson: Lesson, pg: PGliteInterface, options: { seeded?: boolean } = {}): Promise<LessonSession> {
    const steps = compileWorkload(lesson);
    let database: PassDatabase;
    try {
      database = await PassDatabase.open(pg, options.seeded ? 'seeded' : lesson.files);
    } catch (error) {
      if (!(error instanceof SetupSqlError)) throw error;
      throw new LessonError(`Postgres rejected it: ${error.message}`, `${lesson.slug}/${error.file}`, error.line);
    }
    return new LessonSession(lesson, database, steps);
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
  measure(submission: Submission, latency: LatencyModel): Promise<MeasuredPass> {
    const pass = this.turn.then(() => this.measureNow(submission, latency));
    this.turn = pass.catch(() => undefined);
    return pass;
  }

  private async measureNow(submission: Submission, latency: LatencyModel): Promise<MeasuredPass> {
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
        beforeRollback: async (queries) => {
          plans = await capturePlans(this.database, queries);
        },
      });
    } catch (error) {
      // Nothing the code under test does should land here; if it does, it is still reported.
      const cache = createInstrumentedLRUCache(() => 0).stats();
      pass = { file, requests: [], queries: [], cache, errors: [{ kind: 'internal', file, message: messageOf(error) }], completed: false };
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
      .then(() => runPass({ database: this.database, latency: DEFAULT_LATENCY, code: files.starter, file: 'starter.ts', migration, steps, handlers: frontmatter.handlers }))
      .catch(() => undefined);
    this.turn = this.warm;
    return this.warm;
  }

  /** Drops the starter's measurement at `latency`, so the next grading measures it again. */
  remeasureBaseline(latency: LatencyModel): void {
    this.baselines.delete(baselineKey(latency));
  }

  private async measureBaseline(latency: LatencyModel) {
    const { files, slug } = this.lesson;
    await this.warmUp();
    const starter = await this.measure({ code: files.starter, file: 'starter.ts', migration: files.migration }, latency);
    const oracle = files.reference ? await this.measure({ code: files.reference, file: 'reference.ts', migration: files.migration }, latency) : starter;
    const failure = oracle.pass.errors[0];
    if (failure || !oracle.pass.completed) {
      const where = failure?.line ? `:${failure.line}` : '';
      throw new LessonError(`the oracle failed: ${failure?.message ?? 'it did not complete'}`, `${slug}/${failure?.file ?? oracle.pass.file}${where}`);
    }
    return { starter, oracle };
  }
}

/** Evaluates `workload.ts` and checks its steps against the lesson's handlers. */
function compileWorkload(lesson: Lesson): WorkloadStep[] {
  const file = `${lesson.slug}/workload.ts`;
  // A clock nobody drives: Date reads the fixed virtual epoch, timers never fire.
  const globals = createVirtualGlobals(new Scheduler(DEFAULT_LATENCY), () => undefined);
  const module = evaluateModule(lesson.files.workload, 'workload.ts', {}, globals);
  if (!module.ok) throw new LessonError(module.error.message, file, module.error.line);
  const build = module.exports.default;
  if (typeof build !== 'function') throw new LessonError('must export a default function (random) => steps', file);
  let steps: unknown;
  try {
    steps = build(createRandom(WORKLOAD_SEED));
  } catch (error) {
    throw new LessonError(`the workload threw: ${messageOf(error)}`, file);
  }
  if (!Array.isArray(steps) || steps.length === 0) throw new LessonError('the default export must return a non-empty array of steps', file);
  const handlers = lesson.frontmatter.handlers;
  steps.forEach((step, index) => {
    const ok =
      step &&
      typeof step === 'object' &&
      ((typeof step.request === 'string' && handlers.includes(step.request)) ||
        (typeof step.advanceMs === 'number' && step.advanceMs >= 0) ||
        typeof step.sql === 'string');
    if (!ok) {
      throw new LessonError(
        `step ${index} must be { request: one of ${handlers.join(', ')} }, { advanceMs } or { sql }; got ${JSON.stringify(step)}`,
        file,
      );
    }
  });
  return steps as WorkloadStep[];
}
