/** Node-side loader: reads lesson folders from disk. The browser gets the same text from the build. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseLesson } from './parse-lesson.ts';
import { LessonError, type Lesson } from './lesson.ts';

/** Default lessons folder: `lessons/` at the project root. */
export const DEFAULT_LESSONS_DIR = fileURLToPath(new URL('../../lessons/', import.meta.url));

/**
 * Reads and validates one lesson folder.
 * @throws LessonError when the folder is missing or a file is missing or invalid
 */
export function readLesson(root: string, slug: string): Lesson {
  const dir = join(root, slug);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new LessonError(`no such lesson folder in ${root}`, slug);
  }
  return parseLesson(slug, (name) => {
    const path = join(dir, name);
    return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  });
}

/**
 * Every folder under `root` that holds a `lesson.md`, in order: the same set the site's content
 * collection publishes. A badly named one is listed too, so that reading it reports the name.
 */
export function listLessonSlugs(root: string): string[] {
  if (!existsSync(root)) throw new LessonError('lessons folder not found', root);
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, 'lesson.md')))
    .map((entry) => entry.name)
    .sort();
}
