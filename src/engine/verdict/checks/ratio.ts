/** Latency ratios and how latencies read, shared by the speedup checks and the CLI's table. */

/**
 * The shortest latency a ratio divides by, in ms. A request answered from a cache can take 0
 * simulated ms; dividing by the floor instead keeps every ratio a finite number ("4090x", never
 * "inf"), which a learner can compare with a goal.
 */
export const MIN_MEASURABLE_MS = 0.001;

/**
 * `starterMs / learnerMs`, both floored at `MIN_MEASURABLE_MS`, then floored to one decimal, so a
 * 9.96x that fails a 10x goal never reads "10x". Two zero latencies are equally fast: 1.
 */
export function latencyRatio(starterMs: number, learnerMs: number): number {
  const ratio = Math.max(starterMs, MIN_MEASURABLE_MS) / Math.max(learnerMs, MIN_MEASURABLE_MS);
  // The epsilon keeps a ratio computed as 2.9999999 from flooring to 2.9.
  return Math.floor(ratio * 10 + 1e-9) / 10;
}

/** A latency as a learner reads it: "12.34 ms", "0.004 ms", or "under 0.001 ms" for a floored one. */
export function formatMs(ms: number): string {
  if (ms < MIN_MEASURABLE_MS) return `under ${MIN_MEASURABLE_MS} ms`;
  return `${ms >= 0.01 ? ms.toFixed(2) : ms.toFixed(3)} ms`;
}
