/**
 * The plans of the learner's query shapes as indented text, for `lesson run`: what the plan view of
 * the lesson page shows (nodes with time, rows, estimates, loops, rows removed, buffers, heap
 * fetches; a write's triggers; statements run inside functions or triggers; findings). Defensive
 * like format-report.ts: a missing part prints less, never throws.
 */
import type { ShapePlan } from '../engine/measure/capture-plans.ts';
import { nodeTypeName, type Plan, type PlanFinding, type PlanNode } from '../engine/measure/plans.ts';

/** Shapes printed, at most (the plans come ordered by DB time, most first). */
const MAX_SHAPES = 5;

const fixed = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value.toFixed(2) : '?');
const oneLine = (sql: unknown, max = 110) => {
  const text = String(sql ?? '').replace(/\s+/g, ' ').trim();
  return text.length > max ? `${text.slice(0, max - 3)}...` : text;
};

function nodeLines(node: PlanNode | undefined, depth: number, out: string[]): void {
  if (!node) return;
  const parts = [`${fixed(node.exclusiveMs)} ms`, `rows ${node.actualRows} (estimated ${node.estimatedRows}${node.misestimate >= 10 ? `: ${Math.round(node.misestimate)}x off` : ''})`];
  if (node.loops > 1) parts.push(`x ${node.loops} loops`);
  if (node.rowsRemoved > 0) parts.push(`${node.rowsRemoved} removed by filter`);
  const heapFetches = node.raw?.['Heap Fetches'];
  if (typeof heapFetches === 'number') parts.push(`heap fetches ${heapFetches}`);
  parts.push(`buffers ${(node.buffers?.hit ?? 0) + (node.buffers?.read ?? 0)}`);
  const name = `${nodeTypeName(node)}${node.relation ? ` on ${node.relation}` : ''}${node.index ? ` using ${node.index}` : ''}`;
  out.push(`${'  '.repeat(depth)}${name}  ${parts.join(' · ')}`);
  for (const child of Array.isArray(node.children) ? node.children : []) nodeLines(child, depth + 1, out);
}

function planLines(plan: Plan, findings: PlanFinding[] | undefined, indent: number, out: string[]): void {
  nodeLines(plan.root, indent, out);
  const pad = '  '.repeat(indent);
  for (const trigger of Array.isArray(plan.triggers) ? plan.triggers : []) {
    out.push(`${pad}${trigger.constraint ? 'Trigger for constraint' : 'Trigger'} ${trigger.name}${trigger.relation ? ` on ${trigger.relation}` : ''}: ${fixed(trigger.timeMs)} ms, ${trigger.calls} ${trigger.calls === 1 ? 'call' : 'calls'}`);
  }
  for (const finding of Array.isArray(findings) ? findings : []) out.push(`${pad}${finding.kind === 'expected-seq-scan' ? '(expected) ' : '! '}${finding.message}`);
}

/** The "Plans" section: one block per shape, or nothing when no plan was captured. */
export function formatPlans(plans: ShapePlan[] | undefined): string[] {
  const shapes = (Array.isArray(plans) ? plans : []).filter((shape) => shape?.plan);
  if (shapes.length === 0) return [];
  const out = ['', '  Your plans (EXPLAIN ANALYZE of each query shape, with the costliest parameters it ran with):'];
  for (const shape of shapes.slice(0, MAX_SHAPES)) {
    out.push('', `    ${oneLine(shape.sql)}  (${fixed(shape.plan!.executionMs)} ms in Postgres)`);
    planLines(shape.plan!, shape.findings, 3, out);
    for (const inner of Array.isArray(shape.nested) ? shape.nested : []) {
      out.push(`      Inside a function or trigger, ran ${inner.runs} ${inner.runs === 1 ? 'time' : 'times'}: ${oneLine(inner.sql)}`);
      planLines(inner.plan, inner.findings, 4, out);
    }
  }
  if (shapes.length > MAX_SHAPES) out.push('', `    ...and ${shapes.length - MAX_SHAPES} more shapes: --json has every plan.`);
  return out;
}
