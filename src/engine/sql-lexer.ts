/**
 * Just enough SQL lexing to find statement boundaries and comments: quoted strings (with '' and,
 * in E'' strings, backslash escapes), dollar-quoted bodies, quoted identifiers, line comments and
 * nested block comments. Splitting on ';' with a regex gets every one of these wrong.
 */

/** One statement of a script, with the offset of its first character in the script. */
export interface SqlStatement {
  text: string;
  /** 0-based offset of `text` in the script. */
  start: number;
}

/** Length of the quoted or commented span starting at `i`, or 0 when none starts there. */
function spanAt(sql: string, i: number): number {
  const c = sql[i];
  const next = sql[i + 1];
  if (c === '-' && next === '-') {
    const end = sql.indexOf('\n', i);
    return (end === -1 ? sql.length : end) - i;
  }
  if (c === '/' && next === '*') {
    let depth = 0;
    for (let j = i; j < sql.length - 1; j++) {
      if (sql[j] === '/' && sql[j + 1] === '*') {
        depth++;
        j++;
      } else if (sql[j] === '*' && sql[j + 1] === '/') {
        depth--;
        j++;
        if (depth === 0) return j + 1 - i;
      }
    }
    return sql.length - i;
  }
  if (c === "'" || c === '"') {
    const escapes = c === "'" && /[eE]/.test(sql[i - 1] ?? '') && !/\w/.test(sql[i - 2] ?? '');
    for (let j = i + 1; j < sql.length; j++) {
      if (escapes && sql[j] === '\\') j++;
      else if (sql[j] === c) {
        if (sql[j + 1] === c) j++;
        else return j + 1 - i;
      }
    }
    return sql.length - i;
  }
  if (c === '$' && !/[\w$]/.test(sql[i - 1] ?? '')) {
    const tag = /^\$([A-Za-z_]\w*)?\$/.exec(sql.slice(i, i + 64));
    if (tag) {
      const end = sql.indexOf(tag[0], i + tag[0].length);
      return (end === -1 ? sql.length : end + tag[0].length) - i;
    }
  }
  return 0;
}

/** Splits a script into statements at top-level semicolons; empty statements are dropped. */
export function splitStatements(sql: string): SqlStatement[] {
  const statements: SqlStatement[] = [];
  let start = 0;
  const push = (end: number) => {
    const text = sql.slice(start, end);
    if (stripComments(text).trim()) statements.push({ text, start });
  };
  for (let i = 0; i < sql.length; i++) {
    const span = spanAt(sql, i);
    if (span > 0) i += span - 1;
    else if (sql[i] === ';') {
      push(i);
      start = i + 1;
    }
  }
  push(sql.length);
  return statements;
}

/** `sql` with every comment replaced by a space; strings and quoted names are left alone. */
export function stripComments(sql: string): string {
  let out = '';
  for (let i = 0; i < sql.length; i++) {
    const span = spanAt(sql, i);
    if (span > 0) {
      const isComment = sql[i] === '-' || sql[i] === '/';
      out += isComment ? ' ' : sql.slice(i, i + span);
      i += span - 1;
    } else out += sql[i];
  }
  return out;
}

/** The first keyword of a statement, lower-cased, after comments and opening parentheses. */
export function leadingKeyword(statement: string): string {
  return /^[\s(]*([A-Za-z]+)/.exec(stripComments(statement))?.[1]?.toLowerCase() ?? '';
}

/** `sql` with every comment, string, quoted name and dollar-quoted body replaced by a space. */
function blankQuoted(sql: string): string {
  let out = '';
  for (let i = 0; i < sql.length; i++) {
    const span = spanAt(sql, i);
    if (span > 0) {
      out += ' ';
      i += span - 1;
    } else out += sql[i];
  }
  return out;
}

const READING_KEYWORDS = new Set(['select', 'values', 'table', 'with', 'show']);
/** Words that may mean a write even in a SELECT: data-modifying CTEs, SELECT INTO, row locks, sequence and setting functions. */
const WRITING_WORDS = /\b(insert|update|delete|merge|into|nextval|setval|set_config|lock|pg_\w+|lo_\w+)\b/i;
const readOnlyBySql = new Map<string, boolean>();

/**
 * True when a statement reads only, judged from its text: it starts like a read and names nothing
 * that writes. Errs towards false, which only costs the caller a savepoint. One case it cannot see:
 * a SELECT calling a function of the learner's own that writes is taken for a read.
 * Memoised: an N+1 loop sends the same text hundreds of times.
 */
export function isReadOnly(statement: string): boolean {
  let known = readOnlyBySql.get(statement);
  if (known === undefined) {
    const text = blankQuoted(statement);
    known = READING_KEYWORDS.has(/^[\s(]*([A-Za-z]+)/.exec(text)?.[1]?.toLowerCase() ?? '') && !WRITING_WORDS.test(text);
    if (readOnlyBySql.size > 5_000) readOnlyBySql.clear();
    readOnlyBySql.set(statement, known);
  }
  return known;
}
