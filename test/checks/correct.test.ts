import { describe, expect, it } from 'vitest';
import { correctCheck } from '../../src/engine/verdict/checks/correct.ts';
import { answers, measured, pass, times } from './summary-builder.ts';

const learner = pass(times(20, { latencyMs: 1 }));

describe('correct', () => {
  it('passes when every answer matches and says how many were compared', () => {
    const verdict = correctCheck.evaluate(true, measured(learner));
    expect(verdict).toMatchObject({ passed: true, measured: '20/20', message: 'All 20 answers match.' });
  });

  it('fails on one wrong answer and shows the first difference', () => {
    const first = { step: 7, handler: 'handle', input: {}, expected: 1, actual: 2, stale: false, difference: 'expected 1, got 2' };
    const verdict = correctCheck.evaluate(true, measured(learner, learner, answers({ count: 1, first })));
    expect(verdict.passed).toBe(false);
    expect(verdict.measured).toBe('19/20');
    expect(verdict.message).toBe('1 of 20 answers differ from the reference; the first, at step 7: expected 1, got 2');
  });
});
