/**
 * The page's handle on the lesson worker. Owns the watchdog: a run that takes longer than the
 * limit is stopped by terminating the worker (nothing else can stop `while (true) {}`), pending
 * calls are settled with an error instead of hanging, and a fresh worker boots from the snapshot.
 */
import { wrap, proxy, type Remote } from 'comlink';
import type { LessonApi, BootProgress, Outcome, RunOptions, ScaledData } from '../worker/lesson-api.ts';
import type { Lesson } from '../lessons/lesson.ts';
import type { Submission } from '../engine/lesson/lesson-session.ts';
import type { RunReport } from '../engine/grade.ts';
import type { LatencyModel } from '../engine/sim/scheduler.ts';

/** What components need from the worker. */
export interface LessonClient {
  /** Boots (or reboots) the database; progress goes to `onProgress`. */
  boot(onProgress: (progress: BootProgress) => void): Promise<Outcome<{ bootMs: number }>>;
  /** Grades code; never hangs: after `runLimitMs` it answers with a timeout error. */
  run(submission: Submission, latency?: Partial<LatencyModel>, options?: RunOptions): Promise<Outcome<RunReport>>;
  /**
   * Seeds the database again at `scale` times the lesson's data (1: back to the lesson's own);
   * progress goes to `onProgress`. A reboot (`boot()`, or after a timeout) is at scale 1 again.
   */
  setScale(scale: number, onProgress: (progress: BootProgress) => void): Promise<Outcome<ScaledData>>;
  /** Stops the worker; a later `boot()` starts a fresh one from the snapshot. */
  dispose(): void;
}

/** How to make a client. */
export interface LessonClientOptions {
  lesson: Lesson;
  snapshotUrl: string;
  /** Wall-clock limit of one run, ms. Default 10 s. */
  runLimitMs?: number;
  /** Starts a worker; replaceable so tests can count restarts. */
  createWorker?: () => Worker;
}

/** Limit for measuring the starter before a run: it is the lesson's own, verified code. */
const STARTER_LIMIT_MS = 60_000;

const defaultWorker = () => new Worker(new URL('../worker/lesson-worker.ts', import.meta.url), { type: 'module' });

/** Creates a client; the worker starts on the first `boot`. */
export function createLessonClient({ lesson, snapshotUrl, runLimitMs = 10_000, createWorker = defaultWorker }: LessonClientOptions): LessonClient {
  let worker: Worker | undefined;
  let api: Remote<LessonApi> | undefined;
  let lastProgress: (progress: BootProgress) => void = () => undefined;
  const pending = new Set<(outcome: Outcome<never>) => void>();

  const stop = (message: string) => {
    worker?.terminate();
    worker = undefined;
    api = undefined;
    for (const settle of pending) settle({ ok: false, error: { kind: 'internal', message } });
    pending.clear();
  };
  /** Races a worker call against the worker being stopped, so no call is left hanging. */
  const track = <T>(call: Promise<Outcome<T>>): Promise<Outcome<T>> =>
    new Promise((resolve) => {
      const settle = (outcome: Outcome<T>) => {
        pending.delete(settle as never);
        resolve(outcome);
      };
      pending.add(settle as never);
      call.then(settle, (error: unknown) => settle({ ok: false, error: { kind: 'internal', message: String(error) } }));
    });

  const boot: LessonClient['boot'] = (onProgress) => {
    lastProgress = onProgress;
    stop('The database was restarted.');
    // Say so at once: until the new worker reports, the page must not still claim "Ready".
    onProgress({ phase: 'fetching', loadedBytes: 0 });
    const started = createWorker();
    worker = started;
    // A worker whose script cannot load, or that dies, would leave every call waiting forever.
    started.addEventListener('error', (event) => {
      if (worker !== started) return;
      const message = `The lesson worker stopped${event.message ? ` (${event.message})` : ''}; reload the page to try again.`;
      stop(message);
      onProgress({ phase: 'failed', message });
    });
    api = wrap<LessonApi>(started);
    return track(api.boot(lesson, snapshotUrl, proxy(onProgress)));
  };

  return {
    boot,
    async run(submission, latency, options) {
      if (!api) return { ok: false, error: { kind: 'internal', message: 'The database is not ready yet.' } };
      let learnerStarted = () => {};
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<Outcome<RunReport>>((resolve) => {
        // The limit counts from when the learner's code starts; measuring the starter first (after
        // boot, or at a new network setting) gets a generous limit of its own.
        const arm = (ms: number) => {
          clearTimeout(timer);
          timer = setTimeout(expire, ms);
        };
        let learnerRunning = false;
        learnerStarted = () => {
          learnerRunning = true;
          arm(runLimitMs);
        };
        arm(STARTER_LIMIT_MS);
        function expire() {
          const seconds = Math.round(runLimitMs / 1000);
          resolve({
            ok: false,
            error: learnerRunning
              ? {
                  kind: 'timeout',
                  file: submission.file,
                  message: `Your code ran longer than ${seconds} s, an infinite loop? It was stopped and the database restarted; your code is kept.`,
                }
              : { kind: 'timeout', message: `Measuring the starter took longer than ${STARTER_LIMIT_MS / 1000} s; the database was restarted.` },
          });
          stop('The run was stopped.');
          void boot(lastProgress);
        }
      });
      const outcome = await Promise.race([track(api.run(submission, latency, proxy(() => learnerStarted()), options)), timeout]);
      clearTimeout(timer);
      return outcome;
    },
    setScale(scale, onProgress) {
      if (!api) return Promise.resolve({ ok: false, error: { kind: 'internal', message: 'The database is not ready yet.' } });
      return track(api.setScale(scale, proxy(onProgress)));
    },
    dispose: () => stop('The database was stopped before the run finished; your code is kept.'),
  };
}
