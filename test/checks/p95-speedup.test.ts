import { describe, expect, it } from 'vitest';
import { p95SpeedupCheck } from '../../src/engine/verdict/checks/p95-speedup.ts';
import { measured, pass, times } from './summary-builder.ts';

const starter = pass(times(20, { latencyMs: 40 }));

describe('p95Speedup', () => {
  it('a cache that only speeds up hits moves the median but fails on the slow misses', () => {
    // 18 hits at 1 ms, 2 misses as slow as the starter: the median is 40x better, the p95 not at all.
    const learner = pass([...times(18, { latencyMs: 1 }), ...times(2, { latencyMs: 40 })]);
    const verdict = p95SpeedupCheck.evaluate(3, measured(learner, starter));
    expect(verdict).toMatchObject({ passed: false, measured: 1 });
    expect(verdict.message).toBe('p95 request: 40.00 ms for the starter, 40.00 ms for yours (1x; the goal is 3x).');
  });

  it('a faster tail passes', () => {
    const verdict = p95SpeedupCheck.evaluate(3, measured(pass(times(20, { latencyMs: 8 })), starter));
    expect(verdict).toMatchObject({ passed: true, measured: 5 });
  });

  it('all cache hits give a finite ratio, never "inf"', () => {
    const verdict = p95SpeedupCheck.evaluate(3, measured(pass(times(20, { latencyMs: 0 })), starter));
    expect(verdict.measured).toBe(40000);
    expect(verdict.message).toMatch(/under 0\.001 ms for yours/);
  });

  it('scoped to getFeed, names the handler', () => {
    const feed = (ms: number) => pass([...times(5, { handler: 'addPost', latencyMs: 90 }), ...times(15, { handler: 'getFeed', latencyMs: ms })]);
    const verdict = p95SpeedupCheck.evaluate({ target: 3, handler: 'getFeed' }, measured(feed(10), feed(40)));
    expect(verdict).toMatchObject({ passed: true, measured: 4 });
    expect(verdict.message).toMatch(/^p95 getFeed request: 40\.00 ms for the starter, 10\.00 ms for yours/);
    expect(p95SpeedupCheck.label({ target: 3, handler: 'getFeed' })).toBe('At least 3x faster than the starter (p95 getFeed request)');
  });
});
