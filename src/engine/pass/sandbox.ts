/**
 * Compiles a TypeScript module (sucrase keeps line numbers) and evaluates it as CommonJS with an
 * injected `require` and virtual timers. This isolates for accuracy, not security: the code is the
 * learner's own, running in their own browser.
 */
import { transform } from 'sucrase';
import { messageOf, type RunError } from '../errors.ts';

/** Globals the module sees instead of the real ones (virtual time). */
export interface SandboxGlobals {
  setTimeout: (callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => number;
  setInterval: (callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => number;
  setImmediate: (callback: (...args: unknown[]) => void, ...args: unknown[]) => number;
  clearTimeout: (id: number | undefined) => void;
  clearInterval: (id: number | undefined) => void;
  clearImmediate: (id: number | undefined) => void;
  Date: DateConstructor;
  performance: { now(): number };
}

/** What a module may import: specifier to module object. */
export type ModuleTable = Record<string, unknown>;

/** A compiled, evaluated module, or the error that stopped it. */
export type SandboxResult = { ok: true; exports: Record<string, unknown> } | { ok: false; error: RunError };

const GLOBAL_NAMES = ['setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'clearImmediate', 'Date', 'performance'] as const;

/**
 * The module runs inside a function nested in the one that receives the globals, so top-level
 * code may still declare its own `performance` or `Date` without a clash.
 */
function wrap(code: string, file: string): string {
  return `return function (exports, require, module) {\n${code}\n};\n//# sourceURL=${SOURCE_PREFIX}${file}`;
}

/** URL scheme that marks the learner's frames in stack traces. */
const SOURCE_PREFIX = 'fastpath-src:';

/**
 * How many lines `new Function` puts before the body: measured once, since engines differ.
 */
const LINE_OFFSET: number = (() => {
  try {
    new Function(wrap('throw new Error()', 'probe'))()();
  } catch (error) {
    const match = new RegExp(`${SOURCE_PREFIX}probe:(\\d+)`).exec((error as Error).stack ?? '');
    if (match) return Number(match[1]) - 1;
  }
  return 2;
})();

/**
 * Finds the first frame of `file` in a stack trace and returns its line and column in the source.
 */
export function locateInStack(stack: string | undefined, file: string): { line: number; column: number } | undefined {
  if (!stack) return undefined;
  const escaped = file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${SOURCE_PREFIX}${escaped}:(\\d+):(\\d+)`).exec(stack);
  if (!match) return undefined;
  return { line: Number(match[1]) - LINE_OFFSET, column: Number(match[2]) };
}

/** A V8 stack frame, as `Error.prepareStackTrace` receives it. */
interface CallSite {
  /** For code from `new Function`, the `//# sourceURL` name (getFileName() is empty there). */
  getScriptNameOrSourceURL(): string | null | undefined;
  getLineNumber(): number | null;
  getColumnNumber(): number | null;
}
type V8Error = ErrorConstructor & {
  prepareStackTrace?: (error: Error, sites: CallSite[]) => unknown;
  captureStackTrace?: (target: object) => void;
};

/**
 * Where the code in `file` called from, looking at most `depth` frames up: the innermost frame of
 * that file. Runs for every query, so on V8 (Chromium, Node) it reads the frames as objects and
 * never formats a stack string (about half the cost); other engines get their stack text parsed.
 */
export function callerPlace(file: string, depth = 6): { line: number; column: number } | undefined {
  const E = Error as V8Error;
  const { prepareStackTrace, stackTraceLimit } = E;
  let stack: unknown;
  try {
    E.stackTraceLimit = depth;
    E.prepareStackTrace = (_error, sites) => sites;
    const holder: { stack?: unknown } = {};
    if (E.captureStackTrace) E.captureStackTrace(holder);
    else holder.stack = new Error().stack;
    // Read here: V8 formats the stack on first read, with whatever prepareStackTrace is set then.
    stack = holder.stack;
  } catch {
    // The learner's code made Error.prepareStackTrace read-only: fall back to the stack's text.
    stack = new Error().stack;
  } finally {
    try {
      E.prepareStackTrace = prepareStackTrace;
      E.stackTraceLimit = stackTraceLimit;
    } catch {
      // Read-only: nothing of ours was set.
    }
  }
  if (typeof stack === 'string') return locateInStack(stack, file);
  if (!Array.isArray(stack)) return undefined;
  const site = (stack as CallSite[]).find((frame) => frame.getScriptNameOrSourceURL() === `${SOURCE_PREFIX}${file}`);
  const line = site?.getLineNumber();
  return site && line ? { line: line - LINE_OFFSET, column: site.getColumnNumber() ?? 0 } : undefined;
}

/** A runtime error thrown by the code in `file`, as data with its place. */
export function runtimeError(error: unknown, file: string): RunError {
  const stack = error instanceof Error ? error.stack : undefined;
  const place = locateInStack(stack, file);
  const name = error instanceof Error && error.name !== 'Error' ? `${error.name}: ` : '';
  // No column: sucrase keeps lines but not columns (stripped types and rewritten imports shift them).
  return { kind: 'runtime', message: `${name}${messageOf(error)}`, file, line: place?.line };
}

/**
 * Compiles and evaluates `source` as the module `file`.
 * @param modules what `import` / `require` may load; anything else throws with a clear message
 */
export function evaluateModule(source: string, file: string, modules: ModuleTable, globals: SandboxGlobals): SandboxResult {
  let code: string;
  try {
    code = transform(source, { transforms: ['typescript', 'imports'], filePath: file }).code;
  } catch (error) {
    const loc = (error as { loc?: { line: number; column: number } }).loc;
    const message = messageOf(error)
      .replace(/^Error transforming [^:]*: /, '')
      .replace(/\s*\(\d+:\d+\)$/, '');
    return { ok: false, error: { kind: 'syntax', message, file, line: loc?.line, column: loc ? loc.column + 1 : undefined } };
  }

  const module = { exports: {} as Record<string, unknown> };
  const require = (specifier: string) => {
    if (Object.hasOwn(modules, specifier)) return modules[specifier];
    const available = Object.keys(modules).join(', ') || 'none';
    throw new Error(`Cannot import '${specifier}': this lesson allows only ${available}.`);
  };

  let factory: (exports: unknown, require: unknown, module: unknown) => void;
  try {
    factory = new Function(...GLOBAL_NAMES, wrap(code, file))(...GLOBAL_NAMES.map((name) => globals[name]));
  } catch (error) {
    const message = messageOf(error);
    const hint = /await is only valid/.test(message) ? ' Top-level await is not supported: do the work inside a handler.' : '';
    return { ok: false, error: { kind: 'syntax', message: `${message}.${hint}`, file } };
  }
  try {
    factory(module.exports, require, module);
  } catch (error) {
    return { ok: false, error: runtimeError(error, file) };
  }
  return { ok: true, exports: module.exports };
}
