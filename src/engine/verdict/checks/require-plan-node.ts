/** `requirePlanNode: { node, relation }`: every plan that reads the table reads it with that node. */
import type { CheckKind } from './check-kind.ts';
import { describeRule, planNodeRules, planNodesOf, rulesOf, withArticle } from './plan-node-rule.ts';

const schema = planNodeRules.describe(
  'Every captured plan that reads `relation` must read it with a node of this type (an Index Only Scan, say); without `relation`, some plan must have the node.',
);

/** Each rule holds: every read of its table is that node type (or, with no table, the node appears). */
export const requirePlanNodeCheck = {
  id: 'requirePlanNode',
  schema,
  label: (value) => `Plans use ${rulesOf(value).map(describeRule).join(', ')}`,
  evaluate(value, { learner }) {
    const nodes = planNodesOf(learner);
    const broken = rulesOf(value).find((rule) => {
      if (!rule.relation) return !nodes.some(({ node }) => node.nodeType === rule.node);
      const reads = nodes.filter(({ node }) => node.relation === rule.relation);
      return reads.length === 0 || reads.some(({ node }) => node.nodeType !== rule.node);
    });
    if (!broken) return { passed: true, measured: 'yes', target: 'yes', message: `Every plan uses ${rulesOf(value).map(describeRule).join(', ')}.` };
    const other = broken.relation ? nodes.find(({ node }) => node.relation === broken.relation && node.nodeType !== broken.node) : undefined;
    return {
      passed: false,
      measured: other ? `${other.node.nodeType} on ${broken.relation}` : 'none',
      target: describeRule(broken),
      message: other
        ? `A query reads ${broken.relation} with ${withArticle(other.node.nodeType)}, not ${withArticle(broken.node)}: ${other.fingerprint}. See its plan.`
        : broken.relation ? `No plan reads ${broken.relation} with ${withArticle(broken.node)}.` : `No plan has ${withArticle(broken.node)}.`,
    };
  },
  docs: {
    syntax: 'requirePlanNode: { node, relation }',
    passesWhen: 'every read of the table is that node',
    computed:
      'Over every captured plan (see `noSeqScan` for which ones), nested statements included: every node that reads `relation` must be of type `node` (for example `{ node: Index Only Scan, relation: orders }`), and at least one must. Without `relation`, some node of that type must appear. A list means all of them.',
  },
} satisfies CheckKind<'requirePlanNode', typeof schema>;
