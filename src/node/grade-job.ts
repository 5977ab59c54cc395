/** The messages between the Node grader and its worker process: plain data only. */
import type { RunReport } from '../engine/grade.ts';
import type { RunError } from '../engine/errors.ts';
import type { LatencyModel } from '../engine/sim/scheduler.ts';

/** One piece of code to grade. */
export interface JobSubmission {
  /** Label for output, e.g. "starter" or a file name. */
  name: string;
  code: string;
  /** File name the code is reported under. */
  file?: string;
  migration?: string;
}

/** What the worker is asked to do. */
export interface GradeJob {
  lessonsDir: string;
  slug: string;
  submissions: JobSubmission[];
  latency?: Partial<LatencyModel>;
  /** Seed the lesson at this multiple of its data (`lesson run --scale`); default 1. */
  scale?: number;
}

/** The outcome for one submission: a report, or the error that prevented one. */
export interface JobResult {
  name: string;
  report?: RunReport;
  error?: RunError;
}

/** Worker to parent. */
export type WorkerMessage =
  | { type: 'phase'; phase: 'boot' | 'baseline' | 'submission'; index?: number }
  | { type: 'result'; result: JobResult }
  | { type: 'fatal'; error: RunError }
  | { type: 'done' };
