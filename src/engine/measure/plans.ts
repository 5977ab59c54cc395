/**
 * The plan-tree model: `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)` output parsed in one pass. Keys of
 * Postgres are kept verbatim in `raw`; everything computed here is a derived value and named so.
 */

/** One node of a plan. */
export interface PlanNode {
  /** `Node Type`, verbatim: "Seq Scan", "Index Scan", "Hash Join"... */
  nodeType: string;
  /** `Relation Name`, when the node reads a table. */
  relation?: string;
  /** `Index Name`, when the node uses an index. */
  index?: string;
  /** `Plan Rows`: the planner's estimate of rows per loop. */
  estimatedRows: number;
  /** `Actual Rows`: rows per loop, measured. */
  actualRows: number;
  /** `Actual Loops`. */
  loops: number;
  /** Rows the node read and threw away (`Rows Removed by Filter` + `Rows Removed by Index Recheck`). */
  rowsRemoved: number;
  /** Shared buffers hit + read (8 kB pages touched). */
  buffers: { hit: number; read: number };
  /** Derived: `Actual Total Time` x loops, in ms: time spent in this node and below. */
  inclusiveMs: number;
  /** Derived: inclusive time minus the children's inclusive time, in ms (never below 0). */
  exclusiveMs: number;
  /**
   * Derived: how far the estimate was off, as a factor >= 1 (10 means 10x over or under); 1 for a
   * node a Limit stopped early that returned fewer rows than estimated.
   */
  misestimate: number;
  children: PlanNode[];
  /** The node's keys as Postgres gave them, minus `Plans`. */
  raw: Record<string, unknown>;
}

/**
 * A trigger the statement fired, from `Triggers` of EXPLAIN ANALYZE: time spent there is not in
 * any node of the plan. A foreign key's checks and `ON DELETE CASCADE` run as such triggers.
 */
export interface PlanTrigger {
  /** `Constraint Name` for a foreign key's trigger ("tasks_project_id_fkey"), else `Trigger Name`. */
  name: string;
  /** True for a constraint's trigger: EXPLAIN's text format says "Trigger for constraint ...". */
  constraint: boolean;
  /** `Relation`: the table whose change fired it. */
  relation?: string;
  /** `Time`, ms: all its calls together. */
  timeMs: number;
  /** `Calls`. */
  calls: number;
}

/** A whole plan with its totals. */
export interface Plan {
  root: PlanNode;
  /** Triggers the statement fired, with their time (EXPLAIN ANALYZE of a write). */
  triggers: PlanTrigger[];
  /** `Planning Time`, ms. */
  planningMs: number;
  /** `Execution Time`, ms. */
  executionMs: number;
}

/** Something in a plan worth a learner's attention. */
export interface PlanFinding {
  /** `expected-seq-scan`: a sequential scan the lesson says is the right plan (not a problem). */
  kind: 'seq-scan' | 'expected-seq-scan' | 'misestimate';
  /** The node's position in a depth-first walk from the root (0 = root). */
  node: number;
  relation?: string;
  message: string;
}

/** A sequential scan reading at least this many rows is flagged. */
export const LARGE_SCAN_ROWS = 1000;
/** An estimate off by at least this factor is flagged. */
export const MISESTIMATE_FACTOR = 10;

/**
 * Parses the JSON of `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)`: the array Postgres returns, its
 * first element, or the text of either.
 * @throws Error when the input holds no plan
 */
export function parsePlan(explain: unknown): Plan {
  const value = typeof explain === 'string' ? JSON.parse(explain) : explain;
  const top = (Array.isArray(value) ? value[0] : value) as Record<string, unknown> | undefined;
  if (!top || typeof top !== 'object' || typeof top.Plan !== 'object') {
    throw new Error('Not an EXPLAIN (FORMAT JSON) result: no "Plan" key.');
  }
  return {
    root: parseNode(top.Plan as Record<string, unknown>),
    triggers: Array.isArray(top.Triggers) ? top.Triggers.map((trigger) => parseTrigger(trigger as Record<string, unknown>)) : [],
    planningMs: num(top['Planning Time']),
    executionMs: num(top['Execution Time']),
  };
}

/**
 * Nodes that read all of their input before returning a row: below them, a Limit above does not
 * stop anything early.
 */
function readsAllInput(node: Record<string, unknown>): boolean {
  const type = node['Node Type'];
  return type === 'Sort' || type === 'Hash' || (type === 'Aggregate' && node.Strategy !== 'Sorted');
}

/**
 * `cutShort`: a Limit above stops pulling rows from this node once it has enough (through its
 * outer input, or both inputs of a Merge Join), so fewer actual rows than estimated is no
 * misestimate: "Plan Rows" is what the node would return if run to the end.
 */
