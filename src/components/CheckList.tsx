/** The lesson's goals with their outcome after a run: a list item per check. */
import type { ConfirmedResult } from '../engine/verdict/confirm.ts';

/** "Measured 3 times, starter and yours alternating: 4.1, 4.6, 4.4 (the middle one counts)." */
function spreadNote(spread: number[]): string {
  return ` Measured ${spread.length} times, the starter's pass and yours alternating, because the first result was close to the goal: ${spread.join(', ')} (the middle one counts).`;
}

export function CheckList({ checks }: { checks: ConfirmedResult[] }) {
  return (
    <ul className="checks" aria-label="Checks">
      {checks.map((check) => (
        <li key={check.id} className={check.passed ? 'passed' : 'failed'} data-check={check.id} data-measured={check.measured ?? ''} data-target={check.target}>
          <strong>{check.label}</strong>: {check.passed ? 'passed' : 'failed'}. {check.message}
          {check.spread && <span className="spread">{spreadNote(check.spread)}</span>}
        </li>
      ))}
    </ul>
  );
}
