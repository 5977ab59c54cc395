import { describe, expect, it } from 'vitest';
import { speedupCheck } from '../../src/engine/checks/speedup.ts';
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
});
