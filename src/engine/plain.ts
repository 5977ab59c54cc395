/** Conversion of query results and answers into plain JSON-safe data. */

/** Nesting deeper than this is cut off: no real answer is 100 levels deep, and recursion is finite. */
const MAX_DEPTH = 100;

/**
 * Returns a JSON-safe copy of `value`: Dates become ISO strings, bigints numbers (or strings when
 * too large), byte arrays hex strings, `undefined` in objects is dropped; class instances become
 * plain objects. Cycles become the string "[circular]", nesting past 100 levels "[too deep]".
 * Throws when a getter or proxy trap of `value` throws; callers turn that into a RunError.
 */
export function toPlain(value: unknown, seen = new WeakSet<object>(), depth = 0): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') {
    return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(value) : value.toString();
  }
  if (value === undefined || typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (value instanceof Uint8Array) return `\\x${Array.from(value, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
  if (typeof value !== 'object') return String(value);
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_DEPTH) return '[too deep]';
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => toPlain(item, seen, depth + 1) ?? null);
    if (value instanceof Map) return toPlain(Object.fromEntries(value), seen, depth + 1);
    if (value instanceof Set) return toPlain([...value], seen, depth + 1);
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const plain = toPlain(item, seen, depth + 1);
      if (plain !== undefined) out[key] = plain;
    }
    return out;
  } finally {
    seen.delete(value);
  }
}
