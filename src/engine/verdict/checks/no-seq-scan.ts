/** `noSeqScan: [t, ...]`: no captured plan reads those tables with a Seq Scan. */
import { z } from 'zod';
import { walkPlan } from '../../measure/plans.ts';
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
      if (!shape.plan) continue;
      for (const node of walkPlan(shape.plan.root)) {
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
      'After the workload, each distinct query shape (literals and parameters stripped) is run once more, with the parameters it was first called with, under `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON)`; writes are rolled back afterwards. The 25 shapes with the most DB time in all are explained, so cheap padding queries cannot hide an expensive one. The check fails if any plan node is a `Seq Scan` on a listed table, however many rows it read.',
  },
} satisfies CheckKind<'noSeqScan', typeof schema>;
