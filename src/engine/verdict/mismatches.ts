/** Comparing the learner's answers with the oracle's, request by request. */
import type { RequestRecord } from '../pass/run-pass.ts';
import type { RunError } from '../errors.ts';
import { canonicalAnswer, describeDifference, type AnswerOrder } from './compare.ts';
import { compareStates, type StateDifference, type StateSnapshot } from './state-snapshot.ts';

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
  /** For a stale read in concurrent traffic: the write it missed. */
  missedWrite?: string;
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
  /** Answers that lagged behind a workload write within its `maxStaleMs`: accepted, not counted. */
  tolerated: number;
  first?: Mismatch;
  /** Checked state (frontmatter `state`): points compared, how many differed, and the first difference. */
  state?: { compared: number; differing: number; first?: StateDifference };
}

/**
 * Compares each learner request with the oracle request of the same step.
 * A stale read is a wrong answer equal to what the oracle answered before to the same handler and
 * input: data served after it changed.
 */
export function findMismatches(
  expected: RequestRecord[],
  actual: RequestRecord[],
  order: AnswerOrder,
  states?: { expected: StateSnapshot[]; actual: StateSnapshot[] },
  bypassWrites: { step: number; at: number; maxStaleMs: number }[] = [],
): MismatchReport {
  const byStep = new Map(actual.map((request) => [request.step, request]));
  /** The oracle's answers per request, in step order: what a reader could lag behind on. */
  const timeline = new Map<string, { step: number; text: string }[]>();
  const report: MismatchReport = { compared: 0, count: 0, staleReads: 0, tolerated: 0 };
  /** True when `text` is the oracle's last answer before a write the reader may still lag behind. */
  const tolerated = (key: string, text: string, got: RequestRecord) =>
    bypassWrites.some(
      (write) =>
        write.step < got.step &&
        got.startedAt - write.at <= write.maxStaleMs &&
        (timeline.get(key) ?? []).filter((entry) => entry.step < write.step).at(-1)?.text === text,
    );
  /** For a stale answer from before a workload write readers may lag behind: how late it is, in words. */
  const lagBehind = (key: string, text: string, got: RequestRecord) => {
    const write = bypassWrites
      .filter((candidate) => candidate.step < got.step && (timeline.get(key) ?? []).filter((entry) => entry.step < candidate.step).at(-1)?.text === text)
      .at(-1);
    if (!write) return undefined;
    const minutes = (ms: number) => `${(ms / 60_000).toFixed(1)} minutes`;
    return `the data from before the workload's write at step ${write.step}, served ${minutes(got.startedAt - write.at)} after it; readers may lag behind it by at most ${minutes(write.maxStaleMs)} (does your cache expire entries?).`;
  };
  for (const want of expected) {
    const key = `${want.handler}:${canonicalAnswer(want.input, 'ordered')}`;
    const wantText = canonicalAnswer(want.answer, order);
    const got = byStep.get(want.step);
    report.compared++;
    const gotText = got && !got.error ? canonicalAnswer(got.answer, order) : undefined;
    if (got?.concurrent && !got.error) {
      // Concurrent traffic: judged against the oracle as of the request's start and end.
      if (!got.concurrent.ok && gotText !== undefined && tolerated(key, gotText, got)) {
        report.tolerated++;
      } else if (!got.concurrent.ok) {
        const stale = got.concurrent.missedWrite !== undefined;
        report.count++;
        if (stale) report.staleReads++;
        report.first ??= {
          step: want.step,
          handler: want.handler,
          input: want.input,
          expected: got.concurrent.expected,
          actual: got.answer,
          stale,
          missedWrite: got.concurrent.missedWrite,
          difference: stale
            ? `A stale read under concurrent traffic: the data changed before this request started, by ${got.concurrent.missedWrite}. ${describeDifference(got.concurrent.expected, got.answer, order)}`
            : `This answer matches the data neither as of the request's start nor as of its end. ${describeDifference(got.concurrent.expected, got.answer, order)}`,
        };
      }
    } else if (gotText !== wantText && gotText !== undefined && got && tolerated(key, gotText, got)) {
      report.tolerated++;
    } else if (gotText !== wantText) {
      // Stale: what the oracle answered to the same request earlier, before the data changed.
      const stale = gotText !== undefined && (timeline.get(key) ?? []).some((entry) => entry.text === gotText);
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
                ? `A stale read: ${lagBehind(key, gotText!, got) ?? 'this is what the same request returned before the data changed.'} ${describeDifference(want.answer, got.answer, order)}`
                : describeDifference(want.answer, got.answer, order),
        };
      }
    }
    if (!timeline.has(key)) timeline.set(key, []);
    timeline.get(key)!.push({ step: want.step, text: wantText });
  }
  if (states && states.expected.length) {
    report.state = compareStates(states.expected, states.actual);
    report.compared += report.state.compared;
    report.count += report.state.differing;
    const first = report.state.first;
    if (first && !report.first) {
      report.first = { step: first.step, handler: 'checked state', input: first.query, expected: first.missing, actual: first.extra, stale: false, difference: first.message };
    }
  }
  return report;
}
