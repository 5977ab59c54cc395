import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tinyLessonFiles } from './helpers/lessons.ts';
import { formatError, formatReport } from '../src/cli/format-report.ts';
import type { RunReport } from '../src/engine/grade.ts';
import type { Mismatch } from '../src/engine/verdict/mismatches.ts';
import { spawnNodeSync } from './helpers/node-args.ts';
import { listLessonSlugs } from '../src/lessons/lessons-dir.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const lessons = join(root, 'lessons');

/** Runs a CLI from the project root; FASTPATH_LESSONS is only what `lessons` says (unset by default). */
function cli(script: 'lesson' | 'verify', args: string[], lessons?: string) {
  const env = { ...process.env, FASTPATH_LESSONS: lessons };
  const result = spawnNodeSync([join(root, `src/cli/${script}.ts`), ...args], { encoding: 'utf8', cwd: root, env, maxBuffer: 64 * 1024 * 1024 });
  // A signal (a crash of node itself) shows in `code`, with stderr, so a failure says what happened.
  return { code: result.status ?? `${result.signal}: ${result.stderr}`, stdout: result.stdout, stderr: result.stderr };
}

/** Writes a lesson folder: the tiny lesson's files with `overrides`, `wrong/` files and `right/` files. */
function writeLesson(dir: string, overrides: Record<string, string | undefined> = {}, wrong: Record<string, string> = {}, right: Record<string, string> = {}): string {
  mkdirSync(join(dir, 'wrong'), { recursive: true });
  for (const [name, text] of Object.entries(tinyLessonFiles(overrides))) if (text !== undefined) writeFileSync(join(dir, name), text);
  for (const [name, text] of Object.entries(wrong)) writeFileSync(join(dir, 'wrong', name), text);
  if (Object.keys(right).length) mkdirSync(join(dir, 'right'));
  for (const [name, text] of Object.entries(right)) writeFileSync(join(dir, 'right', name), text);
  return dir;
}

/** The tiny lesson's starter with a wasted query: one more than its check allows. */
const TWO_QUERIES = "export async function handle({ id }, { db }) {\n  await db.query('SELECT 1');\n  const [item] = await db.query('SELECT id, name FROM items WHERE id = $1', [id]);\n  return item ?? null;\n}\n";

/** No stack trace of the CLI itself: no "TypeError", no "    at f (file:line)" lines. */
function expectNoStackTrace(output: string) {
  expect(output).not.toMatch(/TypeError|ReferenceError|^\s+at /m);
}

function temp(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'fastpath-cli-'));
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}

/** A report as the engine makes one, by hand: formatting needs no database. */
function handMade(first: Partial<Mismatch> | undefined, overrides: Record<string, unknown> = {}): RunReport {
  const pass = {
    completed: true,
    latency: { p50: 4.05, p95: 4.8, max: 9 },
    queries: { total: 3, maxPerRequest: 3, meanPerRequest: 3 },
    dbMs: 1588.28,
    networkMs: 4249,
    cache: { hitRate: null },
  };
  const check = { id: 'correct', label: 'Same answers as the reference', passed: false, measured: '2/3', target: 'all', message: '1 of 3 answers differ.' };
  const mismatch = first && { step: 9, handler: 'updatePrice', input: { productId: 1 }, stale: false, difference: 'They differ.', ...first };
  return {
    lesson: { slug: '03-cache-aside', title: 'Cache it' },
    model: 'Simulated.',
    starter: pass,
    learner: pass,
    mismatches: { compared: 3, count: 1, staleReads: 0, first: mismatch },
    checks: [check],
    passed: false,
    errors: [],
    wallMs: 1,
    ...overrides,
  } as unknown as RunReport;
}

