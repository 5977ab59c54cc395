import { describe, expect, it } from 'vitest';
import { minCacheHitRateCheck } from '../../src/engine/verdict/checks/min-cache-hit-rate.ts';
import { measured, pass, times } from './summary-builder.ts';

const cached = (hits: number, misses: number) =>
  pass(times(5, {}), { cache: { instances: 1, hits, misses, hitRate: hits + misses ? hits / (hits + misses) : null } });

describe('minCacheHitRate', () => {
  it('a hit rate below the goal fails, with the hits and misses counted', () => {
    const verdict = minCacheHitRateCheck.evaluate(0.8, measured(cached(60, 40)));
    expect(verdict).toMatchObject({ passed: false, measured: 0.6, message: '60 hits and 40 misses: 60% (goal 80%).' });
  });

  it('code that never reads a cache fails and is told to use LRUCache', () => {
    const verdict = minCacheHitRateCheck.evaluate(0.5, measured(cached(0, 0)));
    expect(verdict.passed).toBe(false);
    expect(verdict.measured).toBeNull();
    expect(verdict.message).toMatch(/use LRUCache from lru-cache/);
  });

  it('reads its goal as a percentage', () => {
    expect(minCacheHitRateCheck.label(0.75)).toBe('Cache hit rate at least 75%');
  });
});
