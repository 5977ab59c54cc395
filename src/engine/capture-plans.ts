/**
 * Plan capture: after the workload, one `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)` per query shape,
 * with the first recorded parameters. Writes are explained under a savepoint that is rolled back,
 * so capturing never changes the data; the timings of the run were taken before any of this.
 */
import type { PassDatabase } from './pass-database.ts';
import type { QueryRecord } from './instrumented-db.ts';
import { parsePlan, planFindings, type Plan, type PlanFinding } from './plans.ts';
import { messageOf } from './errors.ts';

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

const EXPLAINABLE = /^\s*(select|with|insert|update|delete|values|table|merge)\b/i;

/** Captures one plan per distinct shape of `queries`, at most `limit` shapes. */
export async function capturePlans(database: PassDatabase, queries: QueryRecord[], limit = 25): Promise<ShapePlan[]> {
  const firstOfShape = new Map<string, QueryRecord>();
  for (const query of queries) {
    if (!query.error && !firstOfShape.has(query.shapeId) && EXPLAINABLE.test(stripLeadingComments(query.sql))) {
      firstOfShape.set(query.shapeId, query);
    }
  }
  const plans: ShapePlan[] = [];
  for (const query of [...firstOfShape.values()].slice(0, limit)) {
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

function stripLeadingComments(sql: string): string {
  return sql.replace(/^(\s*(--[^\n]*\n|\/\*[\s\S]*?\*\/))*/, '');
}
