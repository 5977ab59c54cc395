import { describe, expect, it } from 'vitest';
import { maxCacheEntriesCheck } from '../../src/engine/verdict/checks/max-cache-entries.ts';
import { measured, pass, times } from './summary-builder.ts';

describe('maxCacheEntries', () => {
  it('a cache that grew past the limit fails, with its peak', () => {
    const learner = pass(times(5, {}), { cache: { instances: 1, peakEntries: 500, entries: 100 } });
    const verdict = maxCacheEntriesCheck.evaluate(100, measured(learner));
    expect(verdict).toMatchObject({ passed: false, measured: 500, message: 'At most 500 entries were cached at once (limit 100).' });
  });

  it('no LRUCache at all fails, even though nothing was stored', () => {
    const verdict = maxCacheEntriesCheck.evaluate(100, measured(pass(times(5, {}))));
    expect(verdict).toMatchObject({ passed: false, message: 'No LRUCache was created.' });
  });
});
