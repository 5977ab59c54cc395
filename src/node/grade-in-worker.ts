/**
 * Grades code against a lesson in a worker thread with a wall-clock limit. A submission that never
 * ends (`while (true) {}`, a runaway query) cannot be interrupted from inside, so the worker is
 * terminated and the submission gets a timeout error; the ones after it are reported as not run.
 */
import { Worker } from 'node:worker_threads';
import type { GradeJob, JobResult, WorkerMessage } from './grade-job.ts';
import type { RunError } from '../engine/errors.ts';

/** Wall-clock limits, in milliseconds. */
export interface Limits {
  /** Booting PGlite, seeding, and measuring the starter. */
  setupMs: number;
  /** Grading one submission. */
  submissionMs: number;
}

/** Default limits: generous for setup (PGlite boots in about 3-5 s here), 10 s for learner code. */
export const DEFAULT_LIMITS: Limits = { setupMs: 120_000, submissionMs: 10_000 };

/** What came back: one result per submission, or an error that stopped the whole job. */
export interface JobOutcome {
  results: JobResult[];
  fatal?: RunError;
}

/** Runs `job` in a worker thread under `limits`. Never rejects. */
export function gradeInWorker(job: GradeJob, limits: Limits = DEFAULT_LIMITS): Promise<JobOutcome> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./grade-worker.ts', import.meta.url), { workerData: job });
    const results: JobResult[] = [];
    let current: number | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let finished = false;

    const finish = (fatal?: RunError) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve({ results, fatal });
    };
    const arm = (ms: number, onTimeout: () => void) => {
      clearTimeout(timer);
      timer = setTimeout(onTimeout, ms);
    };

    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'phase') {
        if (message.phase === 'submission') {
          current = message.index;
          arm(limits.submissionMs, () => {
            const seconds = Math.round(limits.submissionMs / 1000);
            const name = job.submissions[current!].name;
            results.push({
              name,
              error: {
                kind: 'timeout',
                file: job.submissions[current!].file,
                message: `Your code ran longer than ${seconds} s and was stopped. An infinite loop, or a query that never ends?`,
              },
            });
            for (const later of job.submissions.slice(current! + 1)) {
              results.push({ name: later.name, error: { kind: 'internal', message: 'Not run: an earlier submission timed out.' } });
            }
            finish();
          });
        } else {
          arm(limits.setupMs, () =>
            finish({ kind: 'timeout', message: `Setting up the lesson (${message.phase}) took longer than ${Math.round(limits.setupMs / 1000)} s.` }),
          );
        }
      } else if (message.type === 'result') {
        results.push(message.result);
      } else if (message.type === 'fatal') {
        finish(message.error);
      } else {
        finish();
      }
    });
    worker.on('error', (error) => finish({ kind: 'internal', message: `The grading worker crashed: ${error.message}` }));
    worker.on('exit', () => finish(results.length < job.submissions.length ? { kind: 'internal', message: 'The grading worker exited early.' } : undefined));
  });
}