describe('formatReport', () => {
  const circular: Record<string, unknown> = { id: 1 };
  circular.self = circular;
  const cases: [string, RunReport, string[]][] = [
    ['an expected answer of nothing (a void handler)', handMade({ expected: undefined, actual: [{ id: 1 }] }), ['    expected: undefined (nothing returned)', '    actual:   [{"id":1}]']],
    ['an actual answer of nothing', handMade({ expected: [{ id: 1 }], actual: undefined }), ['    actual:   undefined (nothing returned)']],
    ['a BigInt, and a string that looks like one', handMade({ expected: 12n, actual: '9007199254740993' }), ['    expected: 12', '    actual:   "9007199254740993"']],
    ['a huge BigInt', handMade({ expected: 2n ** 70n, actual: null }), ['    expected: "1180591620717411303424"', '    actual:   null']],
    ['a cycle already made plain, and one that is not', handMade({ expected: { self: '[circular]' }, actual: circular }), ['    expected: {"self":"[circular]"}', '    actual:   {"id":1,"self":"[circular]"}']],
    ['a getter that throws', handMade({ expected: 1, actual: Object.defineProperty({}, 'x', { enumerable: true, get: () => { throw new Error('no'); } }) }), ['    actual:   [object Object]']],
    ['a thrown non-Error', handMade({ expected: 1, error: { kind: 'runtime', message: '{"code":42}' } }), ['    threw:    runtime error: {"code":42}']],
    [
      'errors that are not RunErrors',
      handMade(undefined, { errors: ['boom', null, { kind: 'runtime' }, { message: 7, file: 'x.ts', line: 3 }] }),
      ['    error: boom', '    error: ?', '    runtime error: (no message)', '    x.ts:3: unknown error: 7'],
    ],
    [
      'a report missing its parts',
      handMade({ difference: undefined, step: undefined, handler: undefined, input: undefined }, { lesson: undefined, starter: undefined, learner: { latency: { p50: Number.NaN } }, checks: undefined, model: undefined, errors: undefined }),
      ['Lesson (?)', `  ${'median request'.padEnd(20)}${'-'.padStart(11)}  ${'-'.padStart(11)}`, '  First mismatch, step ?: ?()', '    The answers differ.'],
    ],
  ];
  for (const [name, report, expected] of cases) {
    it(`prints ${name}`, () => {
      const text = formatReport(report);
      for (const line of expected) expect(text.split('\n')).toContain(line);
      expect(text.trim().split('\n').at(-1)).toBe('Some checks failed.');
    });
  }

  it('formats any thrown value as an error line', () => {
    expect(formatError('boom' as never)).toBe('error: boom');
    expect(formatError({ kind: 'sql', message: 'bad', sql: { query: 'SELECT', code: '42601', position: 3 }, step: 0, count: 2 })).toBe(
      'sql error: bad [SQLSTATE 42601, at character 3] (workload step 0) (2 times)',
    );
  });
});

