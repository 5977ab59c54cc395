/**
 * The oracle's answer for the database as it is right now, for requests in concurrent traffic
 * (docs/engine.md, "Correctness under concurrency"). Overlapping requests see each other's writes
 * at moments that differ from pass to pass, so their answers cannot be compared with the oracle's
 * own run; instead the oracle's handler is asked again, on the learner's database, as of the
 * request's start and end. Only handlers that never wrote in the oracle's run are asked, and
 * whatever the oracle does is rolled back.
 */
import type { Db, Queryable, Row } from '../handler-api.ts';
import type { PassDatabase } from '../pass/pass-database.ts';
import { DEFAULT_LATENCY, Scheduler } from '../sim/scheduler.ts';
import { macrotask } from '../sim/macrotask.ts';
import { createVirtualGlobals } from '../pass/virtual-globals.ts';
import type { SandboxGlobals } from '../pass/sandbox.ts';
import { createInstrumentedLRUCache } from '../measure/instrumented-cache.ts';
import { evaluateModule } from '../pass/sandbox.ts';
import { canonicalAnswer, type AnswerOrder } from './compare.ts';
import { toPlain } from '../plain.ts';
import { messageOf } from '../errors.ts';

/** Asks the oracle for an answer on the current data; `undefined` when it could not answer. */
export type ShadowOracle = (handler: string, input: unknown) => Promise<{ text: string; answer: unknown } | undefined>;

/** What the shadow oracle needs: the oracle's code and the handlers that only read. */
export interface ShadowSource {
  code: string;
  file: string;
  /** Handlers the oracle's own run never wrote with: the only ones asked again. */
  readHandlers: string[];
  order: AnswerOrder;
}

/**
 * Loads the oracle module once for a pass, with a cache class counted apart from the learner's.
 * Its clock reads the pass's virtual time. Its write handlers never run in this copy, so an oracle
 * asked about concurrent traffic must keep no state between requests (the starter usually does
 * not; a `reference.ts` with a cache would answer from it).
 */
export function createShadowOracle(database: PassDatabase, source: ShadowSource, now: () => number): ShadowOracle | undefined {
  const globals = shadowGlobals(now);
  const cache = createInstrumentedLRUCache(now);
  const module = evaluateModule(source.code, source.file, { 'lru-cache': { LRUCache: cache.LRUCache } }, globals);
  if (!module.ok) return undefined;
  const reads = new Set(source.readHandlers);
  return async (handler, input) => {
    const call = module.exports[handler];
    if (!reads.has(handler) || typeof call !== 'function') return undefined;
    try {
      return await database.shadow(async (query) => {
        const queryable: Queryable = { query: <T extends Row = Row>(sql: string, params?: unknown[]) => query(sql, params) as Promise<T[]> };
        const db: Db = { ...queryable, transaction: (work) => work(queryable) };
        const answer = toPlain(await call(structuredClone(input), { db }));
        return { text: canonicalAnswer(answer, source.order), answer };
      });
    } catch (error) {
      return { text: `oracle failed: ${messageOf(error)}`, answer: undefined };
    }
  };
}

/**
 * Globals for the oracle's copy: dates read the pass's clock; timers run at once, in the next
 * macrotask (an oracle that batches through setImmediate or setTimeout must still finish, and
 * nothing here waits on virtual time).
 */
function shadowGlobals(now: () => number): SandboxGlobals {
  const clock = new Scheduler(DEFAULT_LATENCY);
  const { Date, performance } = createVirtualGlobals(clock, () => undefined);
  Object.defineProperty(clock, 'now', { get: () => now() });
  const cancelled = new Set<number>();
  let nextId = 0;
  const soon = (callback: (...args: unknown[]) => void, args: unknown[]) => {
    const id = ++nextId;
    macrotask(() => {
      if (!cancelled.delete(id)) callback(...args);
    });
    return id;
  };
  const cancel = (id: number | undefined) => {
    if (id !== undefined) cancelled.add(id);
  };
  return {
    setTimeout: (callback, _ms, ...args) => soon(callback, args),
    setInterval: (callback, _ms, ...args) => soon(callback, args), // once: the oracle answers one request
    setImmediate: (callback, ...args) => soon(callback, args),
    clearTimeout: cancel,
    clearInterval: cancel,
    clearImmediate: cancel,
    Date,
    performance,
  };
}
