/** Errors as plain data: they cross worker boundaries and end up in the RunReport. */
import { LessonError } from '../lessons/lesson.ts';

/** What went wrong, in a word the UI can branch on. */
export type RunErrorKind =
  | 'syntax' // the code did not compile
  | 'runtime' // the code threw
  | 'sql' // Postgres rejected a statement
  | 'export' // a required handler is missing or not a function
  | 'stuck' // a request's promise can never settle
  | 'unawaited' // a request returned while its queries were still running
  | 'background' // a timer sent a query after its request returned, where the lesson allows none
  | 'timeout' // the run went past its wall-clock limit
  | 'lesson' // the lesson itself is broken
  | 'internal';

/** Details Postgres gives about a failed statement. */
export interface SqlErrorInfo {
  /** SQLSTATE, e.g. `42601` for a syntax error. */
  code?: string;
  /** 1-based character offset of the error in `query`, as Postgres reports it. */
  position?: number;
  hint?: string;
  detail?: string;
  /** The statement that failed. */
  query: string;
}

/** One error, with the place it happened when known. */
export interface RunError {
  kind: RunErrorKind;
  message: string;
  /** File the error points into: the learner's file name, `migration.sql`, a lesson file. */
  file?: string;
  /** 1-based line in `file`. */
  line?: number;
  /** 1-based column in `file`. */
  column?: number;
  /** Present for `sql` errors. */
  sql?: SqlErrorInfo;
  /** Index of the workload step that was running, when the error happened during one. */
  step?: number;
  /** How many times the same error (kind, message, place) happened in the pass; absent for once. */
  count?: number;
}

/** Any error as a RunError: a broken lesson names its file, line and field; anything else is internal. */
export function runErrorOf(error: unknown): RunError {
  if (error instanceof LessonError) {
    return { kind: 'lesson', message: error.field ? `${error.field}: ${error.reason}` : error.reason, file: error.file, line: error.line };
  }
  return { kind: 'internal', message: messageOf(error) };
}

/** Turns a PGlite error into `SqlErrorInfo` (PGlite errors carry the fields of the wire protocol). */
export function sqlErrorInfo(error: unknown, query: string): SqlErrorInfo {
  const e = error as { code?: string; position?: string | number; hint?: string; detail?: string };
  const position = e.position === undefined ? undefined : Number(e.position);
  return {
    code: e.code,
    position: Number.isFinite(position) ? position : undefined,
    hint: e.hint,
    detail: e.detail,
    query,
  };
}

/** 1-based line and column of a 1-based character `position` in `text`. */
export function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, position - 1));
  const lines = before.split('\n');
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

/** The message of anything thrown, whatever it is: never throws itself. */
export function messageOf(error: unknown): string {
  try {
    if (error instanceof Error) return String(error.message);
    if (typeof error === 'string') return error;
    if (typeof error === 'bigint') return `${error}n`;
    return JSON.stringify(error) ?? String(error);
  } catch {
    try {
      return String(error);
    } catch {
      return Object.prototype.toString.call(error);
    }
  }
}
