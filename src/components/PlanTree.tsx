/**
 * One query shape's plan as an indented tree (node, relation or index, exclusive time, rows), and
 * below it the plans of statements that ran inside functions the query called.
 */
import type { ShapePlan } from '../engine/measure/capture-plans.ts';
import { nodeTypeName, walkPlan, type Plan, type PlanFinding, type PlanNode, type PlanTrigger } from '../engine/measure/plans.ts';

function depths(root: PlanNode): Map<PlanNode, number> {
  const out = new Map<PlanNode, number>();
  const visit = (node: PlanNode, depth: number) => {
    out.set(node, depth);
    node.children.forEach((child) => visit(child, depth + 1));
  };
  visit(root, 0);
  return out;
}

function PlanNodes({ plan, findings }: { plan: Plan; findings: PlanFinding[] }) {
  const nodes = walkPlan(plan.root);
  const depth = depths(plan.root);
  const slowest = Math.max(...nodes.map((node) => node.exclusiveMs), 0.001);
  const flagged = new Set(findings.filter((finding) => finding.kind !== 'expected-seq-scan').map((finding) => finding.node));
  const misestimated = new Set(findings.filter((finding) => finding.kind === 'misestimate').map((finding) => finding.node));
  return (
    <>
      <ol>
        {nodes.map((node, index) => (
          <li key={index} className={flagged.has(index) ? 'finding' : undefined} style={{ paddingLeft: `${depth.get(node)! * 1.2}rem` }}>
            <strong>{nodeTypeName(node)}</strong>
            {node.relation && <> on {node.relation}</>}
            {node.index && <> using {node.index}</>}
            <span className="plan-bar" style={{ width: `${(node.exclusiveMs / slowest) * 6}rem` }} />
            <span className="plan-figures">
              {node.exclusiveMs.toFixed(2)} ms · rows {node.actualRows}{' '}
              {misestimated.has(index) ? (
                <mark className="misestimate" title="The planner chose this plan believing the estimate. Statistics that no longer describe the data are one cause (ANALYZE refreshes them); columns the planner treats as independent, or a join's combined conditions, are others">
                  (estimated {node.estimatedRows}: {Math.round(node.misestimate)}x off)
                </mark>
              ) : (
                <>(estimated {node.estimatedRows})</>
              )}
              {node.loops > 1 && <> × {node.loops} loops</>}
              {node.rowsRemoved > 0 && <> · {node.rowsRemoved} removed by filter</>}
              {typeof node.raw['Heap Fetches'] === 'number' && <> · heap fetches {node.raw['Heap Fetches']}</>}
              {' · '}buffers {node.buffers.hit + node.buffers.read}
            </span>
          </li>
        ))}
      </ol>
      <Triggers triggers={plan.triggers} executionMs={plan.executionMs} />
      {findings.length > 0 && (
        <ul className="findings">
          {findings.map((finding, index) => (
            <li key={index} className={finding.kind === 'expected-seq-scan' ? 'expected' : undefined}>
              {finding.message}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

/**
 * The triggers a write fired, with their time: a foreign key's cascade or check runs there, and
 * its time is in no node above (EXPLAIN prints it as "Trigger for constraint ...").
 */
function Triggers({ triggers, executionMs }: { triggers: PlanTrigger[]; executionMs: number }) {
  if (triggers.length === 0) return null;
  return (
    <ul className="plan-triggers" aria-label="Triggers">
      {triggers.map((trigger, index) => {
        const most = trigger.timeMs >= executionMs / 2 && trigger.timeMs >= 1;
        return (
          <li key={index} className={most ? 'finding' : undefined}>
            {trigger.constraint ? 'Trigger for constraint' : 'Trigger'} <strong>{trigger.name}</strong>
            {trigger.relation && <> on {trigger.relation}</>}: {trigger.timeMs.toFixed(2)} ms, {trigger.calls} {trigger.calls === 1 ? 'call' : 'calls'}
            {most && <> · most of the statement's time, spent outside the nodes above: see the statements it ran, below</>}
          </li>
        );
      })}
    </ul>
  );
}

export function PlanTree({ shape, title }: { shape: ShapePlan; title: string }) {
  if (!shape.plan) return <p>{title}: no plan ({shape.error ?? 'not explainable'}).</p>;
  const tried = shape.paramSetsTried > 1 ? ` (the costliest of ${shape.paramSetsTried} parameter sets it ran with)` : '';
  return (
    <figure className="plan" aria-label={title}>
      <figcaption>
        {title}: {shape.plan.executionMs.toFixed(2)} ms in Postgres{tried}
      </figcaption>
      <PlanNodes plan={shape.plan} findings={shape.findings} />
      {shape.nested.map((inner, index) => (
        <section key={index} className="nested-plan" aria-label="Inside a function or trigger">
          <p>
            Inside a function or trigger, ran {inner.runs} {inner.runs === 1 ? 'time' : 'times'}: <code>{inner.sql.trim()}</code>
          </p>
          <PlanNodes plan={inner.plan} findings={inner.findings} />
        </section>
      ))}
    </figure>
  );
}
