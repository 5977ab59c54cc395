/**
 * `npm run lesson -- new <NN-slug> [--from <lesson-slug>] [--dir <lessons>]`
 * In `--dir`, else in the folder FASTPATH_LESSONS names, else in lessons/ (it may be empty).
 * Makes a lesson folder that verifies as it is (the template), or a copy of another lesson under a
 * new name, then lists the files to edit. Exit 2 with a one-line reason for a bad name, a folder
 * that exists, or an unknown `--from`.
 */
import { relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { lessonsDir as chosenDir, LESSONS_VARIABLE } from '../lessons/lessons-dir.ts';
import { REQUIRED_FILES } from '../lessons/parse-lesson.ts';
import { createLesson, NewLessonRefusal } from '../lessons/new-lesson.ts';
import { LessonError } from '../lessons/lesson.ts';
import { refuse } from './refuse.ts';

/** The command line of `new`, for usage messages. */
export const NEW_USAGE = 'npm run lesson -- new <NN-slug> [--from <lesson-slug>] [--dir <lessons>]';

/** What each file is for, in the order an author works through them. */
const ROLES: Record<string, string> = {
  ...REQUIRED_FILES,
  'lesson.md': 'title, summary, topic (a track), hints, checks, and the story the learner reads',
  'migration.sql': 'the SQL the learner edits; comments only',
  'solution.sql': 'the migration that goes with solution.ts',
  'reference.ts': 'the oracle, when the starter is wrong on purpose',
};

/** Runs `new` with the arguments after the command name. */
export function newCommand(args: string[]): void {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { from: { type: 'string' }, dir: { type: 'string' } } });
  } catch (error) {
    return refuse('lesson', `${(error as Error).message}\nusage: ${NEW_USAGE}`);
  }
  const { values, positionals } = parsed;
  const [slug, extra] = positionals;
  if (!slug || extra !== undefined) return refuse('lesson', `usage: ${NEW_USAGE}`);
  const lessonsDir = values.dir === undefined ? chosenDir() : resolve(values.dir);

  let made;
  try {
    made = createLesson({ lessonsDir, slug, from: values.from });
  } catch (error) {
    if (error instanceof NewLessonRefusal) return refuse('lesson', error.message);
    // The lessons folder is missing, or its tracks.yaml is broken: the author's to fix.
    if (error instanceof LessonError) return refuse('lesson', error.file === lessonsDir ? `lessons folder not found: ${lessonsDir}` : error.message);
    throw error;
  }

  const shown = (path: string) => relative(process.cwd(), path) || '.';
  const folder = shown(made.dir);
  console.log(`Created ${folder}${values.from ? `, a copy of ${values.from}` : ''}: "${made.title}", order ${made.order}.`);
  console.log('\nEdit next:');
  const width = Math.max(...made.files.map((file) => file.length));
  const order = Object.keys(ROLES);
  const rank = (file: string) => (order.includes(file) ? order.indexOf(file) : order.length);
  for (const file of [...made.files].sort((a, b) => rank(a) - rank(b))) {
    const role = ROLES[file] ?? (file.startsWith('wrong/') ? 'a wrong fix verify must catch: its first line says what is wrong' : '');
    console.log(`  ${`${folder}/${file}`.padEnd(folder.length + 1 + width)}  ${role}`);
  }
  // The commands name the folder unless it is the default one: with --dir for verify, as given, and
  // with the variable for preview, which has no --dir (the site shows the folder the variable names).
  const isDefault = lessonsDir === chosenDir() && !process.env[LESSONS_VARIABLE]?.trim();
  const variable = isDefault ? '' : `${LESSONS_VARIABLE}=${quoted(shown(lessonsDir))} `;
  const dirOption = isDefault || values.dir === undefined ? '' : ` --dir ${quoted(shown(lessonsDir))}`;
  console.log(`\nThen check it:   ${dirOption ? '' : variable}npm run lessons:verify --${dirOption} ${slug}`);
  console.log(`And look at it:  ${variable}npm run lesson -- preview ${slug}`);
}

/** A path as a shell word: quoted when it holds anything but letters, digits and . _ / - */
function quoted(path: string): string {
  return /^[\w./-]+$/.test(path) ? path : `'${path.replaceAll("'", "'\\''")}'`;
}
