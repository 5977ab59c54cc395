/**
 * What `requirePlanNode` and `forbidPlanNode` share: a node type (optionally on one table) given
 * once or as a list, and the plan nodes of every captured shape, nested statements included.
 */
import { z } from 'zod';
import type { PassSummary } from '../../measure/summarise.ts';
import { shapePlanNodes } from '../../measure/capture-plans.ts';
import type { PlanNode } from '../../measure/plans.ts';

/** A plan node type as EXPLAIN names it ("Index Only Scan", "Sort"), optionally on one table. */
export const planNodeSchema = z
  .object({
    node: z.string().min(1).describe('The `Node Type` as EXPLAIN prints it: "Index Only Scan", "Sort", "Seq Scan"...'),
    relation: z.string().min(1).optional().describe('Only nodes that read this table.'),
  })
  .strict();

/** One rule or a list of them. */
export const planNodeRules = z.union([planNodeSchema, z.array(planNodeSchema).min(1)], {
  error: 'expected { node: "Node Type", relation?: table }, or a list of them',
});

export type PlanNodeRule = z.output<typeof planNodeSchema>;

/** The rules as a list. */
export function rulesOf(value: PlanNodeRule | PlanNodeRule[]): PlanNodeRule[] {
  return Array.isArray(value) ? value : [value];
}

/** The node type with its article: "an Index Only Scan", "a Sort". */
export function withArticle(text: string): string {
  return `${/^[AEIOU]/i.test(text) ? 'an' : 'a'} ${text}`;
}

/** "Index Only Scan on orders", "Sort". */
export function describeRule(rule: PlanNodeRule): string {
  return rule.relation ? `${rule.node} on ${rule.relation}` : rule.node;
}

/** Every plan node of the pass's captured shapes, with the shape's statement. */
export function planNodesOf(pass: PassSummary): { node: PlanNode; fingerprint: string }[] {
  return pass.plans.flatMap((shape) => shapePlanNodes(shape).map((node) => ({ node, fingerprint: shape.fingerprint })));
}
