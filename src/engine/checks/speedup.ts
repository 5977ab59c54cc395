/** `speedup: X`: the learner's median request is at least X times faster than the starter's. */
import { z } from 'zod';
import type { PassSummary } from '../summarise.ts';
import type { CheckKind } from './check-kind.ts';
import { formatMs, latencyRatio, MIN_MEASURABLE_MS } from './ratio.ts';

const schema = z
  .number()
  .gt(1)
  .describe('Median simulated request latency of the starter divided by the learner\'s must be at least this.');

/**
 * Median simulated request latency, starter over learner, floored to one decimal (so a 9.96x that
 * fails a 10x goal never reads "10x"). A median under `MIN_MEASURABLE_MS` (all cache hits) counts
 * as that much, so the result is always a finite number.
 */
export function speedup(starter: PassSummary, learner: PassSummary): number {
  return latencyRatio(starter.latency.p50, learner.latency.p50);
}

/** Starter median over learner median is at least the target. */
export const speedupCheck = {
  id: 'speedup',
  schema,
  label: (target) => `At least ${target}x faster than the starter (median request)`,
  evaluate(target, { starter, learner }) {
    const measured = speedup(starter, learner);
    return {
      passed: measured >= target,
      measured,
      target,
      message: `Median request: ${formatMs(starter.latency.p50)} for the starter, ${formatMs(learner.latency.p50)} for yours (${measured}x; the goal is ${target}x).`,
    };
  },
  docs: {
    syntax: 'speedup: X',
    passesWhen: 'starter median / learner median >= X',
    computed:
      `The median is taken over the simulated latencies of all requests (nearest rank). The starter and the learner are timed in the same session under the same latency model. A median under ${MIN_MEASURABLE_MS} ms (all cache hits) counts as ${MIN_MEASURABLE_MS} ms, so the ratio stays a number.`,
  },
} satisfies CheckKind<'speedup', typeof schema>;