describe('npm run lesson -- run', () => {
  it('exits 2 with a one-line reason for an unknown lesson', () => {
    const result = cli('lesson', ['run', '99-nope', '--code', join(lessons, '01-n-plus-one/solution.ts')]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe(`lesson: unknown lesson "99-nope"; lessons: ${listLessonSlugs(lessons).join(', ')}`);
  });

  it('prints its usage on --help, exit 0', () => {
    const result = cli('lesson', ['--help']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^usage: npm run lesson -- run <slug> --code <file\.ts>.*\[--scale <x>\]\n {7}npm run lesson -- new /);
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
    // The plan of each query shape, as the page's plan view shows it: the index the migration made.
    expect(result.stdout).toMatch(/Your plans \(EXPLAIN ANALYZE[\s\S]*SELECT id, total_cents, created_at FROM orders WHERE customer_id = \$1[^\n]*ms in Postgres\)\n[\s\S]*Bitmap Index Scan using orders_open_by_customer_idx  [\d.]+ ms · rows \d+ \(estimated \d+\)/);
    expect(result.stdout.trim().split('\n').at(-1)).toBe('All checks passed.');
  });

  it('stops an infinite loop at the limit, reports a timeout and exits 1', () => {
    const code = temp('loop.ts', 'export async function getFeed() {\n  while (true) {}\n}\n');
    const result = cli('lesson', ['run', '01-n-plus-one', '--code', code, '--timeout', '2']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('loop.ts: timeout error: Your code ran longer than 2 s and was stopped. An infinite loop, or a query that never ends?');
  });

  it('prints a mismatch on a handler that returns nothing (updatePrice) without a stack trace, exit 1', () => {
    // updatePrice returns nothing in the starter; this one returns the updated rows. The old
    // formatter crashed on the expected value, undefined (JSON.stringify(undefined) is undefined).
    const starter = readFileSync(join(lessons, '03-cache-aside/starter.ts'), 'utf8');
    const code = starter.replace(
      "  await db.query('UPDATE products SET price_cents = $2 WHERE id = $1', [productId, priceCents]);",
      "  return db.query('UPDATE products SET price_cents = $2 WHERE id = $1 RETURNING id', [productId, priceCents]) as never;",
    );
    expect(code).toContain('RETURNING id');
    const file = temp('returns-rows.ts', code);
    const result = spawnSync('npm', ['run', 'lesson', '--', 'run', '03-cache-aside', '--code', file], { encoding: 'utf8', cwd: root, maxBuffer: 64 * 1024 * 1024 });
    expect(result.status).toBe(1);
    expectNoStackTrace(result.stdout + result.stderr);
    expect(result.stdout).toContain('First mismatch, step 9: updatePrice({"productId":1,"priceCents":16986})');
    expect(result.stdout).toContain('    expected: undefined (nothing returned)\n    actual:   [{"id":1}]');
    expect(result.stdout.trim().split('\n').at(-1)).toBe('Some checks failed.');
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

  it('grades wrong/ and right/ fixes, fails a lesson one of them misjudges, and names a file without its comment', () => {
    const base = mkdtempSync(join(tmpdir(), 'fastpath-verify-'));
    const nextItem = "export async function handle({ id }, { db }) {\n  const [item] = await db.query('SELECT id, name FROM items WHERE id = $1', [id + 1]);\n  return item ?? null;\n}\n";
    writeLesson(join(base, '01-tiny'), { 'starter.ts': TWO_QUERIES }, {
      'next-item.ts': `// One query, but for the next item.\n// expect: correct\n// message: Field "id": expected 1, got 2.\n${nextItem}`,
      'baffling.ts': `// One query, but for the next item.\n// message: too many queries\n// expect: correct\n${nextItem}`,
      'blames-queries.ts': `// One query, but for the next item.\n// expect: maxQueriesPerRequest\n${nextItem}`,
      'not-wrong.ts': `// Not wrong at all: the solution again.\n${tinyLessonFiles()['solution.ts']}`,
      'two-wrongs.ts': `// Two queries, the second for the next item.\n// expect: maxQueriesPerRequest\n${TWO_QUERIES.replace('[id]', '[id + 1]')}`,
    }, { 'next-item.ts': `// Believed right, but reads the next item.\n${nextItem}` });
    // A migration alone runs with the starter's code.
    writeLesson(join(base, '02-sql'), { 'starter.ts': TWO_QUERIES }, { 'drop-items.sql': '-- Drops the table the handler reads.\nDROP TABLE items;\n' }, {
      'same-again.ts': `// The solution again, under another name.\n${tinyLessonFiles()['solution.ts']}`,
    });
    writeLesson(join(base, '03-no-comment'), { 'starter.ts': TWO_QUERIES }, { 'silent.ts': nextItem });

    const result = cli('verify', ['--dir', base]);
    expectNoStackTrace(result.stdout + result.stderr);
    expect(result.code).toBe(1);
    const lines = result.stdout.split('\n');
    expect(lines.find((line) => line.startsWith('01-tiny'))).toMatch(/FAILED$/);
    expect(result.stdout).toMatch(/^ {4}wrong\/next-item\.ts +caught by correct: 5 of 5 answers differ from the reference; the first, at step 0: Field "id": expected 1, got 2\.$/m);
    expect(result.stdout).toMatch(/^ {4}wrong\/not-wrong\.ts +NOT CAUGHT: passes every check$/m);
    // The check its expect: line names comes first, with its message.
    expect(result.stdout).toMatch(/^ {4}wrong\/two-wrongs\.ts +caught by maxQueriesPerRequest, correct: .*\b2 queries/m);
    expect(result.stdout).toContain('    - wrong/not-wrong.ts: passes every check: Not wrong at all: the solution again.');
    // Caught by the check it names, but not with the words it pins: what the learner reads matters.
    expect(result.stdout).toMatch(/^ {4}- wrong\/baffling\.ts: should tell the learner "too many queries", but the first message is: 5 of 5 answers differ/m);
    expect(result.stdout).toContain('    - wrong/blames-queries.ts: should fail maxQueriesPerRequest, but passes it (caught by correct): One query, but for the next item.');
    expect(result.stdout).toMatch(/^ {4}right\/next-item\.ts +FAILS correct: 5 of 5 answers differ/m);
    expect(result.stdout).toMatch(/^ {4}- right\/next-item\.ts: should pass every check, but fails "[^"]+": 5 of 5 answers differ.*\(Believed right, but reads the next item\.\)$/m);
    expect(lines.find((line) => line.startsWith('02-sql'))).toMatch(/ok$/);
    expect(result.stdout).toMatch(/^ {4}right\/same-again\.ts +passes every check: The solution again, under another name\.$/m);
    expect(result.stdout).toMatch(/^ {4}wrong\/drop-items\.sql +caught by an error: starter\.ts:3: sql error: relation "items" does not exist/m);
    expect(lines.find((line) => line.startsWith('03-no-comment'))).toMatch(/FAILED$/);
    expect(result.stdout).toContain('    - 03-no-comment/wrong/silent.ts:1: the first line must be a comment saying what is wrong, like "// An index on status: a third of all orders are open."');
    expect(result.stdout).toContain('lessons: 1 passed, 2 failed; wrong fixes: 3 caught, 3 not; right fixes: 1 passed, 1 not');
  });

  it('takes one lesson folder for --dir, also through a symbolic link', () => {
    const base = mkdtempSync(join(tmpdir(), 'fastpath-verify-'));
    writeLesson(join(base, 'elsewhere/04-linked'), { 'starter.ts': TWO_QUERIES });
    mkdirSync(join(base, 'lessons'));
    symlinkSync(join(base, 'elsewhere/04-linked'), join(base, 'lessons/04-linked'));
    const result = cli('verify', ['--dir', join(base, 'lessons/04-linked')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^04-linked .* ok$/m);
    expect(result.stdout).toContain('Verified 1 lesson in');
  });

  it('checks only the lessons named, a linked one too, and refuses a name that is not there', () => {
    const base = mkdtempSync(join(tmpdir(), 'fastpath-verify-'));
    // 01-broken would fail verify: if it were graded, the exit code would be 1.
    writeLesson(join(base, 'lessons/01-broken'), { 'seed.sql': undefined });
    writeLesson(join(base, 'elsewhere/02-linked'), { 'starter.ts': TWO_QUERIES });
    symlinkSync(join(base, 'elsewhere/02-linked'), join(base, 'lessons/02-linked'));
    const result = cli('verify', ['--dir', join(base, 'lessons'), '02-linked']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^02-linked .* ok$/m);
    expect(result.stdout).not.toContain('01-broken');
    expect(result.stdout).toContain('Verified 1 lesson in');

    const unknown = cli('verify', ['--dir', join(base, 'lessons'), '02-linked', '03-nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim()).toBe('lessons:verify: unknown lesson "03-nope"; lessons: 01-broken, 02-linked');
  });
});

describe('FASTPATH_LESSONS', () => {
  const fixture = 'test/fixtures/workshop-lessons';

  it('makes lessons:verify grade that folder, and only it', { timeout: 180_000 }, () => {
    const result = cli('verify', [], fixture);
    expectNoStackTrace(result.stdout + result.stderr);
    expect(result.code, result.stdout).toBe(0);
    const rows = result.stdout.split('\n').filter((line) => /^\d\d-/.test(line));
    expect(rows.map((line) => line.split(' ')[0])).toEqual(['01-wasted-query', '02-item-name', '03-read-once']);
    expect(rows.every((line) => line.endsWith(' ok'))).toBe(true);
    expect(result.stdout).toContain('lessons: 3 passed, 0 failed');
  });

  it('makes lesson run look up lessons there', () => {
    const result = cli('lesson', ['run', '01-n-plus-one', '--code', join(lessons, '01-n-plus-one/solution.ts')], fixture);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('lesson: unknown lesson "01-n-plus-one"; lessons: 01-wasted-query, 02-item-name, 03-read-once');
  });

  it('stops verify with exit 2 naming the folder and the variable when it is missing or empty', () => {
    const missing = cli('verify', [], 'no-such-lessons');
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toBe(`lessons:verify: ${join(root, 'no-such-lessons')}: lessons folder not found (FASTPATH_LESSONS=no-such-lessons)`);
    const empty = mkdtempSync(join(tmpdir(), 'fastpath-empty-'));
    const none = cli('verify', [], empty);
    expect(none.code).toBe(2);
    expect(none.stderr.trim()).toBe(`lessons:verify: ${empty}: no lessons in this folder: a lesson is a folder holding lesson.md, like 01-n-plus-one/lesson.md (FASTPATH_LESSONS=${empty})`);
  });

  it('gives way to --dir', () => {
    const result = cli('verify', ['--dir', join(root, fixture), '99-nope'], 'no-such-lessons');
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toBe('lessons:verify: unknown lesson "99-nope"; lessons: 01-wasted-query, 02-item-name, 03-read-once');
  });
});
