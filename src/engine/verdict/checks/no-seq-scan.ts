/** `noSeqScan: [t, ...]`: no captured plan reads those tables with a Seq Scan. */
import { z } from 'zod';
import { shapePlanNodes } from '../../measure/capture-plans.ts';
import type { CheckKind } from './check-kind.ts';

const schema = z
  .array(z.string().min(1))
  .min(1)
  .describe('Tables that no captured plan may read with a sequential scan.');

/** No plan of the learner's queries has a `Seq Scan` node on a listed table. */
export const noSeqScanCheck = {
  id: 'noSeqScan',
  schema,
  label: (tables) => `No sequential scan on ${tables.join(', ')}`,
  evaluate(tables, { learner }) {
    const scanned = new Set<string>();
    for (const shape of learner.plans) {
      for (const node of shapePlanNodes(shape)) {
        if (node.nodeType === 'Seq Scan' && node.relation && tables.includes(node.relation)) scanned.add(node.relation);
      }
    }
    const list = [...scanned];
    return {
      passed: list.length === 0,
      measured: list.length ? list.join(', ') : 'none',
      target: 'none',
      message:
        list.length === 0
          ? `No plan reads ${tables.join(', ')} with a sequential scan.`
          : `A query reads every row of ${list.join(', ')} (Seq Scan): see its plan.`,
    };
  },
  docs: {
    syntax: 'noSeqScan: [t, ...]',
    passesWhen: 'no Seq Scan on those tables',
    computed:
      'After the workload, each distinct query shape (literals and parameters stripped) is run once more under `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)` with the parameters the planner expects to cost the most among up to four it ran with (the two slowest, the one returning the most rows, the first); writes are rolled back afterwards. Statements run inside functions the query calls are planned too (auto_explain), so a wrapper cannot hide a scan. The 25 shapes with the most DB time in all are explained, so cheap padding queries cannot hide an expensive one. The check fails if any plan node, in the plan of the query or of a nested statement, is a `Seq Scan` on a listed table, however many rows it read.',
  },
} satisfies CheckKind<'noSeqScan', typeof schema>;
