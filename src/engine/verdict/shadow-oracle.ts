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
import { createVirtualGlobals } from '../pass/virtual-globals.ts';
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
 * Loads the oracle module once for a pass. Its clock never moves (a stateless oracle does not
 * need one) and it gets a fresh, counted-apart cache class, so a caching reference cannot touch
 * the learner's counters.
 */
export function createShadowOracle(database: PassDatabase, source: ShadowSource): ShadowOracle | undefined {
  const globals = createVirtualGlobals(new Scheduler(DEFAULT_LATENCY), () => undefined);
  const cache = createInstrumentedLRUCache(() => 0);
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
