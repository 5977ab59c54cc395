/** `speedup: X`: the learner's median request is at least X times faster than the starter's. */
import { z } from 'zod';
import type { PassSummary } from '../summarise.ts';
import type { CheckKind } from './check-kind.ts';

const schema = z
  .number()
  .gt(1)
  .describe('Median simulated request latency of the starter divided by the learner\'s must be at least this.');

/**
 * Median simulated request latency, starter over learner, floored to one decimal (so a 9.96x that
 * fails a 10x goal never reads "10x"); Infinity when the learner's median is 0 (all cache hits).
 */
export function speedup(starter: PassSummary, learner: PassSummary): number {
  if (learner.latency.p50 <= 0) return Infinity;
  return Math.floor((starter.latency.p50 / learner.latency.p50) * 10) / 10;
}

/** Starter median over learner median is at least the target. */
export const speedupCheck = {
  id: 'speedup',
  schema,
  label: (target) => `At least ${target}x faster than the starter (median request)`,
  evaluate(target, { starter, learner }) {
    const measured = speedup(starter, learner);
    const shown = Number.isFinite(measured) ? measured : 'inf';
    return {
      passed: measured >= target,
      measured: shown,
      target,
      message: `Median request: ${starter.latency.p50.toFixed(2)} ms for the starter, ${learner.latency.p50.toFixed(2)} ms for yours (${shown}x; the goal is ${target}x).`,
    };
  },
  docs: {
    syntax: 'speedup: X',
    passesWhen: 'starter median / learner median >= X',
    computed:
      'The median is taken over the simulated latencies of all requests (nearest rank). The starter and the learner are timed in the same session under the same latency model. A learner median of 0 (all cache hits) counts as infinitely fast.',
  },
} satisfies CheckKind<'speedup', typeof schema>;
