import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parsePlan, planFindings, walkPlan, type Plan } from '../src/engine/measure/plans.ts';

/** Real EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) output from PGlite: scripts/capture-plan-fixtures.ts. */
function fixture(name: string): Plan {
  const { explain } = JSON.parse(readFileSync(new URL(`./fixtures/plans/${name}.json`, import.meta.url), 'utf8'));
  return parsePlan(explain);
}
const shape = (plan: Plan) => walkPlan(plan.root).map((node) => [node.nodeType, node.relation ?? node.index ?? null]);

describe('plan parsing on a fixture corpus', () => {
  it('a filtered sequential scan: relation, rows removed, a finding', () => {
    const plan = fixture('seq-scan-filter');
    expect(shape(plan)).toEqual([['Seq Scan', 'orders']]);
    expect(plan.root.actualRows + plan.root.rowsRemoved).toBe(50000);
    expect(plan.root.buffers.hit + plan.root.buffers.read).toBeGreaterThan(0);
    expect(plan.executionMs).toBeGreaterThan(0);
    expect(planFindings(plan)).toEqual([expect.objectContaining({ kind: 'seq-scan', relation: 'orders', node: 0 })]);
  });

  it('an index scan: the index name, no finding', () => {
    const plan = fixture('index-scan');
    expect(plan.root).toMatchObject({ nodeType: 'Index Scan', relation: 'orders', index: 'orders_pkey', actualRows: 1 });
    expect(planFindings(plan)).toEqual([]);
  });

  it('a bitmap scan under an aggregate: tree order and exclusive time', () => {
    const plan = fixture('bitmap-heap-scan');
    expect(shape(plan)).toEqual([['Aggregate', null], ['Bitmap Heap Scan', 'orders'], ['Bitmap Index Scan', 'orders_customer_idx']]);
    for (const node of walkPlan(plan.root)) {
      const children = node.children.reduce((sum, child) => sum + child.inclusiveMs, 0);
      expect(node.exclusiveMs).toBeCloseTo(Math.max(0, node.inclusiveMs - children), 9);
    }
  });

  it('a hash join: the seq scan feeding the hash is found even deep in the tree', () => {
    const plan = fixture('hash-join-sort');
    expect(shape(plan).map(([type]) => type)).toEqual(['Sort', 'Aggregate', 'Hash Join', 'Bitmap Heap Scan', 'Bitmap Index Scan', 'Hash', 'Seq Scan']);
    expect(planFindings(plan).map((finding) => [finding.kind, finding.relation, finding.node])).toEqual([['seq-scan', 'customers', 6]]);
  });

  it('loops multiply per-loop times and rows; a 10x misestimate is flagged', () => {
    const plan = fixture('nested-loop-lateral');
    const heap = walkPlan(plan.root).find((node) => node.nodeType === 'Bitmap Heap Scan')!;
    expect(heap.loops).toBe(20);
    expect(heap.inclusiveMs).toBeCloseTo((heap.raw['Actual Total Time'] as number) * 20, 9);
    const findings = planFindings(plan).filter((finding) => finding.kind === 'misestimate');
    expect(findings.length).toBeGreaterThan(0);
    expect(findings[0].message).toMatch(/estimated 268 rows, got 20 \(13x off\)/);
  });

  it('rows a Limit did not ask for are no misestimate, but below a Sort they count', () => {
    const scan = (rows: number) => ({ 'Node Type': 'Index Scan', 'Relation Name': 'audit_events', 'Plan Rows': 200_000, 'Actual Rows': rows, 'Actual Loops': 1 });
    const limit = (child: object) => [{ Plan: { 'Node Type': 'Limit', 'Plan Rows': 50, 'Actual Rows': 50, 'Actual Loops': 1, Plans: [child] } }];
    const misestimated = (explain: unknown) => planFindings(parsePlan(explain)).filter((finding) => finding.kind === 'misestimate').map((finding) => finding.node);
    // Keyset pagination: the scan stops after 50 of the 200,000 rows it would return.
    expect(misestimated(limit(scan(50)))).toEqual([]);
    // The same scan run to the end, returning 50: the planner was 4000x off.
    expect(misestimated([{ Plan: scan(50) }])).toEqual([0]);
    // A Sort reads all of its input, so its scan is judged on the rows it returned.
    const sort = { 'Node Type': 'Sort', 'Plan Rows': 200_000, 'Actual Rows': 50, 'Actual Loops': 1, Plans: [scan(50)] };
    expect(misestimated(limit(sort))).toEqual([2]);
  });

  it('a 3x misestimate is not flagged; a write plan parses', () => {
    expect(planFindings(fixture('misestimate')).map((finding) => finding.kind)).toEqual(['seq-scan']);
    expect(shape(fixture('update'))).toEqual([['ModifyTable', 'orders'], ['Index Scan', 'orders']]);
  });

  it('keeps Postgres keys verbatim in raw and accepts text input', () => {
    const { explain } = JSON.parse(readFileSync(new URL('./fixtures/plans/index-scan.json', import.meta.url), 'utf8'));
    const plan = parsePlan(JSON.stringify(explain));
    expect(plan.root.raw).toMatchObject({ 'Node Type': 'Index Scan', 'Index Name': 'orders_pkey' });
    expect(() => parsePlan({ nope: true })).toThrow(/no "Plan" key/);
  });
});
