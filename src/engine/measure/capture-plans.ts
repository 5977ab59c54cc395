/**
 * Plan capture: after the workload, one `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)` per query shape,
 * with the first recorded parameters. Writes are explained under a savepoint that is rolled back,
 * so capturing never changes the data; the timings of the run were taken before any of this.
 */
import type { PassDatabase } from '../pass/pass-database.ts';
import type { QueryRecord } from './instrumented-db.ts';
import { parsePlan, planFindings, type Plan, type PlanFinding } from './plans.ts';
import { messageOf } from '../errors.ts';
import { leadingKeyword } from '../sql/sql-lexer.ts';

/** The plan of one query shape. */
export interface ShapePlan {
  shapeId: string;
  fingerprint: string;
  /** The statement and parameters that were explained. */
  sql: string;
  params: unknown[];
  plan?: Plan;
  findings: PlanFinding[];
  /** Why there is no plan, when there is none. */
  error?: string;
}

const EXPLAINABLE = new Set(['select', 'with', 'insert', 'update', 'delete', 'values', 'table', 'merge']);

/**
 * Captures one plan per distinct shape of `queries`: the `limit` shapes that took the most DB time
 * in all, so padding a run with cheap queries cannot push the expensive one out.
 */
export async function capturePlans(database: PassDatabase, queries: QueryRecord[], limit = 25): Promise<ShapePlan[]> {
  const byShape = new Map<string, { first: QueryRecord; dbMs: number }>();
  for (const query of queries) {
    if (query.error || !EXPLAINABLE.has(leadingKeyword(query.sql))) continue;
    const shape = byShape.get(query.shapeId);
    if (shape) shape.dbMs += query.dbMs;
    else byShape.set(query.shapeId, { first: query, dbMs: query.dbMs });
  }
  const chosen = [...byShape.values()].sort((a, b) => b.dbMs - a.dbMs).slice(0, limit);
  const plans: ShapePlan[] = [];
  for (const { first: query } of chosen) {
    const base = { shapeId: query.shapeId, fingerprint: query.fingerprint, sql: query.sql, params: query.params };
    const outcome = await database.run(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${query.sql}`, query.params, { rollback: true });
    if (outcome.error) {
      plans.push({ ...base, findings: [], error: messageOf(outcome.error) });
      continue;
    }
    try {
      const plan = parsePlan(Object.values(outcome.rows[0] ?? {})[0]);
      plans.push({ ...base, plan, findings: planFindings(plan) });
    } catch (error) {
      plans.push({ ...base, findings: [], error: messageOf(error) });
    }
  }
  return plans;
}
