/**
 * A lesson's `workload.ts`, evaluated once into a flat plan of steps. A `concurrent` step becomes
 * consecutive planned steps sharing a `group`, each with its arrival time, so every request keeps a
 * step index of its own (answers, queries and mismatches are keyed by it).
 */
import type { Lesson } from '../../lessons/lesson.ts';
import { LessonError } from '../../lessons/lesson.ts';
import type { ConcurrentItem, RequestStep, SqlParam, SqlStep, Traffic } from '../handler-api.ts';
import { DEFAULT_LATENCY, Scheduler } from '../sim/scheduler.ts';
import { createVirtualGlobals } from '../pass/virtual-globals.ts';
import { evaluateModule, locateInStack } from '../pass/sandbox.ts';
import { createRandom } from './random.ts';
import { messageOf } from '../errors.ts';

/** Seed of every workload's random numbers: fixed, so every run sees the same requests. */
export const WORKLOAD_SEED = 20260101;

/** Where a step sits in concurrent traffic. */
interface Arrival {
  /** Index of the `concurrent` step it came from; consecutive planned steps share it. */
  group?: number;
  /** Arrival, ms after the traffic starts. */
  atMs?: number;
}

/** One step of the plan a pass drives. */
export type PlannedStep =
  | ({ kind: 'request'; request: string; input?: unknown; name?: string } & Arrival)
  | ({ kind: 'sql'; sql: string; params?: SqlParam[]; maxStaleMs?: number } & Arrival)
  | { kind: 'advance'; advanceMs: number };

/** The `Traffic` helpers a workload function receives. */
export const traffic: Traffic = {
  burst: (count, make) => Array.from({ length: count }, (_, index) => ({ ...make(index), atMs: 0 })),
  openLoop: ({ perSecond, forMs }, make) =>
    Array.from({ length: Math.floor((forMs * perSecond) / 1000) }, (_, index) => ({ ...make(index), atMs: (index * 1000) / perSecond })),
};

/** Evaluates `workload.ts` and checks its steps against the lesson's handlers. */
export function planWorkload(lesson: Lesson): PlannedStep[] {
  const file = `${lesson.slug}/workload.ts`;
  // A clock nobody drives: Date reads the fixed virtual epoch, timers never fire.
  const globals = createVirtualGlobals(new Scheduler(DEFAULT_LATENCY), () => undefined);
  const module = evaluateModule(lesson.files.workload, 'workload.ts', {}, globals);
  if (!module.ok) throw new LessonError(module.error.message, file, module.error.line);
  const build = module.exports.default;
  if (typeof build !== 'function') throw new LessonError('must export a default function (random) => steps', file);
  let steps: unknown;
  try {
    steps = build(createRandom(WORKLOAD_SEED), traffic);
  } catch (error) {
    const line = error instanceof Error ? locateInStack(error.stack, 'workload.ts')?.line : undefined;
    const message = messageOf(error).replace(/\.$/, '');
    throw new LessonError(`the workload threw: ${message}. It runs once, with the seeded random numbers, before any pass: fix it so it returns the steps.`, file, line);
  }
  if (!Array.isArray(steps) || steps.length === 0) {
    throw new LessonError(
      `the default export must return a non-empty array of steps, like [{ request: '${lesson.frontmatter.handlers[0]}', input: { ... } }]; it returned ${describe(steps)}`,
      file,
    );
  }
  const handlers = lesson.frontmatter.handlers;
  const plan: PlannedStep[] = [];
  const names = new Set<string>();
  const fail = (where: string, expected: string, got: unknown): never => {
    throw new LessonError(`${where} must be ${expected}; got ${describe(got)}`, file);
  };
  const asRequest = (step: RequestStep, where: string, arrival: Arrival): PlannedStep => {
    if (!handlers.includes(step.request)) fail(where, `{ request: one of ${handlers.join(', ')} }`, step);
    if (step.name !== undefined) {
      if (typeof step.name !== 'string' || names.has(step.name)) fail(where, 'a request with a unique string `name`', step);
      names.add(step.name);
    }
    return { kind: 'request', request: step.request, input: step.input, name: step.name, ...arrival };
  };
  const asSql = (step: SqlStep, where: string, arrival: Arrival): PlannedStep => {
    const { maxStaleMs } = step;
    if (maxStaleMs !== undefined && !(typeof maxStaleMs === 'number' && maxStaleMs >= 0)) fail(where, 'a { sql } step with maxStaleMs >= 0', step);
    return { kind: 'sql', sql: step.sql, params: step.params, ...(maxStaleMs ? { maxStaleMs } : {}), ...arrival };
  };
  steps.forEach((step, index) => {
    const where = `step ${index}`;
    if (!step || typeof step !== 'object') return fail(where, 'an object', step);
    if (typeof step.request === 'string') plan.push(asRequest(step, where, {}));
    else if (typeof step.advanceMs === 'number' && step.advanceMs >= 0) plan.push({ kind: 'advance', advanceMs: step.advanceMs });
    else if (typeof step.sql === 'string') plan.push(asSql(step, where, {}));
    else if (Array.isArray(step.concurrent) && step.concurrent.length > 0) {
      (step.concurrent as ConcurrentItem[]).forEach((item, inner) => {
        const at = `${where}, item ${inner}`;
        const atMs = item?.atMs ?? 0;
        if (typeof atMs !== 'number' || !(atMs >= 0)) fail(at, 'an item with atMs >= 0', item);
        if (item && typeof (item as RequestStep).request === 'string') plan.push(asRequest(item as RequestStep, at, { group: index, atMs }));
        else if (item && typeof (item as SqlStep).sql === 'string') plan.push(asSql(item as SqlStep, at, { group: index, atMs }));
        else fail(at, `{ request: one of ${handlers.join(', ')} } or { sql }`, item);
      });
    } else {
      fail(where, `{ request: one of ${handlers.join(', ')} }, { advanceMs }, { sql } or { concurrent: [...] }`, step);
    }
  });
  return plan;
}

function describe(value: unknown): string {
  try {
    return JSON.stringify(value, (_key, item) => (typeof item === 'function' ? '[function]' : item)) ?? String(value);
  } catch {
    return String(value);
  }
}
