/** The first request whose answer differs from the reference, readable. */
import type { MismatchReport } from '../engine/mismatches.ts';

const pretty = (value: unknown) => (value === undefined ? 'undefined' : JSON.stringify(value, null, 2));

export function MismatchView({ mismatches }: { mismatches: MismatchReport }) {
  const first = mismatches.first;
  if (!first) return null;
  return (
    <section className="mismatch" aria-label="First mismatch">
      <h3>
        {mismatches.count} of {mismatches.compared} answers differ{mismatches.staleReads ? ` (${mismatches.staleReads} stale)` : ''}
      </h3>
      <p>
        Request {first.step}: <code>{first.handler}({JSON.stringify(first.input)})</code>. {first.difference}
      </p>
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
    </section>
  );
}
