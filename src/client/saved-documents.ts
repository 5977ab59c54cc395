/**
 * The learner's files of one lesson, saved in localStorage on every change, so code survives
 * reloads, closed tabs and a restarted worker; and followed across tabs of the same lesson (else the
 * tab typed in last would silently overwrite the other's work on its next keystroke). Where storage
 * is unavailable the text lives in memory for the visit.
 */
import { fileKey, readStored, starterKey, writeStored, type LessonFile } from './storage-keys.ts';

/** The text of each file a learner edits. */
export type Documents = Record<LessonFile, string>;

/** Reads the saved files of `slug`, each falling back to `initial` when nothing is saved. */
export function readDocuments(slug: string, initial: Documents): Documents {
  return {
    'handler.ts': readStored(fileKey(slug, 'handler.ts')) ?? initial['handler.ts'],
    'migration.sql': readStored(fileKey(slug, 'migration.sql')) ?? initial['migration.sql'],
  };
}

/** Saves one file of `slug`. */
export function saveDocument(slug: string, file: LessonFile, text: string): void {
  writeStored(fileKey(slug, file), text);
}

/** The starter the saved attempt of `slug` began from, when one was recorded. */
export function savedStarter(slug: string): string | null {
  return readStored(starterKey(slug));
}

/** Records the starter an attempt begins from: at its first save, at a reset, or once a change is seen. */
export function recordStarter(slug: string, starter: string): void {
  writeStored(starterKey(slug), starter);
}

/** True when `slug` has a saved handler (an attempt). */
export function hasSavedAttempt(slug: string): boolean {
  return readStored(fileKey(slug, 'handler.ts')) !== null;
}

/**
 * Calls `onChange` when another tab saves a file of `slug`. The text is stored already: writing it
 * back could land after a newer keystroke in that tab and undo it there. Returns the unsubscribe.
 */
export function followOtherTabs(slug: string, onChange: (file: LessonFile, text: string) => void): () => void {
  if (typeof addEventListener !== 'function') return () => undefined;
  const files: LessonFile[] = ['handler.ts', 'migration.sql'];
  const follow = (event: StorageEvent) => {
    const file = files.find((name) => event.key === fileKey(slug, name));
    if (file && event.newValue !== null) onChange(file, event.newValue);
  };
  addEventListener('storage', follow);
  return () => removeEventListener('storage', follow);
}
