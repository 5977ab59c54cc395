/** `forbidPlanNode: { node, relation? }`: no captured plan has that node (on that table). */
import type { CheckKind } from './check-kind.ts';
import { describeRule, planNodeRules, planNodesOf, rulesOf, withArticle } from './plan-node-rule.ts';

const schema = planNodeRules.describe('No captured plan may have a node of this type (on `relation`, when given): a Sort the index should make unnecessary, say.');

/** None of the listed node types appears in a plan of the learner's queries. */
export const forbidPlanNodeCheck = {
  id: 'forbidPlanNode',
  schema,
  label: (value) => `No ${rulesOf(value).map(describeRule).join(', ')} in the plans`,
  evaluate(value, { learner }) {
    const nodes = planNodesOf(learner);
    for (const rule of rulesOf(value)) {
      const found = nodes.find(({ node }) => node.nodeType === rule.node && (!rule.relation || node.relation === rule.relation));
      if (found) {
        return {
          passed: false,
          measured: describeRule(rule),
          target: 'none',
          message: `A plan still has ${withArticle(describeRule(rule))}: ${found.fingerprint}. See its plan.`,
        };
      }
    }
    return { passed: true, measured: 'none', target: 'none', message: `No plan has ${rulesOf(value).map((rule) => withArticle(describeRule(rule))).join(' or ')}.` };
  },
  docs: {
    syntax: 'forbidPlanNode: { node, relation? }',
    passesWhen: 'no plan has that node',
    computed: 'Over every captured plan, nested statements included: no node of type `node` (on `relation`, when given). A list means none of them.',
  },
} satisfies CheckKind<'forbidPlanNode', typeof schema>;
