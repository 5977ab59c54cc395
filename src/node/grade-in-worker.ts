/**
 * Grades code against a lesson in a worker process with a wall-clock limit. A submission that never
 * ends (`while (true) {}`, a runaway query) cannot be interrupted from inside, so the process is
 * killed and the submission gets a timeout error; the ones after it are reported as not run. A
 * process that V8 itself crashed (v8-crash.ts) is started once more with the same job.
 *
 * A `Grader` keeps its process between jobs, one job at a time, so grading many lessons
 * (`lessons:verify`) starts Node and compiles PGlite's WebAssembly once, not once per lesson (about
 * 1.5 s each here). A killed or crashed process is replaced for the next job.
 */
import { fork, type ChildProcess } from 'node:child_process';
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

/** Stderr kept from a worker process, to tell a V8 crash apart and to pass on otherwise. */
const STDERR_KEPT = 64 * 1024;

/** A worker process and what it has written to stderr since its last job. */
interface Worker {
  child: ChildProcess;
  stderr: string;
  /** Settles once the process has ended. */
  ended: Promise<void>;
}

/** Grades jobs one at a time in a worker process it keeps between them; `close()` when done. */
export class Grader {
  private worker: Worker | undefined;

  /** Runs `job` under `limits`, once more in a new process if V8 crashed the first. Never rejects. */
  async grade(job: GradeJob, limits: Limits = DEFAULT_LIMITS): Promise<JobOutcome> {
    const first = await this.gradeOnce(job, limits);
    if (!first.crash) return first.outcome;
    const second = await this.gradeOnce(job, limits);
    if (!second.crash) return { ...second.outcome, regradedAfter: first.crash };
    return {
      results: second.outcome.results,
      fatal: { kind: 'internal', message: `The grading process crashed inside V8 twice (${first.crash}; then ${second.crash}). This is a bug in Node, not in the code graded: run it again.` },
    };
  }

  /** Lets the worker process end, and waits until it has: no two graders ever overlap. */
  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    if (!worker) return;
    if (worker.child.connected) worker.child.disconnect();
    await worker.ended;
  }

  private start(): Worker {
    const child = fork(new URL('./grade-process.ts', import.meta.url), [], {
      execArgv: PGLITE_NODE_ARGS,
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
    });
    // 'exit', not 'close': after the parent disconnects, Node never emits 'close' here.
    const ended = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const worker: Worker = { child, stderr: '', ended };
    child.stderr!.setEncoding('utf8');
    child.stderr!.on('data', (chunk: string) => {
      worker.stderr = (worker.stderr + chunk).slice(-STDERR_KEPT);
    });
    // Without a job, nothing would notice it ending; the next job then starts a new one.
    child.once('exit', () => {
      if (this.worker === worker) this.worker = undefined;
    });
    return worker;
  }

  private gradeOnce(job: GradeJob, limits: Limits): Promise<{ outcome: JobOutcome; crash?: string }> {
    const worker = (this.worker ??= this.start());
    const { child } = worker;
    return new Promise((resolve) => {
      const results: JobResult[] = [];
      let current: number | undefined;
      let timer: ReturnType<typeof setTimeout> | undefined;
      let finished = false;

      const stopListening = () => {
        clearTimeout(timer);
        child.off('message', onMessage);
        child.off('close', onClose);
        child.off('error', onError);
      };
      /** The child's stderr so far goes to ours, as if it had written there itself. */
      const passOnStderr = () => {
        if (worker.stderr) process.stderr.write(worker.stderr);
        worker.stderr = '';
      };
      // A job that ended normally keeps the process for the next one.
      const finish = (fatal?: RunError) => {
        if (finished) return;
        finished = true;
        stopListening();
        passOnStderr();
        resolve({ outcome: { results, fatal } });
      };
      // Killed (a timeout, a fatal error): resolved once the process has ended, so no two overlap.
      const kill = (fatal?: RunError) => {
        if (finished) return;
        finished = true;
        stopListening();
        if (this.worker === worker) this.worker = undefined;
        child.kill('SIGKILL');
        void worker.ended.then(() => {
          passOnStderr();
          resolve({ outcome: { results, fatal } });
        });
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
        kill();
      };
      const onMessage = (message: WorkerMessage) => {
        if (message.type === 'phase') {
          if (message.phase === 'submission') {
            current = message.index;
            arm(limits.submissionMs, timeOut);
          } else {
            const seconds = Math.round(limits.setupMs / 1000);
            arm(limits.setupMs, () => kill({ kind: 'timeout', message: `Setting up the lesson (${message.phase}) took longer than ${seconds} s.` }));
          }
        } else if (message.type === 'result') {
          results.push(message.result);
        } else if (message.type === 'fatal') {
          kill(message.error);
        } else {
          finish();
        }
      };
      const onError = (error: Error) => kill({ kind: 'internal', message: `The grading process could not run: ${error.message}` });
      // The process ended in the middle of the job: a V8 crash is graded again, anything else reported.
      const onClose = (code: number | null, signal: NodeJS.Signals | null) => {
        finished = true;
        stopListening();
        const crash = v8CrashOf(signal, worker.stderr);
        if (crash) {
          worker.stderr = '';
          return resolve({ outcome: { results }, crash });
        }
        passOnStderr();
        resolve({ outcome: { results, fatal: { kind: 'internal', message: `The grading process exited early (${signal ?? `exit code ${code}`}).` } } });
      };
      child.on('message', onMessage);
      child.on('close', onClose);
      child.on('error', onError);
      child.send(job);
    });
  }
}

/** Grades one job in a worker process of its own (see `Grader`). Never rejects. */
export async function gradeInWorker(job: GradeJob, limits: Limits = DEFAULT_LIMITS): Promise<JobOutcome> {
  const grader = new Grader();
  try {
    return await grader.grade(job, limits);
  } finally {
    await grader.close();
  }
}
