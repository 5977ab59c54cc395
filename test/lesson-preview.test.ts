/** `npm run lesson -- preview`: a real dev server, asked for the page whose URL it printed. */
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { NODE_ARGS } from './helpers/node-args.ts';
import { listLessonSlugs } from '../src/lessons/lessons-dir.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const lessonCli = join(root, 'src/cli/lesson.ts');

/** A port nothing listens on right now. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

describe('npm run lesson -- preview', () => {
  it('exits 2 with the list of lessons for an unknown one', () => {
    const result = spawnSync(process.execPath, [...NODE_ARGS, lessonCli, 'preview', '09-nope'], { encoding: 'utf8', cwd: root });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe(`lesson: unknown lesson "09-nope"; lessons: ${listLessonSlugs(join(root, 'lessons')).join(', ')}`);
  });

  it('starts the dev server, prints a URL that serves the lesson, and stops with it', { timeout: 180_000 }, async () => {
    const port = await freePort();
    // Astro's dev server serves no pages when it sees Vitest's variables (it takes itself for a test).
    const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('VITEST')));
    const preview = spawn(process.execPath, [...NODE_ARGS, lessonCli, 'preview', '02-missing-index', '--port', String(port)], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise((done) => preview.on('exit', done));
    let output = '';
    preview.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    try {
      const url = await new Promise<string>((done, fail) => {
        preview.stdout.on('data', (chunk: Buffer) => {
          output += chunk.toString();
          const match = /^Lesson 02-missing-index: (\S+)$/m.exec(output);
          if (match) done(match[1]!);
        });
        preview.on('exit', () => fail(new Error(`preview exited before printing the URL:\n${output}`)));
      });
      expect(url).toBe(`http://localhost:${port}/lessons/02-missing-index/`);
      const page = await fetch(url);
      expect(page.status, output).toBe(200);
      expect(await page.text()).toContain('Finding a needle by reading the haystack');
    } finally {
      preview.kill('SIGTERM');
      await exited;
    }
    // Stopping preview stops the server it started (npm alone would leave astro running).
    await expect(fetch(`http://localhost:${port}/`)).rejects.toThrow();
  });
});
