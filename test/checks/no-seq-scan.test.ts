import { describe, expect, it } from 'vitest';
import { noSeqScanCheck } from '../../src/engine/verdict/checks/no-seq-scan.ts';
import type { PlanNode } from '../../src/engine/measure/plans.ts';
import type { ShapePlan } from '../../src/engine/measure/capture-plans.ts';
import { measured, pass, times } from './summary-builder.ts';

function node(nodeType: string, relation?: string, children: PlanNode[] = []): PlanNode {
  const figures = { estimatedRows: 1, actualRows: 1, loops: 1, rowsRemoved: 0, buffers: { hit: 0, read: 0 } };
  return { nodeType, relation, ...figures, inclusiveMs: 0, exclusiveMs: 0, misestimate: 1, children, raw: {} };
}

function planned(root: PlanNode): ShapePlan {
  return { shapeId: 'q1', fingerprint: 'SELECT ?', sql: 'SELECT 1', params: [], paramSetsTried: 1, plan: { root, triggers: [], planningMs: 0, executionMs: 0 }, findings: [], nested: [] };
}

describe('noSeqScan', () => {
  it('a Seq Scan on orders under a join fails and names the table', () => {
    const plans = [planned(node('Hash Join', undefined, [node('Seq Scan', 'orders'), node('Index Scan', 'customers')]))];
    const verdict = noSeqScanCheck.evaluate(['orders'], measured(pass(times(3, {}), { plans })));
    expect(verdict).toMatchObject({ passed: false, measured: 'orders' });
    expect(verdict.message).toBe('A query reads every row of orders (Seq Scan): see its plan.');
  });

  it('a Seq Scan on a small table that is not listed is fine', () => {
    const plans = [planned(node('Seq Scan', 'statuses')), planned(node('Index Scan', 'orders'))];
    const verdict = noSeqScanCheck.evaluate(['orders'], measured(pass(times(3, {}), { plans })));
    expect(verdict).toMatchObject({ passed: true, measured: 'none', message: 'No plan reads orders with a sequential scan.' });
  });

  it('lists the tables in its goal', () => {
    expect(noSeqScanCheck.label(['orders', 'customers'])).toBe('No sequential scan on orders, customers');
  });
});
