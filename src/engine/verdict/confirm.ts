/**
 * Verdicts that rest on measured time, made steady. A busy machine slows whichever pass it catches:
 * the starter measured alone and the learner's code measured beside another program can make a
 * 28x speedup read 8x. Counts (queries, rows read) and plans do not move; times do. So when a
 * timed check lands near its target, both passes are measured again, alternating (starter, yours,
 * starter, yours), each pair is judged on its own, and the median verdict stands. Far from the
 * target, one measurement decides: no noise turns a 20x into a 4x.
 */
import { checkKinds } from './checks/index.ts';
import type { CheckResult } from './checks.ts';

/** A timed verdict within this factor of its target (either way) is measured again. */
export const CONFIRM_BAND = 2;
/** Extra starter-and-learner pairs measured to confirm a close verdict. */
export const CONFIRM_PAIRS = 2;

/** The check kinds whose figure rests on measured time, with which way is better. */
export const TIMED_CHECKS: ReadonlyMap<string, 'higher' | 'lower'> = new Map(checkKinds.filter((kind) => kind.timed).map((kind) => [kind.id, kind.timed!]));

/**
 * How far the worst of several measured figures of a timed check lands from its target, as a factor
 * (above 1 passes): lowest figure over target when higher is better, target over highest otherwise.
 */
export function worstMargin(figures: number[], target: number, way: 'higher' | 'lower'): number {
  return way === 'higher' ? Math.min(...figures) / target : target / Math.max(...figures);
}

/** How far a timed verdict is from flipping: measured over target for "higher is better", > 1 passes. */
function margin(result: CheckResult): number | undefined {
  const way = TIMED_CHECKS.get(result.id);
  const { measured, target } = result;
  if (!way || typeof measured !== 'number' || typeof target !== 'number' || measured <= 0 || target <= 0) return undefined;
  return way === 'higher' ? measured / target : target / measured;
}

/** True when some timed check landed close enough to its target that noise could flip it. */
export function needsConfirmation(results: CheckResult[]): boolean {
  return results.some((result) => {
    const distance = margin(result);
    return distance !== undefined && distance > 1 / CONFIRM_BAND && distance < CONFIRM_BAND;
  });
}

/** A check's result with the figure each measured pair gave. */
export type ConfirmedResult = CheckResult & {
  /** The measured figure of each starter-and-learner pair, in the order they ran (timed checks measured more than once). */
  spread?: number[];
};

/**
 * Combines the results of several starter-and-learner pairs (same checks, same order): each timed
 * check takes the median pair's verdict and lists every pair's figure; other checks keep the
 * first pair's. Returns the results and the index of the pair the first timed check took (the pair
 * whose figures the report shows).
 */
export function combinePairs(pairs: CheckResult[][]): { checks: ConfirmedResult[]; shownPair: number } {
  const [first] = pairs;
  if (!first || pairs.length === 1) return { checks: first ?? [], shownPair: 0 };
  let shownPair: number | undefined;
  const checks = first.map((result, index) => {
    const way = TIMED_CHECKS.get(result.id);
    const versions = pairs.map((pair) => pair[index]!);
    if (!way || versions.some((version) => typeof version.measured !== 'number')) return result;
    const ranked = versions.map((version, pair) => ({ version, pair })).sort((a, b) => (a.version.measured as number) - (b.version.measured as number));
    const median = ranked[Math.floor(ranked.length / 2)]!;
    shownPair ??= median.pair;
    return { ...median.version, spread: versions.map((version) => version.measured as number) };
  });
  return { checks, shownPair: shownPair ?? 0 };
}
