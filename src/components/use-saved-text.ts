/**
 * Text state that is saved in localStorage as it changes, so a learner's code survives reloads,
 * closed tabs and a restarted worker. Falls back to memory where storage is unavailable.
 */
import { useEffect, useState } from 'react';

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** `useState` for a text saved under `key`; starts from the saved text, or `initial` when none. */
export function useSavedText(key: string, initial: string): [string, (text: string) => void] {
  const [text, setText] = useState(() => read(key) ?? initial);
  useEffect(() => {
    try {
      localStorage.setItem(key, text);
    } catch {
      // Storage full or disabled: the text still lives in memory for this visit.
    }
  }, [key, text]);
  return [text, setText];
}
