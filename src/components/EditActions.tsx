/**
 * Reset to the starter (asked first, undoable), and after a first run: show the solution beside
 * the code, and use it only when asked. Nothing here loses the learner's code: every replacement
 * keeps what it replaced for Undo.
 */
import { useState } from 'react';

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
  return (
    <div className="edit-actions">
      {confirming ? (
        <span role="group" aria-label="Confirm reset">
          Replace your code with the starter?{' '}
          <button type="button" onClick={() => (setConfirming(false), onReset())}>
            Yes, reset
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            Cancel
          </button>
        </span>
      ) : (
        <button type="button" onClick={() => setConfirming(true)}>
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