function parseNode(node: Record<string, unknown>, cutShort = false): PlanNode {
  const { Plans, ...raw } = node;
  const passesOn = (child: number) =>
    !readsAllInput(node) && (node['Node Type'] === 'Limit' || (cutShort && (child === 0 || node['Node Type'] === 'Merge Join')));
  const children = Array.isArray(Plans) ? Plans.map((child, index) => parseNode(child as Record<string, unknown>, passesOn(index))) : [];
  const loops = num(node['Actual Loops'], 1);
  const inclusiveMs = num(node['Actual Total Time']) * loops;
  // Children of an InitPlan/SubPlan run separately but Postgres still nests their time here.
  const childMs = children.reduce((sum, child) => sum + child.inclusiveMs, 0);
  const estimatedRows = num(node['Plan Rows']);
  const actualRows = num(node['Actual Rows']);
  return {
    nodeType: String(node['Node Type']),
    relation: typeof node['Relation Name'] === 'string' ? node['Relation Name'] : undefined,
    index: typeof node['Index Name'] === 'string' ? node['Index Name'] : undefined,
    estimatedRows,
    actualRows,
    loops,
    rowsRemoved: num(node['Rows Removed by Filter']) + num(node['Rows Removed by Index Recheck']),
    buffers: { hit: num(node['Shared Hit Blocks']), read: num(node['Shared Read Blocks']) },
    inclusiveMs,
    exclusiveMs: Math.max(0, inclusiveMs - childMs),
    misestimate: cutShort && actualRows < estimatedRows ? 1 : ratio(Math.max(estimatedRows, 1), Math.max(actualRows, 1)),
    children,
    raw,
  };
}

function parseTrigger(trigger: Record<string, unknown>): PlanTrigger {
  const constraint = typeof trigger['Constraint Name'] === 'string';
  return {
    name: String(constraint ? trigger['Constraint Name'] : trigger['Trigger Name']),
    constraint,
    relation: typeof trigger.Relation === 'string' ? trigger.Relation : undefined,
    timeMs: num(trigger.Time),
    calls: num(trigger.Calls),
  };
}

function ratio(a: number, b: number): number {
  return a > b ? a / b : b / a;
}

function num(value: unknown, fallback = 0): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : fallback;
}

/**
 * A node's type as EXPLAIN's text format names it: a write's `ModifyTable` is its operation
 * ("Delete", "Update", "Insert", "Merge"), the rest as Postgres gives them.
 */
export function nodeTypeName(node: PlanNode): string {
  return node.nodeType === 'ModifyTable' && typeof node.raw?.Operation === 'string' ? node.raw.Operation : node.nodeType;
}

/** Every node of a plan, depth first from the root. */
export function walkPlan(root: PlanNode): PlanNode[] {
  const out: PlanNode[] = [];
  const visit = (node: PlanNode) => {
    out.push(node);
    node.children.forEach(visit);
  };
  visit(root);
  return out;
}

/** Derived findings: sequential scans over many rows, and estimates off by 10x or more. */
export function planFindings(plan: Plan): PlanFinding[] {
  const findings: PlanFinding[] = [];
  walkPlan(plan.root).forEach((node, index) => {
    const scanned = (node.actualRows + node.rowsRemoved) * node.loops;
    if (node.nodeType === 'Seq Scan' && scanned >= LARGE_SCAN_ROWS) {
      findings.push({
        kind: 'seq-scan',
        node: index,
        relation: node.relation,
        message: `Sequential scan on ${node.relation ?? 'a table'} read ${scanned} rows to return ${node.actualRows * node.loops}.`,
      });
    }
    if (node.misestimate >= MISESTIMATE_FACTOR && Math.max(node.estimatedRows, node.actualRows) >= 100) {
      findings.push({
        kind: 'misestimate',
        node: index,
        relation: node.relation,
        message: `${node.nodeType}${node.relation ? ` on ${node.relation}` : ''}: estimated ${node.estimatedRows} rows, got ${node.actualRows} (${Math.round(node.misestimate)}x off).`,
      });
    }
  });
  return findings;
}

/**
 * Marks the sequential scans of `tables` as expected: on a small table, or for a filter that keeps
 * most rows, reading the whole table is the right plan, and the plan view should not call it a
 * problem (a lesson's `expectSeqScan`).
 */
export function markExpectedScans(findings: PlanFinding[], tables: readonly string[]): PlanFinding[] {
  if (tables.length === 0) return findings;
  return findings.map((finding) =>
    finding.kind === 'seq-scan' && finding.relation && tables.includes(finding.relation)
      ? { ...finding, kind: 'expected-seq-scan', message: `${finding.message} Here that is the right plan: most of the table is needed, or it is small.` }
      : finding,
  );
}
