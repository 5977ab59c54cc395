/** Which lessons this browser has solved, kept in localStorage. */
const key = (slug: string) => `fastpath:solved:${slug}`;

/** Marks a lesson solved. */
export function markSolved(slug: string): void {
  try {
    localStorage.setItem(key(slug), new Date().toISOString());
  } catch {
    // Storage unavailable: progress is not kept, nothing else breaks.
  }
}

/** True when this browser solved the lesson before. */
export function isSolved(slug: string): boolean {
  try {
    return localStorage.getItem(key(slug)) !== null;
  } catch {
    return false;
  }
}
