/**
 * `npm run lessons:verify [-- [--dir <lessons folder, or one lesson folder>] [<slug>...]]`
 * For every lesson of the folder (`--dir`, else the one FASTPATH_LESSONS names, else lessons/), or
 * the ones named: the starter is correct (unless the lesson has its own oracle) and fails at least
 * one performance check, the solution passes every check, and every wrong fix in `wrong/` fails. One row per lesson, one line per wrong fix under it; exit 1 on any
 * failure, 2 when the folder cannot be read or a named lesson is not in it.
 */
import { existsSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readLesson, readRightFixes, readWrongFixes } from '../lessons/read-lessons.ts';
import { chosenLessons, listLessonSlugs } from '../lessons/lessons-dir.ts';
import { Grader, DEFAULT_LIMITS } from '../node/grade-in-worker.ts';
import { messageOf } from '../engine/errors.ts';
import { verifyLessonResults, type VerifyRow } from './verify-rules.ts';
import { formatError } from './format-report.ts';
import { refuse } from './refuse.ts';

const USAGE = 'usage: npm run lessons:verify [-- [--dir <lessons folder, or one lesson folder>] [<slug>...]]';

function fail(reason: string): never {
  return refuse('lessons:verify', reason);
}

/**
 * The lessons `--dir` names: the lesson folders in it, or itself when it is one (it has lesson.md;
 * a link to a lesson folder counts, and is graded under the link's name).
 */
function lessonsIn(target: string): { lessonsDir: string; slugs: string[] } {
  if (existsSync(join(target, 'lesson.md'))) return { lessonsDir: dirname(target), slugs: [basename(target)] };
  let slugs: string[];
  try {
    slugs = listLessonSlugs(target);
  } catch {
    return fail(`lessons folder not found: ${target}`);
  }
  if (slugs.length === 0) fail(`no lesson folders (NN-name) in ${target}`);
  return { lessonsDir: target, slugs };
}

/** The chosen lessons folder and its lessons; exit 2 naming the folder and the variable when it has none. */
function chosen(): { lessonsDir: string; slugs: string[] } {
  try {
    const { dir, slugs } = chosenLessons();
    return { lessonsDir: dir, slugs };
  } catch (error) {
    return fail(messageOf(error));
  }
}

/**
 * Grades the starter, the solution and the wrong fixes in one job, so the starter is measured
 * once; one grading process serves every lesson in turn.
 */
async function verify(grader: Grader, lessonsDir: string, slug: string): Promise<VerifyRow> {
  let lesson;
  let wrong;
  let right;
  try {
    lesson = readLesson(lessonsDir, slug);
    wrong = readWrongFixes(lessonsDir, lesson);
    right = readRightFixes(lessonsDir, lesson);
  } catch (error) {
    return { slug, ok: false, problems: [messageOf(error)], wrong: [], right: [] };
  }
  const { files } = lesson;
  const outcome = await grader.grade(
    {
      lessonsDir,
      slug,
      submissions: [
        { name: 'starter', file: 'starter.ts', code: files.starter, migration: files.migration },
        { name: 'solution', file: 'solution.ts', code: files.solution, migration: files.solutionMigration ?? files.migration },
        ...[...wrong, ...right].map((fix) => ({ name: fix.name, file: fix.codeFile, code: fix.code, migration: fix.migration })),
      ],
    },
    { ...DEFAULT_LIMITS, submissionMs: 60_000 },
  );
  if (outcome.regradedAfter) console.warn(`${slug}: the grading process crashed inside V8 (${outcome.regradedAfter}), a Node bug; graded again.`);
  if (outcome.fatal) return { slug, ok: false, problems: [formatError(outcome.fatal)], wrong: [], right: [] };
  return verifyLessonResults(slug, Boolean(files.reference), outcome.results, wrong, right);
}

function printRow(row: VerifyRow): void {
  const figures = row.figures
    ? `${`${row.figures.starterQueries} -> ${row.figures.solutionQueries}`.padStart(13)} ${`${row.figures.starterP50.toFixed(2)} -> ${row.figures.solutionP50.toFixed(2)}`.padStart(17)} ${`${Number.isFinite(row.figures.speedup) ? `${row.figures.speedup}x` : 'inf'}`.padStart(8)}`
    : ' '.repeat(40);
  console.log(`${row.slug.padEnd(22)} ${figures}  ${row.ok ? 'ok' : 'FAILED'}`);
  const fixes = [...row.wrong, ...row.right];
  const width = Math.max(0, ...fixes.map((fix) => fix.name.length));
  for (const fix of fixes) console.log(`    ${fix.name.padEnd(width)}  ${fix.result}${fix.message ? `: ${fix.message}` : ''}`);
  for (const problem of row.problems) console.log(`    - ${problem}`);
}

const { values, positionals } = (() => {
  try {
    return parseArgs({ allowPositionals: true, options: { dir: { type: 'string' } } });
  } catch (error) {
    return fail(`${messageOf(error)}\n${USAGE}`);
  }
})();
// --dir wins; without it, the folder FASTPATH_LESSONS names, as for the site (lessons-dir.ts).
const found = values.dir === undefined ? chosen() : lessonsIn(resolve(values.dir));
const { lessonsDir } = found;
for (const slug of positionals) {
  if (!found.slugs.includes(slug)) fail(`unknown lesson "${slug}"; lessons: ${found.slugs.join(', ')}`);
}
// The lessons named, in the order given, or every lesson of the folder.
const slugs = positionals.length ? [...new Set(positionals)] : found.slugs;

const started = performance.now();
console.log(`${'lesson'.padEnd(22)} ${'queries/req'.padStart(13)} ${'median ms'.padStart(17)} ${'speedup'.padStart(8)}  result`);
// One lesson at a time: the speed checks compare measured query times, and two lessons sharing
// the cores slow each other unevenly (lesson 2's solution measured 7.8x instead of 20x that way).
const rows: VerifyRow[] = [];
const grader = new Grader();
for (const slug of slugs) {
  // Nothing a lesson does should escape as a stack trace: it becomes that lesson's problem.
  const row = await verify(grader, lessonsDir, slug).catch((error: unknown): VerifyRow => ({ slug, ok: false, problems: [`internal error: ${messageOf(error)}`], wrong: [], right: [] }));
  rows.push(row);
  printRow(row);
}
await grader.close();
const failed = rows.filter((row) => !row.ok).length;
const wrong = rows.flatMap((row) => row.wrong);
const rejected = wrong.filter((fix) => fix.asExpected).length;
const right = rows.flatMap((row) => row.right);
const accepted = right.filter((fix) => fix.asExpected).length;
console.log(`\nVerified ${rows.length} ${rows.length === 1 ? 'lesson' : 'lessons'} in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
console.log(`lessons: ${rows.length - failed} passed, ${failed} failed; wrong fixes: ${rejected} caught, ${wrong.length - rejected} not; right fixes: ${accepted} passed, ${right.length - accepted} not`);
process.exit(failed ? 1 : 0);
