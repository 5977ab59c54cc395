/**
 * Child process of build-snapshots.ts (`fork`ed, one per core): takes snapshot jobs over IPC, one
 * at a time, and for each seeds the lesson in a fresh PGlite (`freshPGlite()`, initdb with 1 MB WAL
 * segments), compacts it and writes its data-directory dump to the job's file. Answers each job
 * with a `SnapshotDone` message; a lesson whose files do not load or whose SQL fails is the
 * author's to fix, and the answer names the file and line. One process makes many snapshots: starting Node and compiling
 * PGlite's wasm once per process instead of once per lesson took 19 snapshots from 70 s to 35 s
 * on one core here.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { freshPGlite } from '../src/node/fresh-pglite.ts';
import { readLesson } from '../src/lessons/read-lessons.ts';
import { LessonError } from '../src/lessons/lesson.ts';
import { PassDatabase, SetupSqlError } from '../src/engine/pass/pass-database.ts';
import { compactDataDir, COMPACT_INITDB_ARGS } from './compact-data-dir.ts';

/** One snapshot to make: the lesson and the file to write. */
export interface SnapshotJob {
  lessonsDir: string;
  slug: string;
  file: string;
}

/** The answer to a job: the line to print, or why it failed (`lessonError`: the author's to fix). */
export type SnapshotDone = { ok: true; line: string } | { ok: false; message: string; lessonError: boolean };

async function make({ lessonsDir, slug, file }: SnapshotJob): Promise<SnapshotDone> {
  try {
    const lesson = readLesson(lessonsDir, slug);
    const started = performance.now();
    const pg = await freshPGlite(COMPACT_INITDB_ARGS);
    try {
      await PassDatabase.open(pg, lesson.files);
      await compactDataDir(pg);
      const dump = await pg.dumpDataDir('gzip');
      // Written whole, then renamed: a process that dies midway leaves no half snapshot behind.
      writeFileSync(`${file}.partial`, Buffer.from(await dump.arrayBuffer()));
      renameSync(`${file}.partial`, file);
      return { ok: true, line: `snapshot ${slug}: ${(dump.size / 1e6).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s` };
    } finally {
      await pg.close();
    }
  } catch (error) {
    if (error instanceof LessonError) return { ok: false, message: `snapshots: ${error.message}`, lessonError: true };
    if (error instanceof SetupSqlError) {
      const place = `${slug}/${error.file}${error.line === undefined ? '' : `:${error.line}`}`;
      return { ok: false, message: `snapshots: ${place}: ${error.message}`, lessonError: true };
    }
    return { ok: false, message: `snapshot ${slug}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, lessonError: false };
  }
}

if (!process.send) {
  console.error('build-snapshot.ts is started by build-snapshots.ts (npm run snapshots), not by hand.');
  process.exit(2);
}
// Jobs one after the other, in the order they come: the parent sends the next once this one is done.
let chain = Promise.resolve();
process.on('message', (job: SnapshotJob) => {
  chain = chain.then(async () => {
    const done = await make(job);
    await new Promise<void>((resolve) => process.send!(done, undefined, undefined, () => resolve()));
  });
});
