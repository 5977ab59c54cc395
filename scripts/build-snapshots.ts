/**
 * Writes one PGlite data-directory snapshot per lesson to public/snapshots/<slug>.tar.gz, so the
 * browser boots a seeded database instead of running initdb and the seed (DESIGN.md: dump once,
 * load many). Skips a lesson whose schema, seed and PGlite version have not changed.
 * Run by `npm run dev` and `npm run build` first; `node scripts/build-snapshots.ts` by hand.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { DEFAULT_LESSONS_DIR, listLessonSlugs, readLesson } from '../src/lessons/read-lessons.ts';
import { PassDatabase } from '../src/engine/pass-database.ts';

const outDir = fileURLToPath(new URL('../public/snapshots/', import.meta.url));
// Stamps live outside public/, so they are not published with the snapshots.
const stampDir = fileURLToPath(new URL('../node_modules/.cache/fastpath-snapshots/', import.meta.url));
const pgliteVersion = JSON.parse(readFileSync(fileURLToPath(new URL('../node_modules/@electric-sql/pglite/package.json', import.meta.url)), 'utf8')).version;
mkdirSync(outDir, { recursive: true });
mkdirSync(stampDir, { recursive: true });

for (const slug of listLessonSlugs(DEFAULT_LESSONS_DIR)) {
  const lesson = readLesson(DEFAULT_LESSONS_DIR, slug);
  const hash = createHash('sha256').update(pgliteVersion).update(lesson.files.schema).update(lesson.files.seed).digest('hex').slice(0, 16);
  const file = `${outDir}${slug}.tar.gz`;
  const stamp = `${stampDir}${slug}.hash`;
  if (existsSync(file) && existsSync(stamp) && readFileSync(stamp, 'utf8') === hash) {
    console.log(`snapshot ${slug}: up to date`);
    continue;
  }
  const started = performance.now();
  const pg = await PGlite.create();
  await PassDatabase.open(pg, lesson.files);
  const dump = await pg.dumpDataDir('gzip');
  writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
  writeFileSync(stamp, hash);
  await pg.close();
  console.log(`snapshot ${slug}: ${(dump.size / 1e6).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
