/** The rows a request timeline shows, and the sentence that sums them up. */
import type { TimelineRequest } from '../engine/measure/summarise-timeline.ts';
import { formatMs, formatSpan } from './format.ts';

/** Rows one chart shows at most: past this, the slowest, since they are what moves the p95. */
export const TIMELINE_ROWS = 150;

/**
 * The `limit` slowest requests (all of them when there are fewer) in arrival order: the workload
 * lists a burst's requests in any order (a race placed after the steady traffic arrives first).
 */
export function slowestInArrivalOrder(requests: TimelineRequest[], limit: number): TimelineRequest[] {
  const kept = requests.length <= limit ? requests : [...requests].sort((a, b) => b.latencyMs - a.latencyMs).slice(0, limit);
  return [...kept].sort((a, b) => a.startMs - b.startMs || a.step - b.step);
}

/** "220 requests over 5.0 s; p95 4.20 ms; 3 waited for a connection" (`resolutionMs`: the clock's step). */
export function describeBurst(requests: TimelineRequest[], p95: number, resolutionMs: number): string {
  const origin = Math.min(...requests.map((request) => request.startMs));
  const end = Math.max(...requests.map((request) => request.startMs + request.latencyMs));
  const waited = requests.filter((request) => request.poolWaitMs > 0).length;
  const failed = requests.filter((request) => request.failed).length;
  const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;
  return `${plural(requests.length, 'request')} over ${formatSpan(end - origin)}; p95 ${formatMs(p95, resolutionMs)}; ${waited} waited for a connection${failed ? `; ${failed} failed` : ''}`;
}
