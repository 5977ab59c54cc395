import { describe, expect, it } from 'vitest';
import { maxP95MsCheck } from '../../src/engine/verdict/checks/max-p95-ms.ts';
import { measured, pass, times } from './summary-builder.ts';

describe('maxP95Ms', () => {
  it('p95 over the target fails and says by how much', () => {
    // 19 quick requests and one slow one: the slow one is the p95 of twenty (nearest rank 19 is quick).
    const learner = pass([...times(18, { latencyMs: 5 }), ...times(2, { latencyMs: 35.2 })]);
    const verdict = maxP95MsCheck.evaluate(20, measured(learner));
    expect(verdict).toMatchObject({ passed: false, measured: 35.2, target: 20 });
    expect(verdict.message).toBe('The slowest 5% of requests took over 20 ms: p95 is 35.20 ms, 15.20 ms over the goal.');
  });

  it('one slow request in twenty is the 5% the goal forgives', () => {
    const learner = pass([...times(19, { latencyMs: 5 }), { latencyMs: 500 }]);
    const verdict = maxP95MsCheck.evaluate(20, measured(learner));
    expect(verdict).toMatchObject({ passed: true, measured: 5, message: '95% of requests took at most 5.00 ms (goal 20 ms).' });
  });

  it('scoped to getFeed, slow writes do not count', () => {
    const learner = pass([...times(10, { handler: 'addPost', latencyMs: 80 }), ...times(10, { handler: 'getFeed', latencyMs: 4 })]);
    expect(maxP95MsCheck.evaluate(20, measured(learner)).passed).toBe(false);
    const verdict = maxP95MsCheck.evaluate({ target: 20, handler: 'getFeed' }, measured(learner));
    expect(verdict).toMatchObject({ passed: true, measured: 4, message: '95% of getFeed requests took at most 4.00 ms (goal 20 ms).' });
  });

  it('reads as a goal before any run', () => {
    expect(maxP95MsCheck.label(20)).toBe('95% of requests within 20 ms');
    expect(maxP95MsCheck.label({ target: 20, handler: 'getFeed' })).toBe('95% of getFeed requests within 20 ms');
  });
});
