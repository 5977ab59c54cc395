/** Builds the site and serves `dist/` as plain static files, as any static host would. */
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.gz': 'application/gzip',
};

/** Runs `npm run build` (snapshots, then astro build); throws with its output on failure. */
export function buildSite(): void {
  const started = new Date();
  // A production build, as a host gets, even from Vitest (which sets NODE_ENV=test: Vite would then
  // build React's development code and set import.meta.env.DEV).
  const env = { ...process.env, NODE_ENV: 'production' };
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8', env });
  if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stdout}\n${result.stderr}`);
  // Dated when the build started: an input edited while it ran makes the next check rebuild.
  writeFileSync(stamp, '');
  utimesSync(stamp, started, started);
}

/**
 * What the build reads, and how it is run (this file): a file edited, added or removed under these
 * (a folder's time changes then too) makes `dist/` stale. `public/snapshots/` is left out: the
 * build itself writes it.
 */
const BUILD_INPUTS = [
  'src',
  'lessons',
  'public',
  'astro.config.mjs',
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'scripts/build-snapshots.ts',
  'scripts/build-snapshot.ts',
  'scripts/compact-data-dir.ts',
  'scripts/static-site.ts',
];
/** Written by `buildSite()` only: any other build (e.g. `npm run build` by hand) empties `dist/` first and so removes it. */
const stamp = join(dist, '.e2e-build');

function newestChange(path: string): number {
  if (path === join(root, 'public', 'snapshots')) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(stats.mtimeMs, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

/** `buildSite()` unless `dist/` is its build and no input changed since: end-to-end files share one build. */
export function buildSiteIfStale(): void {
  const fresh = existsSync(stamp) && BUILD_INPUTS.every((input) => newestChange(join(root, input)) < statSync(stamp).mtimeMs);
  if (!fresh) buildSite();
}

/**
 * Serves `dist/` on 127.0.0.1, on a free port or on `port` (to serve again at the same origin
 * after `stop()`); resolves with the base URL and the folder served. `stop()` also drops open
 * connections, so a browser cannot keep fetching over one.
 */
export async function serveSite(port = 0): Promise<{ url: string; dist: string; port: number; stop: () => Promise<void> }> {
  const server = createServer(async (request, response) => {
    let path: string;
    try {
      path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    } catch {
      return void response.writeHead(400).end('bad path');
    }
    let file = join(dist, path);
    if (!file.startsWith(dist)) return void response.writeHead(403).end();
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': body.length });
      response.end(body);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const listening = (server.address() as { port: number }).port;
  const stop = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return { url: `http://127.0.0.1:${listening}`, dist, port: listening, stop };
}
