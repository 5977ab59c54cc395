/**
 * What the lesson worker does, as plain functions: boot PGlite from the lesson's snapshot and grade
 * code with the same engine the CLI uses. Only plain data goes in and out; errors are data.
 */
import { PGlite } from '@electric-sql/pglite';
import { pgliteExtensions } from '../engine/pass/pglite-extensions.ts';
import type { Lesson } from '../lessons/lesson.ts';
import { LessonSession, type Submission, type TableRows } from '../engine/lesson/lesson-session.ts';
import { grade, type RunReport } from '../engine/grade.ts';
import type { LatencyModel } from '../engine/sim/scheduler.ts';
import { runErrorOf, type RunError } from '../engine/errors.ts';
import { fetchPGliteAssets } from './pglite-assets.ts';

/** Where booting is, for the page's status line. */
export type BootProgress =
  | { phase: 'fetching'; loadedBytes: number; totalBytes?: number }
  | { phase: 'starting' }
  /** Seeding the lesson again at another size (`setScale`): `done` of `total` setup statements. */
  | { phase: 'scaling'; scale: number; done: number; total: number }
  /** Sent twice: once booted, then again once the starter is measured in the background. */
  | { phase: 'ready'; bootMs: number; starterMeasured: boolean }
  | { phase: 'failed'; message: string };

/** How to run. */
export interface RunOptions {
  /** Measure the starter again first instead of reusing this page's measurement. */
  remeasureStarter?: boolean;
}

/** A result or the error that prevented it. */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: RunError };

function failure(error: unknown): { ok: false; error: RunError } {
  return { ok: false, error: runErrorOf(error) };
}

async function download(url: string, onProgress: (progress: BootProgress) => void): Promise<Blob> {
  const response = await fetch(url).catch(() => {
    throw new Error(
      'Could not download the lesson database: the connection failed. Offline, a lesson works once it has been opened online, or when its track was made available offline on the course map.',
    );
  });
  if (!response.ok || !response.body) throw new Error(`Could not download the lesson database (${url}: HTTP ${response.status}).`);
  const totalBytes = Number(response.headers.get('content-length')) || undefined;
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loadedBytes = 0;
  // At most ten reports a second: each one is a message to the page and a render there, while the
  // page is busy starting the editor.
  let reportedAt = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    loadedBytes += value.byteLength;
    if (performance.now() - reportedAt >= 100) {
      reportedAt = performance.now();
      onProgress({ phase: 'fetching', loadedBytes, totalBytes });
    }
  }
  onProgress({ phase: 'fetching', loadedBytes, totalBytes });
  return new Blob(chunks as BlobPart[]);
}

/** The database at another size, once seeded. */
export interface ScaledData {
  scale: number;
  /** The lesson's tables and their rows at that size, largest first. */
  tables: TableRows[];
  /** Real time the restart and the seeding took, ms. */
  seedMs: number;
}

