/** Which lessons this browser has solved, kept in localStorage. */
import { readStored, solvedKey, writeStored } from './storage-keys.ts';

/** Marks a lesson solved, keeping the date it was first solved. */
export function markSolved(slug: string): void {
  // Storage unavailable: progress is not kept, nothing else breaks.
  if (!isSolved(slug)) writeStored(solvedKey(slug), new Date().toISOString());
}

/** True when this browser solved the lesson before. */
export function isSolved(slug: string): boolean {
  return readStored(solvedKey(slug)) !== null;
}
