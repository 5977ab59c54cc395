/**
 * How app CPU time is measured (docs/engine.md, "App CPU time"). A segment of learner JavaScript
 * is timed from the event that wakes it to the next macrotask, when every microtask it queued has
 * run. Two corrections keep the figure the learner's own:
 * - the hop itself costs real time with nothing to run (a few microseconds with `setImmediate` in
 *   Node, about 10 µs with a MessageChannel in a browser worker): measured once per pass and
 *   subtracted;
 * - Fastpath's own bookkeeping inside a segment (finding the line that sent a query, recording it)
 *   is timed and subtracted by the scheduler.
 * Browsers that are not cross-origin isolated coarsen `performance.now()` to 100 µs (Chromium) or
 * more. A single short segment then reads as 0 or one step, but the reading is right on average
 * (a segment starts at a random phase of the coarse clock), so totals over many segments are
 * honest; per-request figures below the resolution are reported as "under" it.
 */

/** Median real cost of an empty macrotask hop, in ms. */
export async function measureHopOverhead(hop: () => Promise<void>, samples = 15): Promise<number> {
  const times: number[] = [];
  await hop(); // the first hop pays for warming up the channel
  for (let i = 0; i < samples; i++) {
    const started = performance.now();
    await hop();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** The smallest step `performance.now()` moves by here, in ms (at most 5 ms of spinning). */
export function measureClockResolution(): number {
  let smallest = Infinity;
  const deadline = performance.now() + 5;
  for (let i = 0; i < 5 && performance.now() < deadline; i++) {
    const first = performance.now();
    let next = first;
    while (next === first && next < deadline) next = performance.now();
    if (next > first) smallest = Math.min(smallest, next - first);
  }
  // Rounded to the microsecond: a 0.1 ms step can read 0.09999999997 in floating point.
  return Number.isFinite(smallest) ? Math.round(smallest * 1000) / 1000 : 0;
}
