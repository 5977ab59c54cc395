/** `maxP95Ms: T`: 95% of requests finish within T simulated ms. */
import { z } from 'zod';
import type { CheckKind } from './check-kind.ts';
import { formatMs } from './ratio.ts';
import { figuresOf, noRequestsOf, requestWord, scoped, unscope } from './scope.ts';

const schema = scoped(z.number().gt(0)).describe(
  'The 95th-percentile simulated request latency, in ms, must be at most this.',
);

/** The learner's p95 latency (of one handler's requests, if scoped) is at most the target, in ms. */
export const maxP95MsCheck = {
  id: 'maxP95Ms',
  schema,
  timed: 'lower',
  label(value) {
    const { target, handler } = unscope(value);
    return `95% of ${requestWord(handler)}s within ${target} ms`;
  },
  evaluate(value, { learner }) {
    const { target, handler } = unscope(value);
    const figures = figuresOf(learner, handler);
    if (!figures) return noRequestsOf(handler!, target);
    const p95 = figures.latency.p95;
    const requests = `${requestWord(handler)}s`;
    return {
      passed: p95 <= target,
      measured: p95,
      target,
      message:
        p95 <= target
          ? `95% of ${requests} took at most ${formatMs(p95)} (goal ${target} ms).`
          : `The slowest 5% of ${requests} took over ${target} ms: p95 is ${formatMs(p95)}, ${formatMs(p95 - target)} over the goal.`,
    };
  },
  docs: {
    syntax: 'maxP95Ms: T',
    passesWhen: 'learner p95 <= T ms',
    computed:
      'The 95th percentile (nearest rank) of the simulated latencies of all requests, or of one handler\'s. An absolute goal depends on `latency.rttMs` and on the machine\'s query times, so leave a wide margin; a ratio (`p95Speedup`) travels better.',
  },
} satisfies CheckKind<'maxP95Ms', typeof schema>;
