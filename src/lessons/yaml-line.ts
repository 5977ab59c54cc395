/**
 * Where a field sits in a YAML text, for error messages: js-yaml gives lines for syntax errors only,
 * and a schema error has a path (`checks.speedup.handler`, `hints.1`, `0.title`) but no line.
 */

/** One line of the text as far as finding fields needs it. */
interface Line {
  indent: number;
  /** Column after any `- ` markers: where a key on an item line (`- id: x`) starts. */
  content: number;
  /** True for a line starting with a `- ` sequence marker. */
  item: boolean;
  /** The mapping key the line starts with (after any `- `), when it has one. */
  key?: string;
  /** True for blank and comment-only lines, which neither hold nor end a block. */
  empty: boolean;
}

/** A key or an item found so far; line -1 is the whole document. */
interface Node {
  line: number;
  /** Column of its key, or of its `-` marker. */
  column: number;
  item: boolean;
}

const KEY = /^(?:"([^"]*)"|'([^']*)'|([^\s#"'][^#]*?))\s*:(?:\s|$)/;

function scan(text: string): Line[] {
  return text.split(/\r?\n/).map((raw) => {
    const indent = raw.length - raw.trimStart().length;
    const rest = raw.slice(indent);
    const dashes = /^(?:-(?:\s+|$))+/.exec(rest)?.[0] ?? '';
    const match = KEY.exec(rest.slice(dashes.length));
    const key = match ? (match[1] ?? match[2] ?? match[3]) : undefined;
    return { indent, content: indent + dashes.length, item: dashes.length > 0, key, empty: rest === '' || rest.startsWith('#') };
  });
}

/**
 * Best-effort 1-based line of `path` in `text`, or of the deepest part of it that was found (a
 * missing key is reported on its parent's line); `undefined` when not even the first part is there.
 * A key is looked for only at its parent's child column and inside its parent's block, so the
 * `handler:` under another check, or a word and a colon inside a folded string, is not taken for
 * it. A part written in flow style (`speedup: { target: 3 }`, `hints: [a, b]`) gives the line of
 * the flow collection.
 */
export function lineOfPath(text: string, path: readonly PropertyKey[]): number | undefined {
  const lines = scan(text);
  let node: Node = { line: -1, column: -1, item: false };
  let found: number | undefined;
  for (const part of path) {
    const next = typeof part === 'number' ? nthItem(lines, node, part) : typeof part === 'string' ? keyIn(lines, node, part) : undefined;
    if (!next) break;
    node = next;
    found = next.line + 1;
  }
  return found;
}

/** The lines that belong to `node`: an item's own line and the lines indented deeper than it. */
function blockOf(lines: Line[], node: Node): { from: number; to: number } {
  if (node.line === -1) return { from: 0, to: lines.length };
  let to = node.line + 1;
  while (to < lines.length) {
    const line = lines[to]!;
    // `key:` followed by `- a` at the key's own column is still the key's sequence.
    const compactItem = !node.item && line.item && line.indent === node.column;
    if (!line.empty && line.indent <= node.column && !compactItem) break;
    to++;
  }
  return { from: node.item ? node.line : node.line + 1, to };
}

/** The first non-empty line of the block, if any. */
function firstLine(lines: Line[], block: { from: number; to: number }): Line | undefined {
  return lines.slice(block.from, block.to).find((line) => !line.empty);
}

/** `key:` among the direct children of `node` (a mapping). */
function keyIn(lines: Line[], node: Node, key: string): Node | undefined {
  const block = blockOf(lines, node);
  const first = firstLine(lines, block);
  if (!first || (first.item && !node.item)) return undefined;
  const column = first.content;
  for (let index = block.from; index < block.to; index++) {
    const line = lines[index]!;
    if (!line.empty && line.key === key && line.content === column) return { line: index, column, item: false };
  }
  return undefined;
}

/** The `index`-th item (0-based) of `node` (a block sequence). */
function nthItem(lines: Line[], node: Node, index: number): Node | undefined {
  if (node.item) return undefined;
  const block = blockOf(lines, node);
  const first = firstLine(lines, block);
  if (!first?.item) return undefined;
  let seen = -1;
  for (let at = block.from; at < block.to; at++) {
    const line = lines[at]!;
    if (!line.empty && line.item && line.indent === first.indent && ++seen === index) return { line: at, column: line.indent, item: true };
  }
  return undefined;
}
