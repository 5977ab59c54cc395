/** Latency ratios and how latencies read, shared by the speedup checks and the CLI's table. */

/**
 * The shortest latency a ratio divides by, in ms. A request answered from a cache can take 0
 * simulated ms; dividing by the floor instead keeps every ratio a finite number ("4090x", never
 * "inf"), which a learner can compare with a goal.
 */
export const MIN_MEASURABLE_MS = 0.001;

/**
 * The shortest latency a pass can tell apart from zero: `MIN_MEASURABLE_MS`, or the step of the
 * clock its CPU time was measured with when that is coarser (0.1 ms in a browser that is not
 * cross-origin isolated: a cache hit there reads as 0 or 0.1 ms, so it is "under 0.1 ms").
 */
export function latencyFloor(pass: { clockResolutionMs?: number }): number {
  return Math.max(MIN_MEASURABLE_MS, pass.clockResolutionMs ?? 0);
}

/**
 * `starterMs / learnerMs`, both floored at `floorMs` (so the ratio is a lower bound when the learner's
 * latency is below what the clock resolves), then floored to one decimal, so a 9.96x that fails a
 * 10x goal never reads "10x". Two zero latencies are equally fast: 1.
 */
export function latencyRatio(starterMs: number, learnerMs: number, floorMs = MIN_MEASURABLE_MS): number {
  const ratio = Math.max(starterMs, floorMs) / Math.max(learnerMs, floorMs);
  // The epsilon keeps a ratio computed as 2.9999999 from flooring to 2.9.
  return Math.floor(ratio * 10 + 1e-9) / 10;
}

/** A latency as a learner reads it: "12.34 ms", "0.004 ms", or "under 0.1 ms" below the floor. */
export function formatMs(ms: number, floorMs = MIN_MEASURABLE_MS): string {
  if (ms < floorMs) return `under ${floorMs} ms`;
  return `${ms >= 0.01 ? ms.toFixed(2) : ms.toFixed(3)} ms`;
}
