/** `p95Speedup: X`: the learner's p95 request is at least X times faster than the starter's. */
import { z } from 'zod';
import type { CheckKind } from './check-kind.ts';
import { requestWord, scoped, unscope } from './scope.ts';
import { latencyRatioVerdict } from './latency-ratio-verdict.ts';

const schema = scoped(z.number().gt(1)).describe(
  'The starter\'s 95th-percentile simulated request latency divided by the learner\'s must be at least this.',
);

/**
 * Starter p95 over learner p95 is at least the target: the slow tail got faster, not only the
 * typical request (a cache that speeds up hits but not misses moves the median, not the p95).
 */
export const p95SpeedupCheck = {
  id: 'p95Speedup',
  schema,
  timed: 'higher',
  label(value) {
    const { target, handler } = unscope(value);
    return `At least ${target}x faster than the starter (p95 ${requestWord(handler)})`;
  },
  evaluate(value, measurements) {
    return latencyRatioVerdict(value, measurements, 'p95', `p95 ${requestWord(unscope(value).handler)}`);
  },
  docs: {
    syntax: 'p95Speedup: X',
    passesWhen: 'starter p95 / learner p95 >= X',
    computed:
      'Like `speedup`, with the 95th percentile (nearest rank) instead of the median: 95% of requests take at most that long, so it follows the slow tail. Use it when the tail is the lesson (cache misses, a big customer).',
  },
} satisfies CheckKind<'p95Speedup', typeof schema>;
