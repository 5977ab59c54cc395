/**
 * `npm run lesson -- run <slug> --code <file.ts> [--migration <file.sql>] [--json] [--dir <lessons>]
 *  [--rtt <ms>] [--pool <n>] [--timeout <s>] [--scale <x>]`
 * Grades any code against a lesson. Exit 0 when every check passes, 1 when one fails, 2 on invalid
 * input (unknown lesson, missing file, unreadable code) with a one-line reason.
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chosenLessons, listLessonSlugs } from '../lessons/lessons-dir.ts';
import { gradeInWorker, DEFAULT_LIMITS } from '../node/grade-in-worker.ts';
import { messageOf } from '../engine/errors.ts';
import { formatError, formatReport } from './format-report.ts';
import { refuse } from './refuse.ts';

/** The command line of `run`, for usage messages. */
export const RUN_USAGE = 'npm run lesson -- run <slug> --code <file.ts> [--migration <file.sql>] [--json] [--dir <lessons>] [--rtt <ms>] [--pool <n>] [--timeout <s>] [--scale <x>]';

function fail(reason: string): never {
  return refuse('lesson', reason);
}

function readInput(path: string, what: string): string {
  if (!existsSync(path)) fail(`${what} file not found: ${path}`);
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    return fail(`cannot read ${what} file ${path}: ${(error as Error).message}`);
  }
}

function numberOption(value: string | undefined, name: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number < min) fail(`--${name} must be a number >= ${min}, got "${value}"`);
  return number;
}

/**
 * The lessons folder and its lessons: `--dir` when given, else the folder FASTPATH_LESSONS names,
 * as for the site (lessons-dir.ts). Exit 2 with the reason when there is none.
 */
function lessonsOf(dir: string | undefined): { dir: string; slugs: string[] } {
  try {
    return dir === undefined ? chosenLessons() : { dir: resolve(dir), slugs: listLessonSlugs(resolve(dir)) };
  } catch (error) {
    return fail(dir === undefined ? messageOf(error) : `lessons folder not found: ${resolve(dir)}`);
  }
}

/** Runs `run` with the arguments after the command name. */
export async function runCommand(args: string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        code: { type: 'string' },
        migration: { type: 'string' },
        json: { type: 'boolean', default: false },
        dir: { type: 'string' },
        rtt: { type: 'string' },
        pool: { type: 'string' },
        timeout: { type: 'string' },
        scale: { type: 'string' },
      },
    });
  } catch (error) {
    return fail(`${(error as Error).message}\nusage: ${RUN_USAGE}`);
  }
  const { values, positionals } = parsed;
  const [slug] = positionals;
  if (!slug) return fail(`usage: ${RUN_USAGE}`);
  if (!values.code) return fail(`--code <file.ts> is required\nusage: ${RUN_USAGE}`);

  const { dir: lessonsDir, slugs } = lessonsOf(values.dir);
  if (!slugs.includes(slug)) fail(`unknown lesson "${slug}"; lessons: ${slugs.join(', ')}`);

  const code = readInput(values.code, 'code');
  const migration = values.migration ? readInput(values.migration, 'migration') : undefined;
  const rttMs = numberOption(values.rtt, 'rtt', 0);
  const poolSize = numberOption(values.pool, 'pool', 1);
  const timeout = numberOption(values.timeout, 'timeout', 1);
  const scale = numberOption(values.scale, 'scale', 0.01);
  if (scale !== undefined && scale > 8) fail(`--scale must be at most 8, got "${values.scale}"`);
  const latency = { ...(rttMs !== undefined && { rttMs }), ...(poolSize !== undefined && { poolSize: Math.floor(poolSize) }) };

  const outcome = await gradeInWorker(
    { lessonsDir, slug, latency, scale, submissions: [{ name: basename(values.code), file: basename(values.code), code, migration }] },
    { ...DEFAULT_LIMITS, submissionMs: (timeout ?? DEFAULT_LIMITS.submissionMs / 1000) * 1000 },
  );
  if (outcome.regradedAfter) console.warn(`The grading process crashed inside V8 (${outcome.regradedAfter}), a Node bug; graded again.`);
  const result = outcome.results[0];
  const error = outcome.fatal ?? result?.error;
  // Whatever the code under test returned or threw, the learner gets text and an exit code, never a
  // stack trace of this program.
  try {
    if (error || !result?.report) {
      const shown = error ?? { kind: 'internal' as const, message: 'The grading worker sent no report.' };
      if (values.json) console.log(toJson({ error: shown }));
      else console.error(`lesson: ${formatError(shown)}`);
      // A broken lesson is invalid input; code that never finished is a failed check.
      process.exitCode = shown.kind === 'lesson' ? 2 : 1;
    } else {
      const { report } = result;
      // exitCode, not exit(): a large report piped to another program must be written out in full.
      console.log(values.json ? toJson(report) : formatReport(report));
      process.exitCode = report.passed ? 0 : 1;
    }
  } catch (failure) {
    console.error(`lesson: internal error while printing the report: ${messageOf(failure)}`);
    process.exitCode = 1;
  }
}

/** JSON that survives a bigint (as its digits), which JSON.stringify alone refuses. */
function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? item.toString() : item), 2);
}
