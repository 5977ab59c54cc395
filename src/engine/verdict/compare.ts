/** Comparing a handler's answer with the oracle's. */
import { toPlain } from '../plain.ts';

/** How answers are compared (lesson frontmatter `answers`). */
export type AnswerOrder = 'ordered' | 'unordered';

/**
 * Canonical JSON of an answer: plain data with object keys sorted; with `unordered`, the items of
 * a top-level array are sorted too, so row order does not matter.
 */
export function canonicalAnswer(answer: unknown, order: AnswerOrder): string {
  try {
    const plain = toPlain(answer);
    if (order === 'unordered' && Array.isArray(plain)) {
      return `[${plain.map((item) => stableStringify(item)).sort().join(',')}]`;
    }
    return stableStringify(plain);
  } catch (error) {
    // A getter that throws, or an answer too large for one string: it cannot equal any answer.
    return `unreadable #${++unreadable}: ${error instanceof Error ? error.message : 'it threw'}`;
  }
}

let unreadable = 0;

/** JSON with object keys in sorted order; `undefined` stands as the word `undefined`. */
export function stableStringify(value: unknown): string {
  if (value === undefined) return 'undefined';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? 'null' : stableStringify(item))).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${stableStringify((value as Record<string, unknown>)[key])}`).join(',')}}`;
}

/**
 * One sentence on how `actual` differs from `expected`, for a learner reading a mismatch: a missing
 * return, a wrong type, missing or extra rows, a different order, or the first differing field.
 */
export function describeDifference(expected: unknown, actual: unknown, order: AnswerOrder): string {
  try {
    return difference(expected, actual, order);
  } catch {
    return 'The answers differ (one is too large or too deep to show).';
  }
}

function difference(expected: unknown, actual: unknown, order: AnswerOrder): string {
  const want = toPlain(expected);
  const got = toPlain(actual);
  if (got === undefined) return 'Your handler returned nothing (undefined): is a `return` missing?';
  if (want === undefined) return `The reference returns nothing here; yours returned ${typeName(got)}.`;
  if (Array.isArray(want) && !Array.isArray(got)) return `Expected an array of ${want.length} items, got ${typeName(got)}.`;
  if (Array.isArray(want) && Array.isArray(got)) {
    if (got.length < want.length) return `${want.length - got.length} of ${want.length} expected items are missing.`;
    if (got.length > want.length) return `${got.length - want.length} more items than expected (${want.length}).`;
    const sortedSame = canonicalAnswer(want, 'unordered') === canonicalAnswer(got, 'unordered');
    if (sortedSame && order === 'ordered') return 'The same items, in a different order: the order matters here.';
    if (order === 'unordered') {
      const remaining = new Set(want.map((item) => stableStringify(item)));
      const extra = got.find((item) => !remaining.delete(stableStringify(item)));
      return `An item that should not be there: ${short(extra)}; one that is missing: ${short(JSON.parse([...remaining][0] ?? 'null'))}.`;
    }
    const index = want.findIndex((item, i) => stableStringify(item) !== stableStringify(got[i]));
    if (index !== -1) return `Item ${index} differs: ${difference(want[index], got[index], order)}`;
  }
  if (isObject(want) && isObject(got)) {
    const missing = Object.keys(want).filter((key) => !(key in got));
    if (missing.length) return `Missing field${missing.length > 1 ? 's' : ''} ${missing.map((key) => `"${key}"`).join(', ')}.`;
    const extra = Object.keys(got).filter((key) => !(key in want));
    if (extra.length) return `Unexpected field${extra.length > 1 ? 's' : ''} ${extra.map((key) => `"${key}"`).join(', ')}.`;
    const key = Object.keys(want).find((field) => stableStringify(want[field]) !== stableStringify(got[field]));
    // Nested lists and objects (an order's lines) are compared further, so the sentence points at
    // what differs inside them; nested arrays keep their order.
    const nested = (value: unknown) => typeof value === 'object' && value !== null;
    if (key && nested(want[key]) && nested(got[key])) return `Field "${key}": ${difference(want[key], got[key], 'ordered')}`;
    if (key) return `Field "${key}": expected ${short(want[key])}, got ${short(got[key])}.`;
  }
  if (typeName(want) !== typeName(got)) return `Expected ${typeName(want)}, got ${typeName(got)}.`;
  return `Expected ${short(want)}, got ${short(got)}.`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function short(value: unknown): string {
  const text = stableStringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
