/** `maxCacheEntries: N`: the caches never hold more than N entries at once. */
import { z } from 'zod';
import type { CheckKind } from './check-kind.ts';

const schema = z.number().int().min(1).describe('The most entries all LRUCache instances may hold at once during the run.');

/** The peak number of entries held by all caches together is at most the target. */
export const maxCacheEntriesCheck = {
  id: 'maxCacheEntries',
  schema,
  label: (target) => `At most ${target} cache entries`,
  evaluate(target, { learner }) {
    const { instances, peakEntries: peak } = learner.cache;
    return {
      passed: instances > 0 && peak <= target,
      measured: peak,
      target,
      message: instances === 0 ? 'No LRUCache was created.' : `At most ${peak} entries were cached at once (limit ${target}).`,
    };
  },
  docs: {
    syntax: 'maxCacheEntries: N',
    passesWhen: 'peak <= N',
    computed:
      'After every insert (`set()` or a `fetch()` that loaded), the entries held by all `LRUCache` instances together are added up; the check uses the highest total. It fails if no `LRUCache` was created.',
  },
} satisfies CheckKind<'maxCacheEntries', typeof schema>;
