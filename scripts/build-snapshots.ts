/**
 * Writes one PGlite data-directory snapshot per lesson to public/snapshots/<slug>.<hash>.tar.gz, so
 * the browser boots a seeded database instead of running initdb and the seed (docs/engine.md, "In the browser": dump once,
 * load many), plus `manifest.json` (slug -> file name) that the lesson pages read at build time, and
 * `source.json`, which names the lessons folder they came from (src/lessons/snapshot-manifest.ts).
 * The hash covers everything that shapes the data directory, so an unchanged lesson is not
 * rebuilt and a changed one gets a new name (no stale copy from a browser or CDN cache).
 * Run by `npm run dev` and `npm run build` first; `node scripts/build-snapshots.ts` by hand.
 * The snapshots are made by child processes (`build-snapshot.ts`), as many as there are cores,
 * each taking the next lesson when done with one: the work is seeding, not timing. A child that V8
 * crashes (src/node/v8-crash.ts) is replaced and its lesson made once more.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fork, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { readLesson } from '../src/lessons/read-lessons.ts';
import { chosenLessons } from '../src/lessons/lessons-dir.ts';
import { LessonError } from '../src/lessons/lesson.ts';
import { folderKey, SOURCE_FILE, type SnapshotSource } from '../src/lessons/snapshot-manifest.ts';
import { PGLITE_NODE_ARGS, v8CrashOf } from '../src/node/v8-crash.ts';
import { freshClusterFile } from '../src/node/fresh-pglite.ts';
import { COMPACT_INITDB_ARGS } from './compact-data-dir.ts';
import type { SnapshotDone, SnapshotJob } from './build-snapshot.ts';

const outDir = fileURLToPath(new URL('../public/snapshots/', import.meta.url));
const read = (relative: string) => readFileSync(fileURLToPath(new URL(relative, import.meta.url)), 'utf8');
/** What every snapshot depends on besides the lesson's own SQL. */
const toolchain = [
  JSON.parse(read('../node_modules/@electric-sql/pglite/package.json')).version,
  read('./build-snapshots.ts'),
  read('./build-snapshot.ts'),
  read('./compact-data-dir.ts'),
  read('../src/node/fresh-pglite.ts'),
  read('../src/engine/pass/pass-database.ts'),
  read('../src/engine/sql/sql-lexer.ts'),
];
mkdirSync(outDir, { recursive: true });

/**
 * `read()`, or exit 2 with its LessonError on one line: a missing folder, a lesson or a tracks.yaml
 * that does not load is the author's to fix, and the file, line and field say where; a stack trace
 * of this script would bury them.
 */
function authorsToFix<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof LessonError)) throw error;
    console.error(`snapshots: ${error.message}`);
    process.exit(2);
  }
}

// The folder the site is built from (FASTPATH_LESSONS, else lessons/); the snapshots of any other
// folder are deleted below, so the site never serves them.
const { dir: lessonsDir, slugs } = authorsToFix(() => chosenLessons());
const manifest: Record<string, string> = {};
const missing: { slug: string; file: string }[] = [];
for (const slug of slugs) {
  const lesson = authorsToFix(() => readLesson(lessonsDir, slug));
  const hash = createHash('sha256').update(toolchain.join('\0')).update(lesson.files.schema).update(lesson.files.seed).digest('hex').slice(0, 12);
  const name = `${slug}.${hash}.tar.gz`;
  manifest[slug] = name;
  if (existsSync(`${outDir}${name}`)) console.log(`snapshot ${slug}: up to date`);
  else missing.push({ slug, file: `${outDir}${name}` });
}

/** A child that makes snapshots (build-snapshot.ts), and what it printed to stderr so far. */
interface Maker {
  child: ChildProcess;
  stderr: string;
  /** Settles with the answer to the job sent last, or with how the process ended before answering. */
  answer: () => Promise<SnapshotDone | { exited: true; signal: NodeJS.Signals | null; code: number | null }>;
}

function startMaker(): Maker {
  const script = fileURLToPath(new URL('./build-snapshot.ts', import.meta.url));
  const child = fork(script, [], { execArgv: PGLITE_NODE_ARGS, stdio: ['ignore', 'inherit', 'pipe', 'ipc'] });
  const maker: Maker = {
    child,
    stderr: '',
    answer: () =>
      new Promise((resolve) => {
        const onMessage = (done: SnapshotDone) => {
          child.off('exit', onExit);
          resolve(done);
        };
        const onExit = (code: number | null, signal: NodeJS.Signals | null) => {
          child.off('message', onMessage);
          resolve({ exited: true, signal, code });
        };
        child.once('message', onMessage);
        child.once('exit', onExit);
      }),
  };
  child.stderr!.on('data', (chunk) => (maker.stderr += chunk));
  return maker;
}

const queue: SnapshotJob[] = missing.map(({ slug, file }) => ({ lessonsDir, slug, file }));
/** Jobs whose process V8 crashed once already: a second crash is an error. */
const crashedOnce = new Set<string>();

/** Takes jobs from `jobs` until it is empty, in one child, and a new one after a V8 crash. */
async function worker(jobs: SnapshotJob[]): Promise<void> {
  let maker: Maker | undefined;
  for (let job = jobs.shift(); job; job = jobs.shift()) {
    maker ??= startMaker();
    const answerSettled = maker.answer();
    maker.child.send(job);
    const answer = await answerSettled;
    if ('exited' in answer) {
      const crash = v8CrashOf(answer.signal, maker.stderr);
      if (crash && !crashedOnce.has(job.slug)) {
        crashedOnce.add(job.slug);
        console.warn(`snapshot ${job.slug}: the process crashed inside V8 (${crash}), a Node bug; making it again.`);
        jobs.unshift(job);
        maker = undefined;
        continue;
      }
      process.stderr.write(maker.stderr || `snapshot ${job.slug}: failed (${answer.signal ?? `exit code ${answer.code}`})\n`);
      process.exit(answer.code || 1);
    }
    if (!answer.ok) {
      console.error(answer.message);
      process.exit(answer.lessonError ? 2 : 1);
    }
    console.log(answer.line);
  }
  maker?.child.disconnect();
}

// The first snapshot to find no kept copy of a fresh cluster runs initdb and keeps one
// (src/node/fresh-pglite.ts): let it do that alone, so the others load the copy instead.
if (queue.length > 1 && !existsSync(freshClusterFile(COMPACT_INITDB_ARGS))) await worker([queue.shift()!]);
await Promise.all(Array.from({ length: Math.min(availableParallelism(), queue.length) }, () => worker(queue)));

// Old versions, and files a killed child left half written, would otherwise be published with the site.
const current = new Set(Object.values(manifest));
for (const file of readdirSync(outDir)) {
  if ((file.endsWith('.tar.gz') && !current.has(file)) || file.endsWith('.partial')) rmSync(`${outDir}${file}`);
}
writeFileSync(`${outDir}manifest.json`, `${JSON.stringify(manifest, null, 2)}\n`);
const source: SnapshotSource = { lessons: folderKey(lessonsDir) };
writeFileSync(`${outDir}${SOURCE_FILE}`, `${JSON.stringify(source)}\n`);