/** Creates the worker's API; `type LessonApi = ReturnType<typeof createLessonApi>` is the RPC type. */
export function createLessonApi() {
  let session: LessonSession | undefined;
  /** Settles when the current boot has; a run that arrives meanwhile waits for it. */
  let booted: Promise<unknown> = Promise.resolve();
  /** What a restart at another size starts from: the lesson, its downloaded snapshot, PGlite's files. */
  let source: { lesson: Lesson; snapshot: Blob; assets: Awaited<ReturnType<typeof fetchPGliteAssets>> } | undefined;

  /**
   * Opens the lesson at `scale` in a PGlite restored from the snapshot (seeded again unless the
   * scale is 1), then measures the starter in the background, as after boot.
   */
  async function open(scale: number, onProgress: (progress: BootProgress) => void, started: number, onStatement?: (done: number, total: number) => void): Promise<number> {
    const { lesson, snapshot, assets } = source!;
    const pg = await PGlite.create({ loadDataDir: snapshot, ...assets, extensions: pgliteExtensions });
    try {
      session = await LessonSession.open(lesson, pg, { seeded: true, scale, onStatement });
    } catch (error) {
      await pg.close().catch(() => undefined);
      throw error;
    }
    const bootMs = Math.round(performance.now() - started);
    onProgress({ phase: 'ready', bootMs, starterMeasured: false });
    // Measure the starter now, while the learner reads: the first Run then only runs their code.
    // A failure here is reported by the first run(), which awaits the same measurement.
    const opened = session;
    opened
      .baseline(opened.latencyModel())
      .catch(() => undefined)
      .then(() => session === opened && onProgress({ phase: 'ready', bootMs, starterMeasured: true }));
    return bootMs;
  }

  async function startBoot(lesson: Lesson, snapshotUrl: string, onProgress: (progress: BootProgress) => void): Promise<Outcome<{ bootMs: number }>> {
    const started = performance.now();
    try {
      const assets = fetchPGliteAssets();
      assets.catch(() => undefined); // awaited below; a failed snapshot download must not leave it unhandled
      const snapshot = await download(snapshotUrl, onProgress);
      onProgress({ phase: 'starting' });
      source = { lesson, snapshot, assets: await assets };
      return { ok: true, value: { bootMs: await open(1, onProgress, started) } };
    } catch (error) {
      const outcome = failure(error);
      onProgress({ phase: 'failed', message: outcome.error.message });
      return outcome;
    }
  }

  async function startScale(scale: number, onProgress: (progress: BootProgress) => void): Promise<Outcome<ScaledData>> {
    await booted.catch(() => undefined);
    if (!source) return { ok: false, error: { kind: 'internal', message: 'The database did not start; reload the page to try again.' } };
    const started = performance.now();
    // One database at a time: the old one's memory is given back before the new one is seeded.
    const old = session;
    session = undefined;
    await old?.database.pg.close().catch(() => undefined);
    let reportedAt = 0;
    const onStatement = (done: number, total: number) => {
      if (done === total || performance.now() - reportedAt >= 100) {
        reportedAt = performance.now();
        onProgress({ phase: 'scaling', scale, done, total });
      }
    };
    onStatement(0, 1);
    try {
      await open(scale, onProgress, started, scale === 1 ? undefined : onStatement);
      return { ok: true, value: { scale, tables: await session!.tableSizes(), seedMs: Math.round(performance.now() - started) } };
    } catch (error) {
      return failure(error);
    }
  }

  return {
    /** Downloads the snapshot and starts Postgres from it; reports progress as it goes. */
    boot(lesson: Lesson, snapshotUrl: string, onProgress: (progress: BootProgress) => void): Promise<Outcome<{ bootMs: number }>> {
      const booting = startBoot(lesson, snapshotUrl, onProgress);
      booted = booting;
      return booting;
    },

    /**
     * Replaces the database with one holding the lesson's data at `scale` times its size (1: the
     * lesson's own, restored from the snapshot); reports progress as it goes. Runs wait for it. On
     * failure there is no database until the next `boot`.
     */
    setScale(scale: number, onProgress: (progress: BootProgress) => void): Promise<Outcome<ScaledData>> {
      const scaling = startScale(scale, onProgress);
      booted = scaling;
      return scaling;
    },

    /**
     * Grades a submission beside the starter (measured once per latency model). `onLearnerStart` is
     * called once the starter is measured, when the learner's own code starts: the page's time
     * limit is for that part only.
     */
    async run(
      submission: Submission,
      latency: Partial<LatencyModel> | undefined,
      onLearnerStart: () => void,
      options: RunOptions = {},
    ): Promise<Outcome<RunReport>> {
      await booted;
      if (!session) return { ok: false, error: { kind: 'internal', message: 'The database did not start; reload the page to try again.' } };
      try {
        if (options.remeasureStarter) session.remeasureBaseline(session.latencyModel(latency));
        await session.baseline(session.latencyModel(latency));
        onLearnerStart();
        return { ok: true, value: await grade(session, submission, { latency }) };
      } catch (error) {
        return failure(error);
      }
    },
  };
}

/** The worker's RPC type, derived from the implementation. */
export type LessonApi = ReturnType<typeof createLessonApi>;
