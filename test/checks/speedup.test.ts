import { describe, expect, it } from 'vitest';
import { speedup, speedupCheck } from '../../src/engine/verdict/checks/speedup.ts';
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

  it('under a browser clock that moves in 0.1 ms steps, cache hits read "under 0.1 ms" and the speedup is a lower bound', () => {
    const learner = { ...pass(times(20, { latencyMs: 0 })), clockResolutionMs: 0.1 };
    const verdict = speedupCheck.evaluate(3, measured(learner, starter));
    expect(verdict).toMatchObject({ passed: true, measured: 500 });
    expect(verdict.message).toBe('Median request: 50.00 ms for the starter, under 0.1 ms for yours (500x; the goal is 3x).');
  });

  it('a starter and a fix that both take 0 ms are equally fast, not infinitely', () => {
    const instant = pass(times(5, { latencyMs: 0 }));
    expect(speedup(instant, instant)).toBe(1);
  });

  it('a sub-0.01 ms median keeps its digits instead of reading 0.00 ms', () => {
    const verdict = speedupCheck.evaluate(3, measured(pass(times(20, { latencyMs: 0.004 })), starter));
    expect(verdict.message).toMatch(/0\.004 ms for yours/);
  });

  describe('scoped to one handler', () => {
    // Writes stay slow in both passes; only the feed got faster.
    const mixed = (feedMs: number) => pass([...times(12, { handler: 'addPost', latencyMs: 30 }), ...times(8, { handler: 'getFeed', latencyMs: feedMs })]);

    it('a speedup scoped to getFeed ignores the slow writes', () => {
      const target = { target: 5, handler: 'getFeed' };
      expect(speedupCheck.evaluate(5, measured(mixed(2), mixed(40))).passed).toBe(false);
      const verdict = speedupCheck.evaluate(target, measured(mixed(2), mixed(40)));
      expect(verdict).toMatchObject({ passed: true, measured: 20, target: 5 });
      expect(verdict.message).toBe('Median getFeed request: 40.00 ms for the starter, 2.00 ms for yours (20x; the goal is 5x).');
    });

    it('names the handler in its goal', () => {
      expect(speedupCheck.label({ target: 5, handler: 'getFeed' })).toBe('At least 5x faster than the starter (median getFeed request)');
      expect(speedupCheck.label(5)).toBe('At least 5x faster than the starter (median request)');
    });

    it('a handler that served no request cannot pass', () => {
      const verdict = speedupCheck.evaluate({ target: 5, handler: 'getFeed' }, measured(pass(times(3, { handler: 'addPost' }))));
      expect(verdict).toMatchObject({ passed: false, measured: null, message: 'No getFeed request ran, so this could not be measured.' });
    });
  });
});
