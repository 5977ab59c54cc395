/** `speedup: X`: the learner's median request is at least X times faster than the starter's. */
import { z } from 'zod';
import type { PassSummary } from '../../measure/summarise.ts';
import type { CheckKind } from './check-kind.ts';
import { latencyFloor, latencyRatio, MIN_MEASURABLE_MS } from './ratio.ts';
import { requestWord, scoped, unscope } from './scope.ts';
import { latencyRatioVerdict } from './latency-ratio-verdict.ts';

const schema = scoped(z.number().gt(1)).describe(
  'Median simulated request latency of the starter divided by the learner\'s must be at least this.',
);

/**
 * Median simulated request latency, starter over learner, floored to one decimal (so a 9.96x that
 * fails a 10x goal never reads "10x"). A median under what the learner's clock resolves (all cache
 * hits) counts as that much, so the result is a lower bound and always a finite number.
 */
export function speedup(starter: PassSummary, learner: PassSummary): number {
  return latencyRatio(starter.latency.p50, learner.latency.p50, latencyFloor(learner));
}

/** Starter median over learner median (of one handler's requests, if scoped) is at least the target. */
export const speedupCheck = {
  id: 'speedup',
  schema,
  timed: 'higher',
  label(value) {
    const { target, handler } = unscope(value);
    return `At least ${target}x faster than the starter (median ${requestWord(handler)})`;
  },
  evaluate(value, measurements) {
    const { handler } = unscope(value);
    return latencyRatioVerdict(value, measurements, 'p50', handler === undefined ? 'Median request' : `Median ${handler} request`);
  },
  docs: {
    syntax: 'speedup: X',
    passesWhen: 'starter median / learner median >= X',
    computed: `The median is taken over the simulated latencies of all requests (nearest rank), or of one handler's with \`{ target, handler }\`. The starter and the learner are timed in the same session under the same latency model. A median under what the clock resolves (${MIN_MEASURABLE_MS} ms in Node, about 0.1 ms in a browser page that is not cross-origin isolated) counts as that much: the ratio is then a lower bound, and always a number.`,
  },
} satisfies CheckKind<'speedup', typeof schema>;
