/** What `speedup` and `p95Speedup` share: the starter's latency over the learner's, at one percentile. */
import type { CheckMeasurements, CheckVerdict } from './check-kind.ts';
import { formatMs, latencyFloor, latencyRatio } from './ratio.ts';
import { figuresOf, noRequestsOf, unscope, type Scoped } from './scope.ts';

/**
 * The verdict of a latency-ratio goal: starter over learner at `percentile` (of one handler's
 * requests, if scoped), floored at what the learner's clock resolves, against the target.
 * @param what names the figure in the message: "Median request", "p95 getFeed request"
 */
export function latencyRatioVerdict(value: Scoped, { starter, learner }: CheckMeasurements, percentile: 'p50' | 'p95', what: string): CheckVerdict {
  const { target, handler } = unscope(value);
  const before = figuresOf(starter, handler);
  const after = figuresOf(learner, handler);
  if (!before || !after) return noRequestsOf(handler!, target);
  const floor = latencyFloor(learner);
  const measured = latencyRatio(before.latency[percentile], after.latency[percentile], floor);
  return {
    passed: measured >= target,
    measured,
    target,
    message: `${what}: ${formatMs(before.latency[percentile], floor)} for the starter, ${formatMs(after.latency[percentile], floor)} for yours (${measured}x; the goal is ${target}x).`,
  };
}
