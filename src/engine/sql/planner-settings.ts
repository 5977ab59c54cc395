/**
 * The planner's settings belong to the server, not to the code under test. A learner who writes
 * `SET enable_seqscan = off` gets an index scan without an index that makes it worth it: plan
 * checks would pass on a plan no default server would choose. Statements that change one are
 * refused before they run, and `plannerSettingChanges()` (pass/planner-guard.ts) catches what text
 * cannot show (a name built at run time, `EXECUTE` inside a function).
 */
import { blankComments } from './sql-lexer.ts';

/**
 * Every setting in PostgreSQL 18's "Query Tuning" categories (method configuration, cost
 * constants, genetic optimizer, other planner options) plus the two memory settings that decide
 * between hash and sort plans. test/plan-rules.test.ts compares this list with `pg_settings`.
 */
export const PLANNER_SETTINGS: readonly string[] = [
  'constraint_exclusion', 'cpu_index_tuple_cost', 'cpu_operator_cost', 'cpu_tuple_cost', 'cursor_tuple_fraction',
  'default_statistics_target', 'effective_cache_size', 'enable_async_append', 'enable_bitmapscan',
  'enable_distinct_reordering', 'enable_gathermerge', 'enable_group_by_reordering', 'enable_hashagg', 'enable_hashjoin',
  'enable_incremental_sort', 'enable_indexonlyscan', 'enable_indexscan', 'enable_material', 'enable_memoize',
  'enable_mergejoin', 'enable_nestloop', 'enable_parallel_append', 'enable_parallel_hash', 'enable_partition_pruning',
  'enable_partitionwise_aggregate', 'enable_partitionwise_join', 'enable_presorted_aggregate',
  'enable_self_join_elimination', 'enable_seqscan', 'enable_sort', 'enable_tidscan', 'from_collapse_limit', 'geqo',
  'geqo_effort', 'geqo_generations', 'geqo_pool_size', 'geqo_seed', 'geqo_selection_bias', 'geqo_threshold',
  'hash_mem_multiplier', 'jit', 'jit_above_cost', 'jit_inline_above_cost', 'jit_optimize_above_cost', 'join_collapse_limit',
  'min_parallel_index_scan_size', 'min_parallel_table_scan_size', 'parallel_setup_cost', 'parallel_tuple_cost',
  'plan_cache_mode', 'random_page_cost', 'recursive_worktable_factor', 'seq_page_cost', 'work_mem',
];

const names = PLANNER_SETTINGS.join('|');
/**
 * `SET [SESSION | LOCAL] name`, which is also how `ALTER SYSTEM / DATABASE / ROLE / FUNCTION ...
 * SET name` and `CREATE FUNCTION ... SET name` say it, and `set_config('name', ...)`. A name may
 * be double-quoted. Matched in string bodies too: a function body is a string.
 */
const CHANGE = new RegExp(`\\bset\\s+(?:(?:session|local)\\s+)?"?(${names})"?(?![\\w$])|\\bset_config\\s*\\(\\s*[eE]?'(${names})'`, 'gi');
/** Statements whose `SET` assigns columns, not settings (a function body inside them is still read). */
const COLUMN_SET = /^[\s(]*(update|insert|merge|with)\b/i;

/** A planner setting the statement would change, and the 0-based offset in `sql` where it does. */
export interface PlannerSettingChange {
  setting: string;
  index: number;
}

/** The first planner setting `sql` changes, if any (comments ignored). */
export function findPlannerSettingChange(sql: string): PlannerSettingChange | undefined {
  if (!/set/i.test(sql)) return undefined;
  const text = blankComments(sql);
  const columnsOnly = COLUMN_SET.test(text);
  for (const match of text.matchAll(CHANGE)) {
    if (match[1] && columnsOnly) continue;
    return { setting: (match[1] ?? match[2]!).toLowerCase(), index: match.index };
  }
  return undefined;
}

/** What the learner reads when a planner setting is refused. */
export function plannerSettingMessage(setting: string): string {
  return `Planner settings cannot be changed here (${setting}): Fastpath grades the plan Postgres chooses with its default settings, as a server you share would. Change the query, or add the index that makes the plan you want the cheapest.`;
}
