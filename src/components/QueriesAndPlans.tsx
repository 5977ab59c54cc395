/** The learner's query shapes; choosing one shows its plan beside the starter's plan of the same shape. */
import { useState } from 'react';
import type { RunReport } from '../engine/grade.ts';
import { QueryShapes } from './QueryShapes.tsx';
import { PlanTree } from './PlanTree.tsx';

/** `onRevealLine` is left out once the code has changed since the run: its line numbers are stale. */
export function QueriesAndPlans({ report, onRevealLine }: { report: RunReport; onRevealLine?: (line: number) => void }) {
  const { learner, starter } = report;
  // The costliest shape first: that is where a plan is most worth reading.
  const first = [...learner.shapes].sort((a, b) => b.totalDbMs - a.totalDbMs)[0]?.shapeId;
  const [selected, setSelected] = useState(first);
  const mine = learner.plans.find((plan) => plan.shapeId === selected);
  const theirs = starter.plans.find((plan) => plan.shapeId === selected);
  return (
    <>
      <QueryShapes shapes={learner.shapes} selected={selected} onSelect={setSelected} onRevealLine={onRevealLine} />
      <div className="plans">
        {mine ? <PlanTree shape={mine} title="Your plan" /> : selected && <p>No plan was captured for this shape.</p>}
        {theirs && <PlanTree shape={theirs} title="The starter's plan" />}
      </div>
    </>
  );
}
