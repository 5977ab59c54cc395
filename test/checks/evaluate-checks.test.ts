import { describe, expect, it } from 'vitest';
import { describeChecks, evaluateChecks } from '../../src/engine/verdict/checks.ts';
import { checksSchema } from '../../src/lessons/schema.ts';
import { answers, pass, times } from './summary-builder.ts';

const checks = checksSchema.parse({ correct: true, speedup: 2, maxQueriesPerRequest: 3 });
const starter = pass(times(10, { latencyMs: 40, queries: 10 }));

describe('evaluateChecks and describeChecks', () => {
  it('lists the goals in the registry order, whatever order the frontmatter used', () => {
    expect(describeChecks(checks).map((goal) => goal.id)).toEqual(['correct', 'maxQueriesPerRequest', 'speedup']);
  });

  it('a fast fix that passes everything gets every check', () => {
    const results = evaluateChecks({ checks, starter, learner: pass(times(10, { latencyMs: 4, queries: 1 })), mismatches: answers() });
    expect(results.map((result) => [result.id, result.passed])).toEqual([['correct', true], ['maxQueriesPerRequest', true], ['speedup', true]]);
  });

  it('code that raised errors fails every check, however fast it was, and says why', () => {
    const errors = [{ kind: 'runtime' as const, message: 'boom' }];
    const learner = pass(times(10, { latencyMs: 0.1, queries: 0 }), { errors });
    const results = evaluateChecks({ checks, starter, learner, mismatches: answers() });
    expect(results.every((result) => !result.passed)).toBe(true);
    expect(results[2].message).toBe('Your code raised errors during the run; fix them first (see the errors).');
    // The figures are still shown.
    expect(results[1].measured).toBe(0);
  });

  it('an unfinished workload says so instead of grading speed', () => {
    const learner = pass(times(3, { latencyMs: 1 }), { completed: false });
    const [correct] = evaluateChecks({ checks, starter, learner, mismatches: answers() });
    expect(correct.message).toBe('Your code did not run through the whole workload; see the errors.');
  });
});
