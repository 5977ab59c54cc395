/** The checks of a lesson, evaluated against a run's measurements. */
import type { LessonChecks } from '../lessons/schema.ts';
import type { PassSummary } from './summarise.ts';
import type { MismatchReport } from './mismatches.ts';
import { walkPlan } from './plans.ts';

/** Names of the checks a lesson can declare. */
export type CheckId = keyof LessonChecks;

/** The outcome of one check. */
export interface CheckResult {
  id: CheckId;
  /** The goal in a few words, listed before any run. */
  label: string;
  passed: boolean;
  /** What the run measured; `null` when it could not be measured. */
  measured: number | string | null;
  /** What the lesson asks for. */
  target: number | string;
  /** One sentence a learner understands. */
  message: string;
}

/** The goals of a lesson as labels, before any run. */
export function describeChecks(checks: LessonChecks): { id: CheckId; label: string }[] {
  return (Object.keys(checks) as CheckId[])
    .filter((id) => checks[id] !== undefined)
    .map((id) => ({ id, label: label(id, checks) }));
}

function label(id: CheckId, checks: LessonChecks): string {
  switch (id) {
    case 'correct':
      return 'Same answers as the reference';
    case 'maxQueriesPerRequest':
      return `At most ${checks.maxQueriesPerRequest} queries per request`;
    case 'noSeqScan':
      return `No sequential scan on ${checks.noSeqScan!.join(', ')}`;
    case 'speedup':
      return `At least ${checks.speedup}x faster than the starter (median request)`;
    case 'minCacheHitRate':
      return `Cache hit rate at least ${Math.round(checks.minCacheHitRate! * 100)}%`;
    case 'staleReads':
      return checks.staleReads === 0 ? 'No stale reads after a write' : `At most ${checks.staleReads} stale reads`;
    case 'maxCacheEntries':
      return `At most ${checks.maxCacheEntries} cache entries`;
  }
}

/**
 * Median simulated request latency, starter over learner, floored to one decimal (so a 9.96x that
 * fails a 10x goal never reads "10x"); Infinity when the learner's median is 0 (all cache hits).
 */
export function speedup(starter: PassSummary, learner: PassSummary): number {
  if (learner.latency.p50 <= 0) return Infinity;
  return Math.floor((starter.latency.p50 / learner.latency.p50) * 10) / 10;
}

/** Inputs of the checks. */
export interface CheckInput {
  checks: LessonChecks;
  starter: PassSummary;
  learner: PassSummary;
  mismatches: MismatchReport;
}

/** Evaluates every check the lesson declares, in declaration order. */
export function evaluateChecks({ checks, starter, learner, mismatches }: CheckInput): CheckResult[] {
  // Speed means nothing for code that failed: a request that throws at once is fast.
  const ran = learner.completed && learner.errors.length === 0;
  const failedMessage = learner.completed
    ? 'Your code raised errors during the run; fix them first (see the errors).'
    : 'Your code did not run through the whole workload; see the errors.';
  return describeChecks(checks).map(({ id, label }) => {
    const result = (passed: boolean, measured: number | string | null, target: number | string, message: string): CheckResult => ({
      id,
      label,
      passed: ran && passed,
      measured,
      target,
      message: ran ? message : failedMessage,
    });
    switch (id) {
      case 'correct':
        return result(
          mismatches.count === 0,
          `${mismatches.compared - mismatches.count}/${mismatches.compared}`,
          'all',
          mismatches.count === 0
            ? `All ${mismatches.compared} answers match.`
            : `${mismatches.count} of ${mismatches.compared} answers differ from the reference; the first, at step ${mismatches.first?.step}: ${mismatches.first?.difference}`,
        );
      case 'maxQueriesPerRequest': {
        const target = checks.maxQueriesPerRequest!;
        const measured = learner.queries.maxPerRequest;
        return result(
          measured <= target,
          measured,
          target,
          measured <= target
            ? `Your busiest request made ${measured} ${measured === 1 ? 'query' : 'queries'}.`
            : `One request made ${measured} queries; each one is a round trip. Aim for ${target} or fewer.`,
        );
      }
      case 'noSeqScan': {
        const tables = checks.noSeqScan!;
        const scanned = new Set<string>();
        for (const shape of learner.plans) {
          if (!shape.plan) continue;
          for (const node of walkPlan(shape.plan.root)) {
            if (node.nodeType === 'Seq Scan' && node.relation && tables.includes(node.relation)) scanned.add(node.relation);
          }
        }
        const list = [...scanned];
        return result(
          list.length === 0,
          list.length ? list.join(', ') : 'none',
          'none',
          list.length === 0
            ? `No plan reads ${tables.join(', ')} with a sequential scan.`
            : `A query reads every row of ${list.join(', ')} (Seq Scan): see its plan.`,
        );
      }
      case 'speedup': {
        const target = checks.speedup!;
        const measured = speedup(starter, learner);
        const shown = Number.isFinite(measured) ? measured : 'inf';
        return result(
          measured >= target,
          shown,
          target,
          `Median request: ${starter.latency.p50.toFixed(2)} ms for the starter, ${learner.latency.p50.toFixed(2)} ms for yours (${shown}x; the goal is ${target}x).`,
        );
      }
      case 'minCacheHitRate': {
        const target = checks.minCacheHitRate!;
        const rate = learner.cache.hitRate;
        return result(
          rate !== null && rate >= target,
          rate === null ? null : Math.round(rate * 1000) / 1000,
          target,
          rate === null
            ? 'No cache reads were seen: use LRUCache from lru-cache so Fastpath can count hits.'
            : `${learner.cache.hits} hits and ${learner.cache.misses} misses: ${Math.round(rate * 100)}% (goal ${Math.round(target * 100)}%).`,
        );
      }
      case 'staleReads': {
        const target = checks.staleReads!;
        return result(
          mismatches.staleReads <= target,
          mismatches.staleReads,
          target,
          mismatches.staleReads === 0
            ? 'No request was served data older than the last write.'
            : `${mismatches.staleReads} requests returned data from before a write: invalidate or expire the cached entry.`,
        );
      }
      case 'maxCacheEntries': {
        const target = checks.maxCacheEntries!;
        const peak = learner.cache.peakEntries;
        return result(
          learner.cache.instances > 0 && peak <= target,
          peak,
          target,
          learner.cache.instances === 0
            ? 'No LRUCache was created.'
            : `At most ${peak} entries were cached at once (limit ${target}).`,
        );
      }
    }
  });
}
