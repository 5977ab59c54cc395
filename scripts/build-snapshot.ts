/**
 * `node scripts/build-snapshot.ts <lessons folder> <slug> <file>`: seeds one lesson in a fresh
 * PGlite, compacts it and writes its data-directory dump to <file>. Started by build-snapshots.ts,
 * one process per lesson; exit 2 with the lesson's error on one line when it does not load.
 */
import { writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pgliteExtensions } from '../src/engine/pass/pglite-extensions.ts';
import { readLesson } from '../src/lessons/read-lessons.ts';
import { LessonError } from '../src/lessons/lesson.ts';
import { PassDatabase } from '../src/engine/pass/pass-database.ts';
import { compactDataDir, COMPACT_INITDB_ARGS } from './compact-data-dir.ts';

const [lessonsDir, slug, file] = process.argv.slice(2);
if (!lessonsDir || !slug || !file) {
  console.error('usage: node scripts/build-snapshot.ts <lessons folder> <slug> <file>');
  process.exit(2);
}
let lesson;
try {
  lesson = readLesson(lessonsDir, slug);
} catch (error) {
  if (!(error instanceof LessonError)) throw error;
  console.error(`snapshots: ${error.message}`);
  process.exit(2);
}
const started = performance.now();
const pg = await PGlite.create({ initDbStartParams: COMPACT_INITDB_ARGS, extensions: pgliteExtensions });
await PassDatabase.open(pg, lesson.files);
await compactDataDir(pg);
const dump = await pg.dumpDataDir('gzip');
writeFileSync(file, Buffer.from(await dump.arrayBuffer()));
await pg.close();
console.log(`snapshot ${slug}: ${(dump.size / 1e6).toFixed(1)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s`);
