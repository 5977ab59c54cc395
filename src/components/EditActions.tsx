/**
 * Reset to the starter (asked first, undoable), and after a first run: show the solution beside
 * the code, and use it only when asked. Nothing here loses the learner's code: every replacement
 * keeps what it replaced for Undo.
 */
import { useEffect, useId, useRef, useState } from 'react';

interface Props {
  /** True once the learner has run their code at least once. */
  hasRun: boolean;
  showingSolution: boolean;
  onToggleSolution: () => void;
  /** Replaces the code (and migration) with the starter's. */
  onReset: () => void;
  onUseSolution: () => void;
  /** Present when the last replacement can be undone. */
  onUndo?: () => void;
}

export function EditActions({ hasRun, showingSolution, onToggleSolution, onReset, onUseSolution, onUndo }: Props) {
  const [confirming, setConfirming] = useState(false);
  const questionId = useId();
  // The button pressed disappears while asking: keep the keyboard where the question is (on the
  // harmless answer), and bring it back to "Reset to starter" once answered.
  const cancel = useRef<HTMLButtonElement>(null);
  const reset = useRef<HTMLButtonElement>(null);
  const asked = useRef(false);
  useEffect(() => {
    if (confirming) cancel.current?.focus();
    else if (asked.current) reset.current?.focus();
    asked.current = confirming;
  }, [confirming]);
  return (
    <div className="edit-actions">
      {confirming ? (
        <span role="group" aria-labelledby={questionId} onKeyDown={(event) => event.key === 'Escape' && setConfirming(false)}>
          <span id={questionId}>Replace your code with the starter?</span>{' '}
          <button type="button" onClick={() => (setConfirming(false), onReset())}>
            Yes, reset
          </button>{' '}
          <button type="button" ref={cancel} onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </span>
      ) : (
        <button type="button" ref={reset} onClick={() => setConfirming(true)}>
          Reset to starter
        </button>
      )}
      {onUndo && (
        <button type="button" onClick={onUndo}>
          Undo
        </button>
      )}
      {hasRun && (
        <button type="button" onClick={onToggleSolution} aria-expanded={showingSolution}>
          {showingSolution ? 'Hide solution' : 'Show solution'}
        </button>
      )}
      {hasRun && showingSolution && (
        <button type="button" onClick={onUseSolution}>
          Use solution
        </button>
      )}
    </div>
  );
}
