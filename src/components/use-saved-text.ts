/**
 * Text state that is saved in localStorage as it changes, so a learner's code survives reloads,
 * closed tabs and a restarted worker, and follows edits made in another tab of the same lesson
 * (else the tab typed in last would silently overwrite the other's work on its next keystroke).
 * Falls back to memory where storage is unavailable.
 */
import { useEffect, useRef, useState } from 'react';

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
  /**
   * The last text taken from another tab. It is stored already; writing it back could land after a
   * newer keystroke in that tab and undo it there (a race too quick to show in a test).
   */
  const followed = useRef<string>(undefined);
  useEffect(() => {
    if (text === followed.current) return;
    try {
      localStorage.setItem(key, text);
    } catch {
      // Storage full or disabled: the text still lives in memory for this visit.
    }
  }, [key, text]);
  useEffect(() => {
    const follow = (event: StorageEvent) => {
      if (event.key !== key || event.newValue === null) return;
      followed.current = event.newValue;
      setText(event.newValue);
    };
    addEventListener('storage', follow);
    return () => removeEventListener('storage', follow);
  }, [key]);
  return [text, setText];
}
