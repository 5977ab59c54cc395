/**
 * Writes one PGlite data-directory snapshot per lesson to public/snapshots/<slug>.<hash>.tar.gz, so
 * the browser boots a seeded database instead of running initdb and the seed (docs/engine.md, "In the browser": dump once,
 * load many), plus `manifest.json` (slug -> file name) that the lesson pages read at build time, and
 * `source.json`, which names the lessons folder they came from (src/lessons/snapshot-manifest.ts).
 * The hash covers everything that shapes the data directory, so an unchanged lesson is not
 * rebuilt and a changed one gets a new name (no stale copy from a browser or CDN cache).
 * Run by `npm run dev` and `npm run build` first; `node scripts/build-snapshots.ts` by hand.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pgliteExtensions } from '../src/engine/pass/pglite-extensions.ts';
import { readLesson } from '../src/lessons/read-lessons.ts';
import { chosenLessons } from '../src/lessons/lessons-dir.ts';
import { LessonError } from '../src/lessons/lesson.ts';
import { folderKey, SOURCE_FILE, type SnapshotSource } from '../src/lessons/snapshot-manifest.ts';
import { PassDatabase } from '../src/engine/pass/pass-database.ts';
import { compactDataDir, COMPACT_INITDB_ARGS } from './compact-data-dir.ts';

const outDir = fileURLToPath(new URL('../public/snapshots/', import.meta.url));
const read = (relative: string) => readFileSync(fileURLToPath(new URL(relative, import.meta.url)), 'utf8');
/** What every snapshot depends on besides the lesson's own SQL. */
const toolchain = [
  JSON.parse(read('../node_modules/@electric-sql/pglite/package.json')).version,
  read('./build-snapshots.ts'),
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
for (const slug of slugs) {
  const lesson = authorsToFix(() => readLesson(lessonsDir, slug));
  const hash = createHash('sha256').update(toolchain.join('\0')).update(lesson.files.schema).update(lesson.files.seed).digest('hex').slice(0, 12);
  const name = `${slug}.${hash}.tar.gz`;
  manifest[slug] = name;
  if (existsSync(`${outDir}${name}`)) {
    console.log(`snapshot ${slug}: up to date`);
    continue;
  }
  const started = performance.now();
  const pg = await PGlite.create({ initDbStartParams: COMPACT_INITDB_ARGS, extensions: pgliteExtensions });
  await PassDatabase.open(pg, lesson.files);
  await compactDataDir(pg);
  const dump = await pg.dumpDataDir('gzip');
  writeFileSync(`${outDir}${name}`, Buffer.from(await dump.arrayBuffer()));
  await pg.close();
  console.log(`snapshot ${slug}: ${(dump.size / 1e6).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

// Old versions would otherwise pile up in public/ and be published with the site.
const current = new Set(Object.values(manifest));
for (const file of readdirSync(outDir)) {
  if (file.endsWith('.tar.gz') && !current.has(file)) rmSync(`${outDir}${file}`);
}
writeFileSync(`${outDir}manifest.json`, `${JSON.stringify(manifest, null, 2)}\n`);
const source: SnapshotSource = { lessons: folderKey(lessonsDir) };
writeFileSync(`${outDir}${SOURCE_FILE}`, `${JSON.stringify(source)}\n`);
