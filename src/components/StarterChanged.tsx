/**
 * Said when the lesson's starter changed since the learner began their attempt (the lesson was
 * updated): their code is kept as it was, and the change to the starter is one click away.
 */
import { useState } from 'react';
import { CodeDiff } from './editor/CodeDiff.tsx';

interface Props {
  /** The starter the attempt began from. */
  was: string;
  /** Today's starter. */
  now: string;
  /** The learner has read it: forget the old starter. */
  onAcknowledge: () => void;
}

export function StarterChanged({ was, now, onAcknowledge }: Props) {
  const [showing, setShowing] = useState(false);
  return (
    <section className="notice" aria-label="The starter changed">
      <p>
        <strong>This lesson's starter has changed since you began.</strong> Your code is kept as you left it; the goals are checked
        against today's lesson.
      </p>
      <div className="toolbar">
        <button type="button" aria-expanded={showing} onClick={() => setShowing((shown) => !shown)}>
          {showing ? 'Hide what changed' : 'Show what changed'}
        </button>
        <button type="button" onClick={onAcknowledge}>
          Got it
        </button>
      </div>
      {showing && (
        <CodeDiff label="Starter changes: handler.ts" caption="handler.ts: the starter you began from (left) and today's (right)" yours={was} theirs={now} language="typescript" />
      )}
    </section>
  );
}
