import { describe, expect, it } from 'vitest';
import { staleReadsCheck } from '../../src/engine/verdict/checks/stale-reads.ts';
import { answers, measured, pass, times } from './summary-builder.ts';

const learner = pass(times(20, {}));

describe('staleReads', () => {
  it('answers from before a write fail and point at invalidation', () => {
    const verdict = staleReadsCheck.evaluate(0, measured(learner, learner, answers({ count: 3, staleReads: 3 })));
    expect(verdict).toMatchObject({ passed: false, measured: 3, target: 0 });
    expect(verdict.message).toMatch(/^3 requests returned data from before a write: a copy kept across requests .* still held the old data\. Drop or expire it when the data changes, or keep it only for the request\.$/);
  });

  it('a few stale reads within the allowance pass', () => {
    expect(staleReadsCheck.evaluate(5, measured(learner, learner, answers({ count: 2, staleReads: 2 }))).passed).toBe(true);
  });

  it('says "no stale reads" as its goal when none are allowed', () => {
    expect(staleReadsCheck.label(0)).toBe('No stale reads after a write');
    expect(staleReadsCheck.label(4)).toBe('At most 4 stale reads');
  });
});
