/** The lesson's goals with their outcome after a run: a list item per check. */
import type { CheckResult } from '../engine/verdict/checks.ts';

export function CheckList({ checks }: { checks: CheckResult[] }) {
  return (
    <ul className="checks" aria-label="Checks">
      {checks.map((check) => (
        <li key={check.id} className={check.passed ? 'passed' : 'failed'}>
          <strong>{check.label}</strong>: {check.passed ? 'passed' : 'failed'}. {check.message}
        </li>
      ))}
    </ul>
  );
}
