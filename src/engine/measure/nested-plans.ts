/**
 * Plans of the statements a query runs inside functions it calls. `EXPLAIN` shows a plpgsql
 * function as one opaque node (a Function Scan, or a Result); its statements are planned and run
 * separately. With auto_explain logging nested statements, Postgres sends each of their plans as a
 * LOG message while the query runs; they are collected here, one per distinct statement.
 */
import type { PassDatabase, StatementOutcome } from '../pass/pass-database.ts';
import { parsePlan, planFindings, walkPlan, type Plan, type PlanFinding } from './plans.ts';

/** A statement that ran inside a function, with the costliest of its plans. */
export interface NestedPlan {
  /** The statement as the function ran it (`Query Text`). */
  sql: string;
  /** How many times it ran during the explained query. */
  runs: number;
  plan: Plan;
  findings: PlanFinding[];
}

/** Distinct nested statements kept per query, at most. */
const MAX_NESTED = 10;

/**
 * Turned on for the explained statement only: SET LOCAL inside the engine's savepoint, which
 * `run(..., { rollback: true })` rolls back with the statement.
 */
const AUTO_EXPLAIN_ON = [
  'auto_explain.log_min_duration = 0',
  'auto_explain.log_analyze = on',
  'auto_explain.log_buffers = on',
  'auto_explain.log_timing = on',
  'auto_explain.log_format = json',
  'auto_explain.log_nested_statements = on',
  'client_min_messages = log',
]
  .map((setting) => `SET LOCAL ${setting};`)
  .join(' ');

/** The plan in one auto_explain message ("duration: 1.2 ms  plan:\n{...}"), if it holds one. */
function planOfMessage(message: string): { sql: string; plan: Plan } | undefined {
  const start = message.indexOf('{');
  if (!message.startsWith('duration:') || start === -1) return undefined;
  try {
    const json = JSON.parse(message.slice(start)) as Record<string, unknown>;
    return { sql: String(json['Query Text'] ?? ''), plan: parsePlan(json) };
  } catch {
    return undefined;
  }
}

const buffers = (plan: Plan) => walkPlan(plan.root).reduce((sum, node) => sum + node.buffers.hit + node.buffers.read, 0);

/**
 * Runs `explainSql` (an EXPLAIN of the learner's statement) with nested statements logged, rolls
 * it back, and returns its outcome with the nested plans.
 */
export async function explainNested(database: PassDatabase, explainSql: string, params: unknown[]): Promise<{ outcome: StatementOutcome; nested: NestedPlan[] }> {
  const messages: string[] = [];
  await database.settings(AUTO_EXPLAIN_ON);
  const outcome = await database.run(explainSql, params, { rollback: true, onNotice: (message) => messages.push(message) });
  const byText = new Map<string, NestedPlan>();
  for (const message of messages) {
    const logged = planOfMessage(message);
    // The explained statement itself is logged last, as the outermost statement.
    if (!logged || logged.sql.trim() === explainSql.trim()) continue;
    const known = byText.get(logged.sql);
    if (known) {
      known.runs++;
      if (buffers(logged.plan) > buffers(known.plan)) Object.assign(known, { plan: logged.plan, findings: planFindings(logged.plan) });
    } else if (byText.size < MAX_NESTED) {
      byText.set(logged.sql, { sql: logged.sql, runs: 1, plan: logged.plan, findings: planFindings(logged.plan) });
    }
  }
  return { outcome, nested: [...byText.values()] };
}
