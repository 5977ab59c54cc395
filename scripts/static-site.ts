/** Builds the site and serves `dist/` as plain static files, as any static host would. */
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
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
  // A production build, as a host gets, even from Vitest (which sets NODE_ENV=test: Vite would then
  // build React's development code and set import.meta.env.DEV).
  const env = { ...process.env, NODE_ENV: 'production' };
  const result = spawnSync('npm', ['run', 'build'], { cwd: root, encoding: 'utf8', env });
  if (result.status !== 0) throw new Error(`npm run build failed:\n${result.stdout}\n${result.stderr}`);
}

/** Serves `dist/` on a free port of 127.0.0.1; resolves with the base URL and the folder served. */
export async function serveSite(): Promise<{ url: string; dist: string; stop: () => Promise<void> }> {
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
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, dist, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}
