/**
 * `npm run lessons:verify [-- --dir <lessons folder>]`
 * For every lesson: the starter is correct (unless the lesson has its own oracle) and fails at least
 * one performance check, and the solution passes every check. One row per lesson; exit 1 on any
 * failure, 2 when the folder cannot be read.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_LESSONS_DIR, listLessonSlugs, readLesson } from '../lessons/read-lessons.ts';
import { gradeInWorker, DEFAULT_LIMITS } from '../node/grade-in-worker.ts';
import { verifyLessonResults, type VerifyRow } from './verify-rules.ts';
import { formatError } from './format-report.ts';

const { values } = parseArgs({ options: { dir: { type: 'string' } } });
const lessonsDir = resolve(values.dir ?? DEFAULT_LESSONS_DIR);
let slugs: string[];
try {
  slugs = listLessonSlugs(lessonsDir);
} catch {
  console.error(`lessons:verify: lessons folder not found: ${lessonsDir}`);
  process.exit(2);
}
if (slugs.length === 0) {
  console.error(`lessons:verify: no lesson folders (NN-name) in ${lessonsDir}`);
  process.exit(2);
}

const started = performance.now();
async function verify(slug: string): Promise<VerifyRow> {
  let lesson;
  try {
    lesson = readLesson(lessonsDir, slug);
  } catch (error) {
    return { slug, ok: false, problems: [(error as Error).message] };
  }
  const { files } = lesson;
  const outcome = await gradeInWorker(
    {
      lessonsDir,
      slug,
      submissions: [
        { name: 'starter', file: 'starter.ts', code: files.starter, migration: files.migration },
        { name: 'solution', file: 'solution.ts', code: files.solution, migration: files.solutionMigration ?? files.migration },
      ],
    },
    { ...DEFAULT_LIMITS, submissionMs: 60_000 },
  );
  if (outcome.fatal) return { slug, ok: false, problems: [formatError(outcome.fatal)] };
  return verifyLessonResults(slug, Boolean(files.reference), outcome.results);
}

// One lesson at a time: the speed checks compare measured query times, and two lessons sharing
// the cores slow each other unevenly (lesson 2's solution measured 7.8x instead of 20x that way).
const rows: VerifyRow[] = [];
for (const slug of slugs) rows.push(await verify(slug));

const header = `${'lesson'.padEnd(22)} ${'queries/req'.padStart(13)} ${'median ms'.padStart(17)} ${'speedup'.padStart(8)}  result`;
console.log(header);
for (const row of rows) {
  const figures = row.figures
    ? `${`${row.figures.starterQueries} -> ${row.figures.solutionQueries}`.padStart(13)} ${`${row.figures.starterP50.toFixed(2)} -> ${row.figures.solutionP50.toFixed(2)}`.padStart(17)} ${`${Number.isFinite(row.figures.speedup) ? `${row.figures.speedup}x` : 'inf'}`.padStart(8)}`
    : ' '.repeat(40);
  console.log(`${row.slug.padEnd(22)} ${figures}  ${row.ok ? 'ok' : 'FAILED'}`);
  for (const problem of row.problems) console.log(`    - ${problem}`);
}
const failed = rows.filter((row) => !row.ok).length;
console.log(`\nVerified ${rows.length} lessons in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
console.log(`lessons: ${rows.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
