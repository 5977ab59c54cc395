/**
 * Which lessons folder the site, the CLIs and the scripts read, and which lessons it holds. One
 * environment variable, `FASTPATH_LESSONS`, picks it for all of them, so a workshop facilitator
 * builds, previews and verifies their own folder with the commands the course uses.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LessonError } from './lesson.ts';

/** The environment variable naming the lessons folder: a path, absolute or relative to the current directory. */
export const LESSONS_VARIABLE = 'FASTPATH_LESSONS';

const here = fileURLToPath(import.meta.url);
/**
 * The project root. Run from source (CLIs, scripts, tests, Astro's config and dev server) this file
 * is src/lessons/lessons-dir.ts, two folders below it. Astro's build bundles it into a chunk under
 * dist/, where a path relative to the file would point into dist/: there the root is the current
 * directory, which `npm run` (and so Astro) always sets to the project root.
 */
const PROJECT_ROOT = here.endsWith(join('src', 'lessons', 'lessons-dir.ts')) ? resolve(dirname(here), '../..') : process.cwd();

/** The course's own lessons folder, `lessons/` at the project root: the default. */
export const COURSE_LESSONS_DIR = join(PROJECT_ROOT, 'lessons');

/**
 * The lessons folder to read: `FASTPATH_LESSONS` resolved against `cwd` when it is set (and not
 * blank), else the course's `lessons/`. Under `npm run` the current directory is the project root.
 * Nothing is checked here; `chosenLessons` says what is wrong with the folder.
 */
export function lessonsDir(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  const chosen = env[LESSONS_VARIABLE]?.trim();
  return chosen ? resolve(cwd, chosen) : COURSE_LESSONS_DIR;
}

/**
 * Every folder under `root` that holds a `lesson.md`, sorted: the set the site's content collection
 * publishes. A badly named one is listed too, so that reading it reports the name. Symbolic links
 * to lesson folders count (a facilitator may link lessons kept elsewhere).
 * @throws LessonError (its `file` is `root`) when `root` is not a folder
 */
export function listLessonSlugs(root: string): string[] {
  if (!isDirectory(root)) throw new LessonError('lessons folder not found', root);
  return readdirSync(root)
    .filter((name) => isDirectory(join(root, name)) && existsSync(join(root, name, 'lesson.md')))
    .sort();
}

/**
 * The chosen lessons folder (see `lessonsDir`) and its lessons, with an error that names the folder
 * and how it was chosen when there are none: a typo in `FASTPATH_LESSONS` would otherwise build an
 * empty site, or verify nothing, without a word.
 * @throws LessonError (its `file` is the folder) when the folder is missing or holds no lesson
 */
export function chosenLessons(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): { dir: string; slugs: string[] } {
  const dir = lessonsDir(env, cwd);
  const chosen = env[LESSONS_VARIABLE]?.trim();
  const how = chosen ? `${LESSONS_VARIABLE}=${chosen}` : `the default; set ${LESSONS_VARIABLE} to use another folder`;
  if (!isDirectory(dir)) throw new LessonError(`lessons folder not found (${how})`, dir);
  const slugs = listLessonSlugs(dir);
  if (slugs.length === 0) {
    throw new LessonError(`no lessons in this folder: a lesson is a folder holding lesson.md, like 01-n-plus-one/lesson.md (${how})`, dir);
  }
  return { dir, slugs };
}

/** True for a folder, or a link to one; false for anything else, a broken link included. */
export function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
