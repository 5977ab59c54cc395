/**
 * The first request whose answer differs from the reference, readable: for a stale read in
 * concurrent traffic, the write it missed (its line one click away); for checked state, the rows
 * the reference has and the learner's data lacks, and the other way round.
 */
import type { MismatchReport } from '../engine/verdict/mismatches.ts';
import { StateRows } from './StateRows.tsx';

const pretty = (value: unknown) => (value === undefined ? 'undefined' : JSON.stringify(value, null, 2));

/** "updatePrice() at line 52 (step 960): UPDATE ...", with the line a link when it can be shown. */
function MissedWrite({ write, onRevealLine }: { write: string; onRevealLine?: (line: number) => void }) {
  const at = /at line (\d+)/.exec(write);
  if (!at || !onRevealLine) return <p className="missed-write">It missed: {write}</p>;
  const line = Number(at[1]);
  return (
    <p className="missed-write">
      It missed: {write.slice(0, at.index)}
      <button type="button" className="link" onClick={() => onRevealLine(line)} title="Show this line in the editor">
        at line {line}
      </button>
      {write.slice(at.index + at[0].length)}
    </p>
  );
}

interface Props {
  mismatches: MismatchReport;
  /** Shows a line of the handler; absent once the code changed since the run. */
  onRevealLine?: (line: number) => void;
}

/** The mismatch panel, or nothing when every answer matched. */
export function MismatchView({ mismatches, onRevealLine }: Props) {
  const first = mismatches.first;
  if (!first) return null;
  const state = first.handler === 'checked state';
  return (
    <section className="mismatch" aria-label="First mismatch">
      <h3>
        {mismatches.count} of {mismatches.compared} answers differ{mismatches.staleReads ? ` (${mismatches.staleReads} stale)` : ''}
      </h3>
      {state ? (
        <p>{first.difference}</p>
      ) : (
        <p>
          Request {first.step}: <code>{first.handler}({JSON.stringify(first.input)})</code>. {first.difference}
        </p>
      )}
      {first.missedWrite && <MissedWrite write={first.missedWrite} onRevealLine={onRevealLine} />}
      {state ? (
        <div className="mismatch-sides">
          <StateRows title="Missing: the reference has these rows, yours does not" rows={first.expected} />
          <StateRows title="Extra: yours has these rows, the reference does not" rows={first.actual} />
        </div>
      ) : (
        <div className="mismatch-sides">
          <div>
            <h4>Expected</h4>
            <pre>{pretty(first.expected)}</pre>
          </div>
          {!first.error && (
            <div>
              <h4>Yours</h4>
              <pre>{pretty(first.actual)}</pre>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
