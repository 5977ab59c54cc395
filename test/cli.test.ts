import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tinyLessonFiles } from './helpers/lessons.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const lessons = join(root, 'lessons');

function cli(script: 'lesson' | 'verify', args: string[]) {
  const result = spawnSync(process.execPath, [join(root, `src/cli/${script}.ts`), ...args], { encoding: 'utf8', cwd: root, maxBuffer: 64 * 1024 * 1024 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function temp(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'fastpath-cli-'));
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}

describe('npm run lesson -- run', () => {
  it('exits 2 with a one-line reason for an unknown lesson', () => {
    const result = cli('lesson', ['run', '99-nope', '--code', join(lessons, '01-n-plus-one/solution.ts')]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('lesson: unknown lesson "99-nope"; lessons: 01-n-plus-one, 02-missing-index, 03-cache-aside');
  });

  it('exits 2 for a missing code file', () => {
    const result = cli('lesson', ['run', '01-n-plus-one', '--code', '/nonexistent/handler.ts']);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('lesson: code file not found: /nonexistent/handler.ts');
  });

  it('exits 0 and says so for a correct fix with its migration', () => {
    const result = cli('lesson', ['run', '02-missing-index', '--code', join(lessons, '02-missing-index/solution.ts'), '--migration', join(lessons, '02-missing-index/solution.sql')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/PASS {2}No sequential scan on orders/);
    expect(result.stdout.trim().split('\n').at(-1)).toBe('All checks passed.');
  });

  it('stops an infinite loop at the limit, reports a timeout and exits 1', () => {
    const code = temp('loop.ts', 'export async function getFeed() {\n  while (true) {}\n}\n');
    const result = cli('lesson', ['run', '01-n-plus-one', '--code', code, '--timeout', '2']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('loop.ts: timeout error: Your code ran longer than 2 s and was stopped. An infinite loop, or a query that never ends?');
  });

  it('writes the whole RunReport as JSON to a pipe (about 0.5 MB here), exit 1 for a failing run', () => {
    const result = cli('lesson', ['run', '01-n-plus-one', '--code', join(lessons, '01-n-plus-one/starter.ts'), '--json']);
    expect(result.code).toBe(1);
    // The old CLI cut a piped report off at about 292 KB.
    expect(result.stdout.length).toBeGreaterThan(300_000);
    const report = JSON.parse(result.stdout);
    expect(report.passed).toBe(false);
    expect(report.checks.find((check: { id: string }) => check.id === 'maxQueriesPerRequest')).toMatchObject({ passed: false, measured: 41, target: 3 });
    expect(report.learner.queryLog).toHaveLength(820);
  });
});

describe('npm run lessons:verify', () => {
  it('fails a folder whose lesson misses a file, naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fastpath-verify-'));
    mkdirSync(join(dir, '01-tiny'));
    for (const [name, text] of Object.entries(tinyLessonFiles({ 'seed.sql': undefined }))) {
      if (text !== undefined) writeFileSync(join(dir, '01-tiny', name), text);
    }
    const result = cli('verify', ['--dir', dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('01-tiny/seed.sql: missing file (deterministic data)');
  });

  it('fails a lesson whose starter already passes every check', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fastpath-verify-'));
    mkdirSync(join(dir, '01-tiny'));
    const files = tinyLessonFiles();
    files['solution.ts'] = files['starter.ts'];
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, '01-tiny', name), text!);
    const result = cli('verify', ['--dir', dir]);
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('starter already passes every performance check');
  });
});
