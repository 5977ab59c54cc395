import { describe, expect, it } from 'vitest';
import { speedup, speedupCheck } from '../../src/engine/checks/speedup.ts';
import { measured, pass, times } from './summary-builder.ts';

const starter = pass(times(20, { latencyMs: 50 }));

describe('speedup', () => {
  it('ten times faster on the median passes a 10x goal', () => {
    const verdict = speedupCheck.evaluate(10, measured(pass(times(20, { latencyMs: 5 })), starter));
    expect(verdict).toMatchObject({ passed: true, measured: 10, target: 10 });
  });

  it('9.96x is shown as 9.9x, so it never reads as the 10x it failed', () => {
    const verdict = speedupCheck.evaluate(10, measured(pass(times(20, { latencyMs: 5.02 })), starter));
    expect(verdict).toMatchObject({ passed: false, measured: 9.9 });
    expect(verdict.message).toBe('Median request: 50.00 ms for the starter, 5.02 ms for yours (9.9x; the goal is 10x).');
  });

  it('all cache hits (a 0 ms median) read "under 0.001 ms" and a finite speedup, never "inf"', () => {
    const learner = pass(times(20, { latencyMs: 0 }));
    const verdict = speedupCheck.evaluate(3, measured(learner, starter));
    expect(verdict).toMatchObject({ passed: true, measured: 50000 });
    expect(verdict.message).toBe('Median request: 50.00 ms for the starter, under 0.001 ms for yours (50000x; the goal is 3x).');
    expect(verdict.message).not.toMatch(/inf/);
  });

  it('a starter and a fix that both take 0 ms are equally fast, not infinitely', () => {
    const instant = pass(times(5, { latencyMs: 0 }));
    expect(speedup(instant, instant)).toBe(1);
  });

  it('a sub-0.01 ms median keeps its digits instead of reading 0.00 ms', () => {
    const verdict = speedupCheck.evaluate(3, measured(pass(times(20, { latencyMs: 0.004 })), starter));
    expect(verdict.message).toMatch(/0\.004 ms for yours/);
  });
});
