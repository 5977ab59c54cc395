/** Conversion of query results and answers into plain JSON-safe data. */

/**
 * Returns a JSON-safe copy of `value`: Dates become ISO strings, bigints numbers (or strings when
 * too large), byte arrays hex strings, `undefined` in objects is dropped; class instances become
 * plain objects. Cycles become the string "[circular]".
 */
export function toPlain(value: unknown, seen = new WeakSet<object>()): unknown {
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
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item) => toPlain(item, seen) ?? null);
    if (value instanceof Map) return toPlain(Object.fromEntries(value), seen);
    if (value instanceof Set) return toPlain([...value], seen);
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const plain = toPlain(item, seen);
      if (plain !== undefined) out[key] = plain;
    }
    return out;
  } finally {
    seen.delete(value);
  }
}
