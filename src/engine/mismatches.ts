/** Comparing the learner's answers with the oracle's, request by request. */
import type { RequestRecord } from './run-pass.ts';
import type { RunError } from './errors.ts';
import { canonicalAnswer, describeDifference, type AnswerOrder } from './compare.ts';

/** One request whose answer differs from the oracle's. */
export interface Mismatch {
  step: number;
  handler: string;
  input: unknown;
  expected: unknown;
  /** The learner's answer; absent when the handler threw. */
  actual?: unknown;
  /** The error the handler threw, if it threw. */
  error?: RunError;
  /** True when `actual` equals an answer the oracle gave earlier to the same request: stale data. */
  stale: boolean;
  /** One sentence on what differs. */
  difference: string;
}

/** All mismatches of a pass, counted, with the first one kept. */
export interface MismatchReport {
  /** Requests compared. */
  compared: number;
  count: number;
  /** Mismatches that served an older answer. */
  staleReads: number;
  first?: Mismatch;
}

/**
 * Compares each learner request with the oracle request of the same step.
 * A stale read is a wrong answer equal to what the oracle answered before to the same handler and
 * input: data served after it changed.
 */
export function findMismatches(expected: RequestRecord[], actual: RequestRecord[], order: AnswerOrder): MismatchReport {
  const byStep = new Map(actual.map((request) => [request.step, request]));
  const history = new Map<string, Set<string>>();
  const report: MismatchReport = { compared: 0, count: 0, staleReads: 0 };
  for (const want of expected) {
    const key = `${want.handler}:${canonicalAnswer(want.input, 'ordered')}`;
    const wantText = canonicalAnswer(want.answer, order);
    const got = byStep.get(want.step);
    report.compared++;
    const gotText = got && !got.error ? canonicalAnswer(got.answer, order) : undefined;
    if (gotText !== wantText) {
      const earlier = history.get(key);
      const stale = gotText !== undefined && earlier !== undefined && earlier.has(gotText);
      report.count++;
      if (stale) report.staleReads++;
      if (!report.first) {
        report.first = {
          step: want.step,
          handler: want.handler,
          input: want.input,
          expected: want.answer,
          actual: got?.answer,
          error: got?.error,
          stale,
          difference: !got
            ? 'This request never ran: the pass stopped before it.'
            : got.error
              ? `Your handler threw: ${got.error.message}`
              : stale
                ? `A stale read: this is what the same request returned before the data changed. ${describeDifference(want.answer, got.answer, order)}`
                : describeDifference(want.answer, got.answer, order),
        };
      }
    }
    if (!history.has(key)) history.set(key, new Set());
    history.get(key)!.add(wantText);
  }
  return report;
}
