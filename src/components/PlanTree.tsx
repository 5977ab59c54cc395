/** One query shape's plan as an indented tree: node, relation or index, exclusive time, rows. */
import type { ShapePlan } from '../engine/measure/capture-plans.ts';
import { walkPlan, type PlanNode } from '../engine/measure/plans.ts';

function depths(root: PlanNode): Map<PlanNode, number> {
  const out = new Map<PlanNode, number>();
  const visit = (node: PlanNode, depth: number) => {
    out.set(node, depth);
    node.children.forEach((child) => visit(child, depth + 1));
  };
  visit(root, 0);
  return out;
}

export function PlanTree({ shape, title }: { shape: ShapePlan; title: string }) {
  if (!shape.plan) return <p>{title}: no plan ({shape.error ?? 'not explainable'}).</p>;
  const nodes = walkPlan(shape.plan.root);
  const depth = depths(shape.plan.root);
  const slowest = Math.max(...nodes.map((node) => node.exclusiveMs), 0.001);
  const flagged = new Set(shape.findings.map((finding) => finding.node));
  return (
    <figure className="plan" aria-label={title}>
      <figcaption>
        {title}: {shape.plan.executionMs.toFixed(2)} ms in Postgres
      </figcaption>
      <ol>
        {nodes.map((node, index) => (
          <li key={index} className={flagged.has(index) ? 'finding' : undefined} style={{ paddingLeft: `${depth.get(node)! * 1.2}rem` }}>
            <strong>{node.nodeType}</strong>
            {node.relation && <> on {node.relation}</>}
            {node.index && <> using {node.index}</>}
            <span className="plan-bar" style={{ width: `${(node.exclusiveMs / slowest) * 6}rem` }} />
            <span className="plan-figures">
              {node.exclusiveMs.toFixed(2)} ms · rows {node.actualRows} (estimated {node.estimatedRows})
              {node.loops > 1 && <> × {node.loops} loops</>}
              {node.rowsRemoved > 0 && <> · {node.rowsRemoved} removed by filter</>}
              {' · '}buffers {node.buffers.hit + node.buffers.read}
            </span>
          </li>
        ))}
      </ol>
      {shape.findings.length > 0 && (
        <ul className="findings">
          {shape.findings.map((finding, index) => (
            <li key={index}>{finding.message}</li>
          ))}
        </ul>
      )}
    </figure>
  );
}
