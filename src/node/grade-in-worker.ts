/**
 * Grades code against a lesson in a worker process with a wall-clock limit. A submission that never
 * ends (`while (true) {}`, a runaway query) cannot be interrupted from inside, so the process is
 * killed and the submission gets a timeout error; the ones after it are reported as not run. A
 * process that V8 itself crashed (v8-crash.ts) is started once more with the same job.
 */
import { fork } from 'node:child_process';
import type { GradeJob, JobResult, WorkerMessage } from './grade-job.ts';
import type { RunError } from '../engine/errors.ts';
import { PGLITE_NODE_ARGS, v8CrashOf } from './v8-crash.ts';

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
  /** Set when V8 crashed the first process and the job was graded again: what the crash was. */
  regradedAfter?: string;
}

/** Runs `job` in a worker process under `limits`, once more if V8 crashed it. Never rejects. */
export async function gradeInWorker(job: GradeJob, limits: Limits = DEFAULT_LIMITS): Promise<JobOutcome> {
  const first = await gradeOnce(job, limits);
  if (!first.crash) return first.outcome;
  const second = await gradeOnce(job, limits);
  if (!second.crash) return { ...second.outcome, regradedAfter: first.crash };
  return {
    results: second.outcome.results,
    fatal: { kind: 'internal', message: `The grading process crashed inside V8 twice (${first.crash}; then ${second.crash}). This is a bug in Node, not in the code graded: run it again.` },
  };
}

/** Stderr kept from a worker process, to tell a V8 crash apart and to pass on otherwise. */
const STDERR_KEPT = 64 * 1024;

function gradeOnce(job: GradeJob, limits: Limits): Promise<{ outcome: JobOutcome; crash?: string }> {
  return new Promise((resolve) => {
    const child = fork(new URL('./grade-process.ts', import.meta.url), [], {
      execArgv: PGLITE_NODE_ARGS,
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    });
    const results: JobResult[] = [];
    let current: number | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let settled: JobOutcome | undefined;
    let stderr = '';

    // The outcome is known (done, fatal, timeout) before the process has ended; resolving waits
    // for its end, so no two graders ever overlap and a crash on the way out is still seen.
    const settle = (fatal?: RunError, kill = false) => {
      if (settled) return;
      settled = { results, fatal };
      clearTimeout(timer);
      if (kill) child.kill('SIGKILL');
    };
    const arm = (ms: number, onTimeout: () => void) => {
      clearTimeout(timer);
      timer = setTimeout(onTimeout, ms);
    };
    const timeOut = () => {
      const seconds = Math.round(limits.submissionMs / 1000);
      const submission = job.submissions[current!];
      results.push({
        name: submission.name,
        error: { kind: 'timeout', file: submission.file, message: `Your code ran longer than ${seconds} s and was stopped. An infinite loop, or a query that never ends?` },
      });
      for (const later of job.submissions.slice(current! + 1)) {
        results.push({ name: later.name, error: { kind: 'internal', message: 'Not run: an earlier submission timed out.' } });
      }
      settle(undefined, true);
    };

    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-STDERR_KEPT);
    });
    child.on('message', (message: WorkerMessage) => {
      if (settled) return;
      if (message.type === 'phase') {
        if (message.phase === 'submission') {
          current = message.index;
          arm(limits.submissionMs, timeOut);
        } else {
          const seconds = Math.round(limits.setupMs / 1000);
          arm(limits.setupMs, () => settle({ kind: 'timeout', message: `Setting up the lesson (${message.phase}) took longer than ${seconds} s.` }, true));
        }
      } else if (message.type === 'result') {
        results.push(message.result);
      } else if (message.type === 'fatal') {
        settle(message.error, true);
      } else {
        settle();
      }
    });
    child.on('error', (error) => settle({ kind: 'internal', message: `The grading process could not run: ${error.message}` }, true));
    child.on('close', (code, signal) => {
      // A crash after every result came in changes nothing; one before leaves the job unfinished.
      const crash = settled ? undefined : v8CrashOf(signal, stderr);
      clearTimeout(timer);
      if (crash) return resolve({ outcome: { results }, crash });
      if (stderr) process.stderr.write(stderr);
      settle(results.length < job.submissions.length ? { kind: 'internal', message: `The grading process exited early (${signal ?? `exit code ${code}`}).` } : undefined);
      resolve({ outcome: settled! });
    });
    child.send(job);
  });
}
