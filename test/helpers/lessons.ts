/** Test helpers: real lessons and small inline ones, each in a real PGlite. */
import { afterAll, beforeAll } from 'vitest';
import { PGlite } from '@electric-sql/pglite';
import { parseLesson } from '../../src/lessons/parse-lesson.ts';
import { readLesson } from '../../src/lessons/read-lessons.ts';
import { COURSE_LESSONS_DIR } from '../../src/lessons/lessons-dir.ts';
import { LessonSession } from '../../src/engine/lesson/lesson-session.ts';
import type { Lesson } from '../../src/lessons/lesson.ts';
import { freshPGlite } from '../../src/node/fresh-pglite.ts';

/**
 * Opens a lesson for the tests of the enclosing `describe` (before them) and closes it after.
 * Read `session` and `lesson` inside tests, once `beforeAll` has run.
 */
export function useLesson(slug: string): { lesson: Lesson; session: LessonSession } {
  const opened = {} as { lesson: Lesson; session: LessonSession; pg: PGlite };
  beforeAll(async () => Object.assign(opened, await openLesson(slug)));
  afterAll(() => opened.pg?.close());
  return opened;
}

/** Opens a lesson of `lessons/` in a fresh PGlite. Close `pg` in afterAll. */
export async function openLesson(slug: string): Promise<{ lesson: Lesson; session: LessonSession; pg: PGlite }> {
  const lesson = readLesson(COURSE_LESSONS_DIR, slug);
  const pg = await freshPGlite();
  return { lesson, session: await LessonSession.open(lesson, pg), pg };
}

const FRONTMATTER = `---
title: A tiny lesson
summary: A lesson made inside a test.
topic: round-trips
order: 1
minutes: 5
handlers: [handle]
hints: [look at the queries]
explanation: Tests need small lessons that boot fast.
checks:
  correct: true
  maxQueriesPerRequest: 1
---
Prose.`;

/** The tiny lesson's `lesson.md` with more lines under `checks:` (indented by two spaces there). */
export function tinyFrontmatterWith(...checks: string[]): string {
  return FRONTMATTER.replace('  maxQueriesPerRequest: 1\n', `  maxQueriesPerRequest: 1\n${checks.map((check) => `  ${check}\n`).join('')}`);
}

/** The files of a small lesson: 100 items; `handle({ id })` returns one item. Override any file. */
export function tinyLessonFiles(overrides: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    'lesson.md': FRONTMATTER,
    'schema.sql': 'CREATE TABLE items (id integer PRIMARY KEY, name text NOT NULL); CREATE SEQUENCE ticket_seq;',
    'seed.sql': "INSERT INTO items SELECT g, 'item ' || g FROM generate_series(1, 100) AS g;",
    'starter.ts': `export async function handle({ id }, { db }) {
  const [item] = await db.query('SELECT id, name FROM items WHERE id = $1', [id]);
  return item ?? null;
}`,
    'solution.ts': `export async function handle({ id }, { db }) {
  const [item] = await db.query('SELECT id, name FROM items WHERE id = $1', [id]);
  return item ?? null;
}`,
    'workload.ts': `export default (random) => Array.from({ length: 5 }, (_, i) => ({ request: 'handle', input: { id: i + 1 } }));`,
    ...overrides,
  };
}

/** A validated tiny lesson. */
export function tinyLesson(overrides: Record<string, string | undefined> = {}): Lesson {
  const files = tinyLessonFiles(overrides);
  return parseLesson('00-tiny', (name) => files[name]);
}

/** Opens a tiny lesson in `pg` (reuse one PGlite per file: booting costs seconds). */
export async function openTiny(pg: PGlite, overrides: Record<string, string | undefined> = {}): Promise<LessonSession> {
  await pg.exec('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
  return LessonSession.open(tinyLesson(overrides), pg);
}
