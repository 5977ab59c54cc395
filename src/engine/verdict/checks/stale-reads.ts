/** `staleReads: N`: at most N answers served data from before a write. */
import { z } from 'zod';
import type { CheckKind } from './check-kind.ts';

const schema = z
  .number()
  .int()
  .min(0)
  .describe('The most answers allowed that equal an older answer to the same request (data served after it changed).');

/** Stale reads (wrong answers equal to an earlier right one) are at most the target. */
export const staleReadsCheck = {
  id: 'staleReads',
  schema,
  label: (target) => (target === 0 ? 'No stale reads after a write' : `At most ${target} stale reads`),
  evaluate(target, { mismatches }) {
    const { staleReads } = mismatches;
    return {
      passed: staleReads <= target,
      measured: staleReads,
      target,
      message:
        staleReads === 0
          ? 'No request was served data older than the last write.'
          : `${staleReads} requests returned data from before a write: a copy kept across requests (a cache, a memo, a variable at module level) still held the old data. Drop or expire it when the data changes, or keep it only for the request.`,
    };
  },
  docs: {
    syntax: 'staleReads: N',
    passesWhen: 'stale reads <= N',
    computed:
      'A stale read is a wrong answer that equals an answer the oracle gave *earlier* to the same handler with the same input: data that was right before it changed.',
  },
} satisfies CheckKind<'staleReads', typeof schema>;
