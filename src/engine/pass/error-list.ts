/** The errors of a pass: the same mistake usually fails every request, so keep its first occurrence and count the rest. */
import type { RunError } from '../errors.ts';

const MAX_ERRORS = 20;

/** A list that merges repeats of one error (same kind, message and place) into a count. */
export function createErrorList(): { list: RunError[]; add(error: RunError): void } {
  const list: RunError[] = [];
  return {
    list,
    add(error) {
      const same = list.find((kept) => kept.kind === error.kind && kept.message === error.message && kept.file === error.file && kept.line === error.line);
      if (same) same.count = (same.count ?? 1) + 1;
      else if (list.length < MAX_ERRORS) list.push(error);
    },
  };
}
