/**
 * Everything Fastpath keeps in the browser's localStorage, named in one place: the learner's files
 * per lesson, the hints opened, the lessons solved. Progress export and import (and the course map)
 * read the same names, so a key added here is a key they carry.
 */

/** The files a learner edits in a lesson, as the editor tabs name them. */
export type LessonFile = 'handler.ts' | 'migration.sql';

/** Key prefix of everything Fastpath stores. */
export const STORAGE_PREFIX = 'fastpath:';

/** The saved text of a learner's file in a lesson. */
export const fileKey = (slug: string, file: LessonFile) => `${STORAGE_PREFIX}${slug}:${file}`;
/** How many hints of a lesson the learner opened (a number as text). */
export const hintsKey = (slug: string) => `${STORAGE_PREFIX}${slug}:hints`;
/** When the lesson was first solved in this browser (an ISO date). */
export const solvedKey = (slug: string) => `${STORAGE_PREFIX}solved:${slug}`;
/** The starter's text when the saved handler was begun (or last reset): tells a changed starter apart. */
export const starterKey = (slug: string) => `${STORAGE_PREFIX}${slug}:starter`;

/** The prose column's share of a lesson page's width on wide screens, in percent (split-divider.ts). */
export const splitKey = `${STORAGE_PREFIX}layout:prose-share`;

/** localStorage.getItem that answers null where storage is blocked (private modes, sandboxed frames). */
export function readStored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** localStorage.setItem that reports failure (full, blocked) instead of throwing: the text still lives in memory. */
export function writeStored(key: string, value: string): boolean {
  try {
    localStorage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}
