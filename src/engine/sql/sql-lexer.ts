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
    // Postgres ends a line comment at a carriage return as well as at a newline.
    let end = i + 2;
    while (end < sql.length && sql[end] !== '\n' && sql[end] !== '\r') end++;
    return end - i;
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

/**
 * `sql` with every comment blanked out character for character (newlines kept), so an offset found
 * in the result is the same offset, on the same line, in `sql`.
 */
export function blankComments(sql: string): string {
  let out = '';
  for (let i = 0; i < sql.length; i++) {
    const span = spanAt(sql, i);
    if (span > 0) {
      const text = sql.slice(i, i + span);
      const isComment = sql[i] === '-' || sql[i] === '/';
      out += isComment ? text.replace(/[^\n\r]/g, ' ') : text;
      i += span - 1;
    } else out += sql[i];
  }
  return out;
}

/** The first keyword of a statement, lower-cased, after comments and opening parentheses. */
export function leadingKeyword(statement: string): string {
  return firstWord(stripComments(statement));
}

/** The first word of `text` (no comments left in it), lower-cased, after opening parentheses. */
function firstWord(text: string): string {
  return /^[\s(]*([A-Za-z]+)/.exec(text)?.[1]?.toLowerCase() ?? '';
}

/**
 * `sql` with every comment and literal blanked, and every quoted name replaced by `"q"`, so what
 * is left to search is keywords, plain names and punctuation.
 */
function blankQuoted(sql: string): string {
  let out = '';
  for (let i = 0; i < sql.length; i++) {
    const span = spanAt(sql, i);
    if (span > 0) {
      out += sql[i] === '"' ? ' q ' : ' ';
      i += span - 1;
    } else out += sql[i];
  }
  return out;
}

const READING_KEYWORDS = new Set(['select', 'values', 'table', 'with', 'show']);
/** Words that may mean a write in a statement that starts like a read: data-modifying CTEs, SELECT INTO, row locks. */
const WRITING_WORDS = /\b(insert|update|delete|merge|into|lock)\b/i;
/**
 * What may stand before an opening parenthesis in a read: SQL keywords, type names with a size,
 * and built-in functions that do not write. Any other name followed by `(` may be a function of
 * the learner's own, which may write, so the statement is not taken for a read.
 */
const READING_CALLS = new Set(
  (
    'select values from where and or not in exists any all some as on using join lateral over filter partition by group ' +
    'order having case when then else end is null between like ilike similar cast array row coalesce nullif greatest least ' +
    'count sum avg min max bool_and bool_or every array_agg string_agg json_agg jsonb_agg json_object_agg jsonb_object_agg ' +
    'json_build_object jsonb_build_object json_build_array jsonb_build_array to_json to_jsonb row_to_json jsonb_set ' +
    'row_number rank dense_rank percent_rank cume_dist ntile lag lead first_value last_value nth_value ' +
    'percentile_cont percentile_disc mode within ' +
    'lower upper length char_length substring substr position trim ltrim rtrim btrim replace concat concat_ws format left right ' +
    'split_part regexp_replace regexp_match regexp_matches starts_with md5 ' +
    'abs round floor ceil ceiling trunc mod power sqrt random ' +
    'now date_trunc date_part extract age make_interval make_date make_timestamp to_char to_date to_timestamp ' +
    'generate_series unnest array_length cardinality array_position ' +
    'numeric decimal varchar char character timestamp timestamptz time interval bit float'
  ).split(' '),
);
const CALL = /([A-Za-z_][\w$]*)\s*\(/g;
const readOnlyBySql = new Map<string, boolean>();

/**
 * True when a statement only reads, judged from its text: it starts like a read, names nothing
 * that writes, and calls no function outside a list of built-ins that do not write (a learner's
 * own function called from a SELECT may write). Errs towards false, which only costs the caller a
 * savepoint. Memoised: an N+1 loop sends the same text hundreds of times.
 */
export function isReadOnly(statement: string): boolean {
  let known = readOnlyBySql.get(statement);
  if (known === undefined) {
    const text = blankQuoted(statement);
    const calls = [...text.matchAll(CALL)].map((match) => match[1].toLowerCase());
    known =
      READING_KEYWORDS.has(firstWord(text)) &&
      !WRITING_WORDS.test(text) &&
      calls.every((name) => READING_CALLS.has(name));
    if (readOnlyBySql.size > 5_000) readOnlyBySql.clear();
    readOnlyBySql.set(statement, known);
  }
  return known;
}
