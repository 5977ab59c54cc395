/**
 * Plan capture: after the workload, each query shape is run again under `EXPLAIN (ANALYZE,
 * BUFFERS, FORMAT JSON)`. Writes are explained under a savepoint that is rolled back, so capturing
 * never changes the data; the timings of the run were taken before any of this.
 *
 * Two ways a plan could hide what the code does are closed here:
 * - a shape cheap for its first parameters and expensive for others: of up to four parameter sets
 *   it ran with (the two slowest, the one that returned the most rows, the first), the one the
 *   planner expects to cost the most is explained;
 * - a scan inside a function the query calls: auto_explain (loaded by PassDatabase) logs the plan
 *   of every statement run inside it, and those plans are kept beside the query's own.
 */
import type { PassDatabase } from '../pass/pass-database.ts';
import type { QueryRecord } from './instrumented-db.ts';
import { markExpectedScans, parsePlan, planFindings, walkPlan, type Plan, type PlanFinding, type PlanNode } from './plans.ts';
import { messageOf } from '../errors.ts';
import { isReadOnly, leadingKeyword } from '../sql/sql-lexer.ts';
import { explainNested, type NestedPlan } from './nested-plans.ts';

/** The plan of one query shape. */
export interface ShapePlan {
  shapeId: string;
  fingerprint: string;
  /** The statement and parameters that were explained: of those tried, the costliest by the planner's estimate. */
  sql: string;
  params: unknown[];
  /** How many of the shape's distinct parameter sets were compared to find the costliest. */
  paramSetsTried: number;
  plan?: Plan;
  findings: PlanFinding[];
  /** Plans of statements that ran inside functions the query called (auto_explain), in order. */
  nested: NestedPlan[];
  /** Why there is no plan, when there is none. */
  error?: string;
}

/** Every node of a shape's plan and of the plans of statements run inside its functions. */
export function shapePlanNodes(shape: ShapePlan): PlanNode[] {
  return [...(shape.plan ? walkPlan(shape.plan.root) : []), ...shape.nested.flatMap((inner) => walkPlan(inner.plan.root))];
}

const EXPLAINABLE = new Set(['select', 'with', 'insert', 'update', 'delete', 'values', 'table', 'merge']);
/** Parameter sets explained per shape, at most. */
const MAX_PARAM_SETS = 4;

/**
 * The runs of a shape worth explaining, slowest first: the two slowest, the one that returned the
 * most rows, the first.
 */
function candidates(runs: QueryRecord[]): QueryRecord[] {
  const bySlowest = [...runs].sort((a, b) => b.dbMs - a.dbMs);
  const byRows = [...runs].sort((a, b) => b.rows - a.rows);
  const picked = new Map<string, QueryRecord>();
  for (const run of [bySlowest[0]!, byRows[0]!, bySlowest[1], runs[0]!]) {
    if (!run) continue;
    const key = JSON.stringify(run.params);
    if (!picked.has(key) && picked.size < MAX_PARAM_SETS) picked.set(key, run);
  }
  return [...picked.values()];
}

/**
 * The candidate the planner expects to cost the most (`EXPLAIN` without ANALYZE: planning only, so
 * comparing four costs less than running one). On a tie, the earlier one: the slowest measured.
 */
async function costliest(database: PassDatabase, runs: QueryRecord[]): Promise<QueryRecord> {
  if (runs.length === 1) return runs[0]!;
  let best = runs[0]!;
  let bestCost = -1;
  for (const run of runs) {
    const outcome = await database.run(`EXPLAIN (FORMAT JSON) ${run.sql}`, run.params, { rollback: true });
    const plan = outcome.error ? undefined : (Object.values(outcome.rows[0] ?? {})[0] as { Plan?: { 'Total Cost'?: number } }[] | undefined)?.[0]?.Plan;
    const cost = typeof plan?.['Total Cost'] === 'number' ? plan['Total Cost'] : -1;
    if (cost > bestCost) {
      best = run;
      bestCost = cost;
    }
  }
  return best;
}

async function explain(database: PassDatabase, query: QueryRecord): Promise<ShapePlan> {
  const base = { shapeId: query.shapeId, fingerprint: query.fingerprint, sql: query.sql, params: query.params, paramSetsTried: 1 };
  const { outcome, nested } = await explainNested(database, `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${query.sql}`, query.params);
  if (outcome.error) return { ...base, findings: [], nested, error: messageOf(outcome.error) };
  try {
    const plan = parsePlan(Object.values(outcome.rows[0] ?? {})[0]);
    return { ...base, plan, findings: planFindings(plan), nested };
  } catch (error) {
    return { ...base, findings: [], nested, error: messageOf(error) };
  }
}

/** How plans are captured. */
export interface CaptureOptions {
  /** Shapes explained, at most (the ones with the most DB time in all). */
  limit?: number;
  /** Tables whose sequential scans are the right plan (the lesson's `expectSeqScan`). */
  expectSeqScan?: readonly string[];
}

/**
 * Captures one plan per distinct shape of `queries`: the `limit` shapes that took the most DB time
 * in all, so padding a run with cheap queries cannot push the expensive one out.
 */
export async function capturePlans(database: PassDatabase, queries: QueryRecord[], options: CaptureOptions = {}): Promise<ShapePlan[]> {
  const { limit = 25, expectSeqScan = [] } = options;
  const byShape = new Map<string, { runs: QueryRecord[]; dbMs: number }>();
  for (const query of queries) {
    if (query.error || !EXPLAINABLE.has(leadingKeyword(query.sql))) continue;
    const shape = byShape.get(query.shapeId);
    if (shape) {
      shape.runs.push(query);
      shape.dbMs += query.dbMs;
    } else byShape.set(query.shapeId, { runs: [query], dbMs: query.dbMs });
  }
  const chosen = [...byShape.values()].sort((a, b) => b.dbMs - a.dbMs).slice(0, limit);
  const plans = new Map<number, ShapePlan>();
  const capture = async (index: number) => {
    const tried = candidates(chosen[index]!.runs);
    const shape = await explain(database, await costliest(database, tried));
    plans.set(index, {
      ...shape,
      paramSetsTried: tried.length,
      findings: markExpectedScans(shape.findings, expectSeqScan),
      nested: shape.nested.map((inner) => ({ ...inner, findings: markExpectedScans(inner.findings, expectSeqScan) })),
    });
  };
  // Reads are explained on the data the workload left; writes on the data before it, where the rows
  // they deleted or changed are still there (so a cascade fires as it did).
  const writes = chosen.map((shape, index) => (isReadOnly(shape.runs[0]!.sql) ? -1 : index)).filter((index) => index >= 0);
  for (let index = 0; index < chosen.length; index++) if (!writes.includes(index)) await capture(index);
  // Without a marked start (a pass that never ran its workload) the writes are explained where they stand.
  if (writes.length) await database.rewindToWorkloadStart();
  for (const index of writes) await capture(index);
  return chosen.map((_, index) => plans.get(index)!);
}
