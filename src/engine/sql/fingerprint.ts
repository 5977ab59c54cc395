/**
 * Query fingerprints: the shape of a statement with its values taken out, so that the 50 queries an
 * N+1 loop issues group into one line ("ran 50x from line 12").
 */

/**
 * Normalises SQL to its shape: comments dropped, string and number literals and `$n` parameters
 * replaced by `?`, `IN (...)` and `VALUES (...)` lists folded, keywords and identifiers lower-cased (quoted
 * identifiers kept), whitespace collapsed.
 */
export function fingerprint(sql: string): string {
  let out = '';
  let i = 0;
  while (i < sql.length) {
    const rest = sql.slice(i);
    const token =
      /^--[^\n]*/.exec(rest) ??
      /^\/\*[\s\S]*?\*\//.exec(rest);
    if (token) {
      out += ' ';
      i += token[0].length;
      continue;
    }
    const literal =
      /^(?:[eE])?'(?:[^']|'')*'/.exec(rest) ??
      /^\$(\w*)\$[\s\S]*?\$\1\$/.exec(rest) ??
      /^\$\d+/.exec(rest) ??
      /^(?<![\w.])\d+(?:\.\d+)?(?:[eE][-+]?\d+)?/.exec(rest);
    if (literal && !(/^\d/.test(literal[0]) && /[\w.]$/.test(out))) {
      out += '?';
      i += literal[0].length;
      continue;
    }
    const quoted = /^"(?:[^"]|"")*"/.exec(rest);
    if (quoted) {
      out += quoted[0];
      i += quoted[0].length;
      continue;
    }
    out += sql[i].toLowerCase();
    i++;
  }
  return out
    .replace(/\s+/g, ' ')
    .replace(/\s*([,=<>])\s*/g, '$1')
    .replace(/\s*\(\s*/g, '(')
    .replace(/\s+\)/g, ')')
    .replace(/\bin\((?:\?,)*\?\)/g, 'in(...)')
    .replace(/\bvalues\((?:\?,)*\?\)(?:,\((?:\?,)*\?\))*/g, 'values(...)')
    .replace(/;+$/, '')
    .trim();
}

/** A short stable id for a fingerprint (FNV-1a, hex), for keys and links. */
export function shapeId(shape: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < shape.length; i++) {
    hash ^= shape.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
