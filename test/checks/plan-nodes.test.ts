import { describe, expect, it } from 'vitest';
import { requirePlanNodeCheck } from '../../src/engine/verdict/checks/require-plan-node.ts';
import { forbidPlanNodeCheck } from '../../src/engine/verdict/checks/forbid-plan-node.ts';
import { maxHeapFetchesCheck } from '../../src/engine/verdict/checks/max-heap-fetches.ts';
import type { PlanNode } from '../../src/engine/measure/plans.ts';
import type { ShapePlan } from '../../src/engine/measure/capture-plans.ts';
import { measured, pass, times } from './summary-builder.ts';

function node(nodeType: string, relation?: string, children: PlanNode[] = [], raw: Record<string, unknown> = {}): PlanNode {
  const figures = { estimatedRows: 1, actualRows: 1, loops: 1, rowsRemoved: 0, buffers: { hit: 0, read: 0 } };
  return { nodeType, relation, ...figures, inclusiveMs: 0, exclusiveMs: 0, misestimate: 1, children, raw };
}

function planned(fingerprint: string, root: PlanNode, nested: PlanNode[] = []): ShapePlan {
  const plan = (top: PlanNode) => ({ root: top, triggers: [], planningMs: 0, executionMs: 0 });
  return {
    shapeId: fingerprint,
    fingerprint,
    sql: fingerprint,
    params: [],
    paramSetsTried: 1,
    plan: plan(root),
    findings: [],
    nested: nested.map((inner) => ({ sql: 'SELECT inside', runs: 1, plan: plan(inner), findings: [] })),
  };
}

const withPlans = (...plans: ShapePlan[]) => measured(pass(times(2, {}), { plans }));
const covering = { node: 'Index Only Scan', relation: 'orders' };

describe('requirePlanNode', () => {
  it('passes when every read of the table is an Index Only Scan', () => {
    const verdict = requirePlanNodeCheck.evaluate(covering, withPlans(planned('SELECT sum(total) FROM orders', node('Aggregate', undefined, [node('Index Only Scan', 'orders')]))));
    expect(verdict).toMatchObject({ passed: true, message: 'Every plan uses Index Only Scan on orders.' });
  });

  it('fails when a second query still reads the table another way, naming it', () => {
    const verdict = requirePlanNodeCheck.evaluate(
      covering,
      withPlans(planned('SELECT count(*) FROM orders', node('Index Only Scan', 'orders')), planned('SELECT * FROM orders WHERE shop = ?', node('Bitmap Heap Scan', 'orders'))),
    );
    expect(verdict).toMatchObject({ passed: false, measured: 'Bitmap Heap Scan on orders' });
    expect(verdict.message).toBe('A query reads orders with a Bitmap Heap Scan, not an Index Only Scan: SELECT * FROM orders WHERE shop = ?. See its plan.');
  });

  it('a read hidden inside a function counts', () => {
    const verdict = requirePlanNodeCheck.evaluate(covering, withPlans(planned('SELECT shop_total(?)', node('Result'), [node('Seq Scan', 'orders')])));
    expect(verdict.passed).toBe(false);
  });

  it('fails when nothing reads the table at all', () => {
    expect(requirePlanNodeCheck.evaluate(covering, withPlans(planned('SELECT 1', node('Result'))))).toMatchObject({ passed: false, message: 'No plan reads orders with an Index Only Scan.' });
  });
});

describe('forbidPlanNode', () => {
  it('a Sort left in a plan fails and names the query', () => {
    const verdict = forbidPlanNodeCheck.evaluate({ node: 'Sort' }, withPlans(planned('SELECT * FROM tasks ORDER BY updated_at DESC LIMIT ?', node('Limit', undefined, [node('Sort', undefined, [node('Seq Scan', 'tasks')])]))));
    expect(verdict).toMatchObject({ passed: false, measured: 'Sort' });
    expect(verdict.message).toBe('A plan still has a Sort: SELECT * FROM tasks ORDER BY updated_at DESC LIMIT ?. See its plan.');
  });

  it('passes when the index returns rows in order', () => {
    const verdict = forbidPlanNodeCheck.evaluate([{ node: 'Sort' }, { node: 'Seq Scan', relation: 'tasks' }], withPlans(planned('SELECT ...', node('Limit', undefined, [node('Index Scan', 'tasks')]))));
    expect(verdict).toMatchObject({ passed: true, message: 'No plan has a Sort or a Seq Scan on tasks.' });
  });
});

describe('maxHeapFetches', () => {
  it('an index-only scan that still visits the table fails with the count', () => {
    const scan = node('Index Only Scan', 'orders', [], { 'Heap Fetches': 40 });
    scan.loops = 3;
    const verdict = maxHeapFetchesCheck.evaluate(0, withPlans(planned('SELECT count(*) FROM orders WHERE shop = ?', scan)));
    expect(verdict).toMatchObject({ passed: false, measured: 120, target: 0 });
  });

  it('zero heap fetches passes; no index-only scan at all fails and says why', () => {
    expect(maxHeapFetchesCheck.evaluate(0, withPlans(planned('q', node('Index Only Scan', 'orders', [], { 'Heap Fetches': 0 }))))).toMatchObject({ passed: true, measured: 0 });
    expect(maxHeapFetchesCheck.evaluate(0, withPlans(planned('q', node('Index Scan', 'orders'))))).toMatchObject({
      passed: false,
      message: 'No plan has an Index Only Scan: the index does not cover every column the query reads.',
    });
  });
});
