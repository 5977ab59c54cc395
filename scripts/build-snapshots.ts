/**
 * Writes one PGlite data-directory snapshot per lesson to public/snapshots/<slug>.<hash>.tar.gz, so
 * the browser boots a seeded database instead of running initdb and the seed (docs/engine.md, "In the browser": dump once,
 * load many), plus `manifest.json` (slug -> file name) that the lesson pages read at build time, and
 * `source.json`, which names the lessons folder they came from (src/lessons/snapshot-manifest.ts).
 * The hash covers everything that shapes the data directory, so an unchanged lesson is not
 * rebuilt and a changed one gets a new name (no stale copy from a browser or CDN cache).
 * Run by `npm run dev` and `npm run build` first; `node scripts/build-snapshots.ts` by hand.
 * Each snapshot is made by a process of its own (`build-snapshot.ts`), as many at once as there are
 * cores: the work is seeding, not timing, and a process that V8 crashes (src/node/v8-crash.ts) is
 * started once more.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { readLesson } from '../src/lessons/read-lessons.ts';
import { chosenLessons } from '../src/lessons/lessons-dir.ts';
import { LessonError } from '../src/lessons/lesson.ts';
import { folderKey, SOURCE_FILE, type SnapshotSource } from '../src/lessons/snapshot-manifest.ts';
import { PGLITE_NODE_ARGS, v8CrashOf } from '../src/node/v8-crash.ts';

const outDir = fileURLToPath(new URL('../public/snapshots/', import.meta.url));
const read = (relative: string) => readFileSync(fileURLToPath(new URL(relative, import.meta.url)), 'utf8');
/** What every snapshot depends on besides the lesson's own SQL. */
const toolchain = [
  JSON.parse(read('../node_modules/@electric-sql/pglite/package.json')).version,
  read('./build-snapshots.ts'),
  read('./build-snapshot.ts'),
  read('./compact-data-dir.ts'),
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

/** Runs build-snapshot.ts for one lesson; resolves with its exit code, signal and output. */
function makeSnapshot(slug: string, file: string): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const script = fileURLToPath(new URL('./build-snapshot.ts', import.meta.url));
    const child = spawn(process.execPath, [...PGLITE_NODE_ARGS, script, lessonsDir, slug, file], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

const queue = [...missing];
async function worker(): Promise<void> {
  for (let job = queue.shift(); job; job = queue.shift()) {
    let result = await makeSnapshot(job.slug, job.file);
    const crash = v8CrashOf(result.signal, result.stderr);
    if (crash) {
      console.warn(`snapshot ${job.slug}: the process crashed inside V8 (${crash}), a Node bug; making it again.`);
      result = await makeSnapshot(job.slug, job.file);
    }
    process.stdout.write(result.stdout);
    if (result.code !== 0) {
      process.stderr.write(result.stderr || `snapshot ${job.slug}: failed (${result.signal ?? `exit code ${result.code}`})\n`);
      process.exit(result.code || 1);
    }
  }
}
await Promise.all(Array.from({ length: Math.min(availableParallelism(), missing.length) }, worker));

// Old versions would otherwise pile up in public/ and be published with the site.
const current = new Set(Object.values(manifest));
for (const file of readdirSync(outDir)) {
  if (file.endsWith('.tar.gz') && !current.has(file)) rmSync(`${outDir}${file}`);
}
writeFileSync(`${outDir}manifest.json`, `${JSON.stringify(manifest, null, 2)}\n`);
const source: SnapshotSource = { lessons: folderKey(lessonsDir) };
writeFileSync(`${outDir}${SOURCE_FILE}`, `${JSON.stringify(source)}\n`);
