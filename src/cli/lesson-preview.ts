/**
 * `npm run lesson -- preview <slug> [--open] [--port <n>]`
 * Starts the dev server as `npm run dev` does (the snapshots are built first) and prints the
 * lesson's URL once the server says where it listens; `--open` opens it in the default browser.
 * Runs until the server stops (Ctrl+C). Exit 2 for an unknown or broken lesson.
 */
import { spawn } from 'node:child_process';
import { parseArgs } from 'node:util';
import { readLesson } from '../lessons/read-lessons.ts';
import { chosenLessons, LESSONS_VARIABLE } from '../lessons/lessons-dir.ts';
import { LessonError } from '../lessons/lesson.ts';
import { refuse } from './refuse.ts';

/** The command line of `preview`, for usage messages. */
export const PREVIEW_USAGE = 'npm run lesson -- preview <slug> [--open] [--port <n>]';

/** Astro's "Local http://localhost:4321/" line; colours are stripped first. */
const LOCAL_URL = /\bLocal\s+(https?:\/\/\S+)/;
// Colour codes (ESC [ ... m), in case the server colours its output for a pipe too.
const ANSI = /\u001b\[[0-9;]*m/g;

/** Runs `preview` with the arguments after the command name; resolves when the server has stopped. */
export async function previewCommand(args: string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, options: { open: { type: 'boolean', default: false }, port: { type: 'string' } } });
  } catch (error) {
    return refuse('lesson', `${(error as Error).message}\nusage: ${PREVIEW_USAGE}`);
  }
  const { values, positionals } = parsed;
  const [slug, extra] = positionals;
  if (!slug || extra !== undefined) return refuse('lesson', `usage: ${PREVIEW_USAGE}`);
  if (values.port !== undefined && !/^\d+$/.test(values.port)) return refuse('lesson', `--port must be a port number, got "${values.port}"`);
  // The site publishes one lessons folder (FASTPATH_LESSONS, else lessons/), so the lesson must be there.
  let chosen;
  try {
    chosen = chosenLessons();
  } catch (error) {
    return refuse('lesson', (error as Error).message);
  }
  const { dir, slugs } = chosen;
  if (!slugs.includes(slug)) return refuse('lesson', `unknown lesson "${slug}"; lessons: ${slugs.join(', ')}`);
  try {
    readLesson(dir, slug);
  } catch (error) {
    // The page would not build; the loader's message says where and why, the dev server's would not.
    if (error instanceof LessonError) return refuse('lesson', `${slug} does not load: ${error.message}`);
    throw error;
  }

  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  // A process group of its own: npm does not pass a signal on to the shell that runs astro, so the
  // whole group is stopped instead, whichever signal stops this process.
  // The folder as an absolute path: npm runs the server from the project root, which a relative
  // FASTPATH_LESSONS given from elsewhere (node src/cli/lesson.ts) would not be relative to.
  const env = process.env[LESSONS_VARIABLE]?.trim() ? { ...process.env, [LESSONS_VARIABLE]: dir } : process.env;
  const server = spawn(npm, ['run', 'dev', ...(values.port ? ['--', '--port', values.port] : [])], { stdio: ['ignore', 'pipe', 'inherit'], detached: true, env });
  const stop = (signal: NodeJS.Signals) => {
    try {
      process.kill(-server.pid!, signal);
    } catch {
      // already gone
    }
  };
  let shown = false;
  let pending = '';
  server.stdout.on('data', (chunk: Buffer) => {
    process.stdout.write(chunk);
    if (shown) return;
    pending += chunk.toString('utf8').replace(ANSI, '');
    const match = LOCAL_URL.exec(pending);
    if (!match) return;
    shown = true;
    const url = new URL(`lessons/${slug}/`, match[1]!.endsWith('/') ? match[1] : `${match[1]}/`).href;
    console.log(`\nLesson ${slug}: ${url}\n`);
    if (values.open) openBrowser(url);
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => stop(signal));
  const code = await new Promise<number>((done) => {
    server.on('error', (error) => {
      console.error(`lesson: could not start the dev server (${npm} run dev): ${error.message}`);
      done(1);
    });
    server.on('exit', (exitCode, signal) => done(exitCode ?? (signal ? 0 : 1)));
  });
  process.exitCode = code;
}

/** Opens `url` in the default browser; says so instead when there is none to open. */
function openBrowser(url: string): void {
  const [command, ...args] =
    process.platform === 'darwin' ? ['open', url] : process.platform === 'win32' ? ['cmd', '/c', 'start', '""', url] : ['xdg-open', url];
  const opener = spawn(command!, args, { stdio: 'ignore', detached: true });
  opener.on('error', () => console.log(`lesson: could not open a browser (${command}); open ${url} yourself.`));
  opener.unref();
}
