/** `maxHeapFetches: N`: no index-only scan in a captured plan fetched more than N rows from the table. */
import { z } from 'zod';
import type { CheckKind } from './check-kind.ts';
import { planNodesOf } from './plan-node-rule.ts';

const schema = z.number().int().min(0).describe('The most rows any Index Only Scan in a captured plan may fetch from the table (`Heap Fetches`).');

/** The index-only scan with the most heap fetches fetched at most the target. */
export const maxHeapFetchesCheck = {
  id: 'maxHeapFetches',
  schema,
  label: (target) => `Index-only scans fetch at most ${target} rows from the table`,
  evaluate(target, { learner }) {
    const scans = planNodesOf(learner).filter(({ node }) => node.nodeType === 'Index Only Scan');
    if (scans.length === 0) {
      return { passed: false, measured: 'none', target, message: 'No plan has an Index Only Scan: the index does not cover every column the query reads.' };
    }
    const fetches = (raw: Record<string, unknown>) => (typeof raw['Heap Fetches'] === 'number' ? raw['Heap Fetches'] : 0);
    const worst = scans.reduce((most, scan) => (fetches(scan.node.raw) * scan.node.loops > fetches(most.node.raw) * most.node.loops ? scan : most));
    const fetched = fetches(worst.node.raw) * worst.node.loops;
    return {
      passed: fetched <= target,
      measured: fetched,
      target,
      message:
        fetched <= target
          ? `Index-only scans fetched ${fetched} rows from the table.`
          : `An Index Only Scan fetched ${fetched} rows from the table anyway: ${worst.fingerprint}.`,
    };
  },
  docs: {
    syntax: 'maxHeapFetches: N',
    passesWhen: 'every Index Only Scan fetched <= N rows',
    computed:
      'Over every captured plan, nested statements included: `Heap Fetches` x loops of each `Index Only Scan` node; the largest must be at most N. Fails when no plan has an Index Only Scan. The seed is followed by VACUUM, so a covering index fetches nothing unless the pass itself changed the rows.',
  },
} satisfies CheckKind<'maxHeapFetches', typeof schema>;
