/**
 * A schema issue in words an author can act on: zod says what is wrong ("expected number, received
 * string"); the field's own description says what it is for, so together they say what to write.
 */
import { z } from 'zod';

/** What an author reads about one issue. */
export interface IssueText {
  /** The field at fault; for an unknown key, the key itself rather than its parent. */
  path: PropertyKey[];
  reason: string;
}

/**
 * Explains the first thing wrong with `data` according to `root`.
 * @param issue an issue from `root.safeParse(data)`
 */
export function explainIssue(issue: z.core.$ZodIssue, root: z.ZodType, data: unknown): IssueText {
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    const known = keysOf(schemaAt(root, issue.path));
    const guess = closest(key, known);
    const hint = guess ? `: did you mean "${guess}"?` : '.';
    return { path: [...issue.path, key], reason: `unknown field${hint} The fields here are ${known.join(', ')}.` };
  }
  const description = descriptionAt(root, issue.path);
  // Refinements (a handler that is not declared, a track that does not exist) already say what to do.
  if (issue.code === 'custom') return { path: issue.path, reason: issue.message };
  if (isMissing(data, issue.path)) {
    return { path: issue.path, reason: `missing: add this field.${description ? ` ${description}` : ''}` };
  }
  return { path: issue.path, reason: description ? `${issue.message}. ${description}` : issue.message };
}

/** Optional, default and nullable wrappers removed. */
function unwrap(schema: z.ZodType): z.ZodType {
  let node = schema;
  while (node instanceof z.ZodOptional || node instanceof z.ZodDefault || node instanceof z.ZodNullable) node = node.unwrap() as z.ZodType;
  return node;
}

/** The schema of the field at `path`, or `undefined` where the path leaves the schema. */
function schemaAt(root: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let node: z.ZodType | undefined = root;
  for (const part of path) {
    const inner: z.ZodType = unwrap(node);
    if (inner instanceof z.ZodObject && typeof part === 'string') node = (inner.shape as Record<string, z.ZodType>)[part];
    else if (inner instanceof z.ZodArray && typeof part === 'number') node = inner.element as z.ZodType;
    else if (inner instanceof z.ZodUnion && typeof part === 'string') {
      // A scoped check: `{ target, handler }` is the object member of the union.
      const member = (inner.options as z.ZodType[]).map(unwrap).find((option) => option instanceof z.ZodObject);
      node = member && ((member as z.ZodObject).shape as Record<string, z.ZodType>)[part];
    } else return undefined;
    if (!node) return undefined;
  }
  return node;
}

/** The description of the field at `path`, or of the nearest field above it that has one. */
function descriptionAt(root: z.ZodType, path: readonly PropertyKey[]): string | undefined {
  for (let length = path.length; length > 0; length--) {
    const node = schemaAt(root, path.slice(0, length));
    const description = node && (node.description ?? unwrap(node).description);
    if (description) return description;
  }
  return undefined;
}

function keysOf(schema: z.ZodType | undefined): string[] {
  const inner = schema && unwrap(schema);
  return inner instanceof z.ZodObject ? Object.keys(inner.shape) : [];
}

/** True when the field's parent is a mapping without it: the author left it out. */
function isMissing(data: unknown, path: readonly PropertyKey[]): boolean {
  if (path.length === 0) return false;
  const parent = valueAt(data, path.slice(0, -1));
  return parent !== null && typeof parent === 'object' && !Array.isArray(parent) && !Object.hasOwn(parent, path.at(-1)!);
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

/** The known key a misspelt one most likely meant: same letters in another case, or at most two edits away. */
function closest(key: string, known: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const distance = candidate.toLowerCase() === key.toLowerCase() ? 0 : editDistance(key, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

/** Levenshtein distance, for keys of a few dozen characters. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
