/**
 * Node-side: makes a new lesson folder, from the template (`src/lessons/lesson-template/`, a small lesson
 * that verifies as it is) or as a copy of an existing lesson, with a title and an order of its own.
 */
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SLUG } from './parse-lesson.ts';
import { readLesson } from './read-lessons.ts';
import { listLessonSlugs } from './lessons-dir.ts';
import { readTracks } from './read-tracks.ts';
import { setFrontmatterFields } from './edit-frontmatter.ts';

/** The folder `lesson new` copies when no `--from` is given. */
export const TEMPLATE_DIR = fileURLToPath(new URL('./lesson-template/', import.meta.url));

/** Why a new lesson was not made: a reason for one line, the author's mistake. */
export class NewLessonRefusal extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'NewLessonRefusal';
  }
}

/** What was made. */
export interface NewLesson {
  /** The new folder. */
  dir: string;
  /** Its files, relative to it (`wrong/` files as `wrong/name.ts`), sorted. */
  files: string[];
  /** The title and order it was given. */
  title: string;
  order: number;
}

/**
 * Makes `lessonsDir/slug` from the template or from the lesson `from` in the same folder, and gives
 * it a title made from the slug and an order no other lesson has (the slug's number when free).
 * @throws NewLessonRefusal for a bad slug, a folder that exists, or an unknown `from`
 */
export function createLesson({ lessonsDir, slug, from }: { lessonsDir: string; slug: string; from?: string }): NewLesson {
  if (!SLUG.test(slug)) {
    throw new NewLessonRefusal(`"${slug}" is not a lesson name: use a number, a dash and lower-case words joined by dashes, like 04-slow-invoices`);
  }
  const dir = join(lessonsDir, slug);
  if (existsSync(dir)) throw new NewLessonRefusal(`${dir} already exists; pick another name, or delete that folder first`);
  const slugs = listLessonSlugs(lessonsDir);
  if (from !== undefined && !slugs.includes(from)) {
    throw new NewLessonRefusal(`unknown lesson "${from}" for --from; lessons: ${slugs.join(', ') || '(none)'}`);
  }
  // Checked before anything is written: a broken tracks file should not leave half a lesson behind.
  const { tracks } = readTracks(lessonsDir);

  const title = titleOf(slug);
  const order = freeOrder(lessonsDir, slugs, Number.parseInt(slug, 10));
  // dereference: a lesson linked from elsewhere is copied, not linked again.
  cpSync(from === undefined ? TEMPLATE_DIR : join(lessonsDir, from), dir, { recursive: true, dereference: true });
  const fields: Record<string, string | number> = { title, order };
  // The template's track may not exist in a folder with its own tracks.yaml; a copy keeps its own.
  if (from === undefined && !tracks.some((track) => track.id === 'round-trips')) fields.topic = tracks[0]!.id;
  const markdown = join(dir, 'lesson.md');
  writeFileSync(markdown, setFrontmatterFields(readFileSync(markdown, 'utf8'), fields));
  return { dir, files: listFiles(dir), title, order };
}

/** `04-slow-invoices` -> `Slow invoices`; the schema wants at least 3 characters. */
function titleOf(slug: string): string {
  const words = slug.replace(/^\d+-/, '').replaceAll('-', ' ');
  const title = words.charAt(0).toUpperCase() + words.slice(1);
  return title.length >= 3 ? title : `Lesson ${slug}`;
}

/** `wanted` if no lesson has that order yet, else one more than the highest. */
function freeOrder(lessonsDir: string, slugs: string[], wanted: number): number {
  const orders = slugs.flatMap((slug) => {
    try {
      return [readLesson(lessonsDir, slug).frontmatter.order];
    } catch {
      return []; // a lesson that does not load has no order to avoid
    }
  });
  return wanted >= 1 && !orders.includes(wanted) ? wanted : Math.max(0, ...orders) + 1;
}

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? listFiles(dir, `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`]))
    .sort();
}
