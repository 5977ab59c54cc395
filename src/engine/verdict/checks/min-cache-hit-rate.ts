/** `minCacheHitRate: R`: cache hits / reads over the run is at least R. */
import { z } from 'zod';
import type { CheckKind } from './check-kind.ts';

const schema = z
  .number()
  .gt(0)
  .max(1)
  .describe('Cache hits / (hits + misses) over the run, counted on LRUCache instances, must be at least this.');

/** The share of cache reads that hit is at least the target. */
export const minCacheHitRateCheck = {
  id: 'minCacheHitRate',
  schema,
  label: (target) => `Cache hit rate at least ${Math.round(target * 100)}%`,
  evaluate(target, { learner }) {
    const { hitRate: rate, hits, misses } = learner.cache;
    return {
      passed: rate !== null && rate >= target,
      measured: rate === null ? null : Math.round(rate * 1000) / 1000,
      target,
      message:
        rate === null
          ? 'No cache reads were seen: use LRUCache from lru-cache so Fastpath can count hits.'
          : `${hits} hits and ${misses} misses: ${Math.round(rate * 100)}% (goal ${Math.round(target * 100)}%).`,
    };
  },
  docs: {
    syntax: 'minCacheHitRate: R',
    passesWhen: 'hits / (hits + misses) >= R',
    computed:
      'Counts reads on every `LRUCache` the module creates: `get()`, `has()` and `fetch()`, as lru-cache\'s own status reports them (a `get()` right after a `has()` hit on the same key is one read). If nothing was ever read from a cache, the check fails. Reads can be made without saving work, so pair this check with `speedup`.',
  },
} satisfies CheckKind<'minCacheHitRate', typeof schema>;
