/**
 * `npm run lesson -- new`: its parts in process (the frontmatter edit, the folder it makes), then
 * the command itself, whose lesson must pass lessons:verify as it is.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setFrontmatterFields } from '../src/lessons/edit-frontmatter.ts';
import { createLesson, NewLessonRefusal } from '../src/lessons/new-lesson.ts';
import { readLesson } from '../src/lessons/read-lessons.ts';
import { COURSE_LESSONS_DIR } from '../src/lessons/lessons-dir.ts';
import { LessonError } from '../src/lessons/lesson.ts';
import { spawnNodeSync } from './helpers/node-args.ts';

const root = fileURLToPath(new URL('..', import.meta.url));

function cli(script: 'lesson' | 'verify', args: string[]) {
  const result = spawnNodeSync([join(root, `src/cli/${script}.ts`), ...args], { encoding: 'utf8', cwd: root });
  return { code: result.status ?? `${result.signal}: ${result.stderr}`, stdout: result.stdout, stderr: result.stderr };
}

describe('setFrontmatterFields', () => {
  const markdown = '---\n# A comment that stays.\ntitle: >-\n  A title folded\n  over two lines\norder: 2\nchecks:\n  correct: true\n---\nBody: title: not this.\n';

  it('replaces a field and its continuation lines, keeps the rest, and adds a missing one', () => {
    expect(setFrontmatterFields(markdown, { title: 'Slow invoices: the sequel', order: 7, minutes: 10 })).toBe(
      "---\n# A comment that stays.\ntitle: 'Slow invoices: the sequel'\norder: 7\nchecks:\n  correct: true\nminutes: 10\n---\nBody: title: not this.\n",
    );
  });

  it('refuses a text without a frontmatter', () => {
    expect(() => setFrontmatterFields('title: x\n', { title: 'y' })).toThrow(/no frontmatter/);
  });
});

describe('createLesson', () => {
  it('copies a linked lesson as a real folder, with a title from the slug and a free order', () => {
    const root = mkdtempSync(join(tmpdir(), 'fastpath-new-'));
    symlinkSync(join(COURSE_LESSONS_DIR, '01-n-plus-one'), join(root, '01-n-plus-one'));
    const made = createLesson({ lessonsDir: root, slug: '01-feed-again', from: '01-n-plus-one' });
    expect(made).toMatchObject({ title: 'Feed again', order: 2 });
    expect(lstatSync(made.dir).isSymbolicLink()).toBe(false);
    expect(made.files).toContain('wrong/inner-join.ts');
    const copy = readLesson(root, '01-feed-again');
    const source = readLesson(root, '01-n-plus-one');
    expect(copy.frontmatter).toEqual({ ...source.frontmatter, title: 'Feed again', order: 2 });
    expect(copy.files).toEqual(source.files);
  });

  it('gives the template lesson the first track of a folder whose tracks.yaml lacks its own', () => {
    const root = mkdtempSync(join(tmpdir(), 'fastpath-new-'));
    const tracks = '- id: billing\n  title: Billing\n  order: 1\n';
    writeFileSync(join(root, 'tracks.yaml'), tracks);
    createLesson({ lessonsDir: root, slug: '7-ab' });
    expect(readLesson(root, '7-ab').frontmatter).toMatchObject({ topic: 'billing', title: 'Lesson 7-ab', order: 7 });
  });

  it('refuses a bad name, a folder that exists and an unknown source, writing nothing', () => {
    const root = mkdtempSync(join(tmpdir(), 'fastpath-new-'));
    mkdirSync(join(root, '02-taken'));
    const refusal = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        if (error instanceof NewLessonRefusal) return error.message;
        throw error;
      }
      throw new Error('expected a refusal');
    };
    expect(refusal(() => createLesson({ lessonsDir: root, slug: 'Slow_Invoices' }))).toMatch(/^"Slow_Invoices" is not a lesson name/);
    expect(refusal(() => createLesson({ lessonsDir: root, slug: '02-taken' }))).toBe(`${join(root, '02-taken')} already exists; pick another name, or delete that folder first`);
    expect(refusal(() => createLesson({ lessonsDir: root, slug: '03-new', from: '01-nope' }))).toBe('unknown lesson "01-nope" for --from; lessons: (none)');
    expect(existsSync(join(root, '03-new'))).toBe(false);
    expect(() => createLesson({ lessonsDir: join(root, 'missing'), slug: '03-new' })).toThrow(LessonError);
  });
});

describe('npm run lesson -- new', () => {
  it('makes a lesson that lessons:verify passes as it is, and lists the files to edit', () => {
    const base = mkdtempSync(join(tmpdir(), 'fastpath-new-'));
    const made = cli('lesson', ['new', '04-slow-invoices', '--dir', base]);
    expect(made.code).toBe(0);
    expect(made.stdout).toContain('"Slow invoices", order 4.');
    const folder = relative(root, join(base, '04-slow-invoices'));
    for (const file of ['lesson.md', 'schema.sql', 'seed.sql', 'starter.ts', 'solution.ts', 'workload.ts', 'wrong/inner-join.ts']) {
      expect(made.stdout).toMatch(new RegExp(`^ {2}${folder}/${file} +\\S`, 'm'));
    }
    expect(made.stdout).toContain(`npm run lessons:verify -- --dir ${relative(root, base)} 04-slow-invoices`);

    const verified = cli('verify', ['--dir', base, '04-slow-invoices']);
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/^04-slow-invoices +11 -> 1 .* ok$/m);
    expect(verified.stdout).toMatch(/^ {4}wrong\/inner-join\.ts +caught by correct: /m);
  });

  it('refuses a bad name, a folder that exists and an unknown --from with one line, exit 2', () => {
    const base = mkdtempSync(join(tmpdir(), 'fastpath-new-'));
    mkdirSync(join(base, '01-taken'));
    const cases: [string[], string][] = [
      [['new', '4-Slow_Invoices'], 'lesson: "4-Slow_Invoices" is not a lesson name: use a number, a dash and lower-case words joined by dashes, like 04-slow-invoices'],
      [['new', '01-taken'], `lesson: ${join(base, '01-taken')} already exists; pick another name, or delete that folder first`],
      [['new', '02-copy', '--from', '09-nope'], 'lesson: unknown lesson "09-nope" for --from; lessons: (none)'],
    ];
    for (const [args, stderr] of cases) {
      const result = cli('lesson', [...args, '--dir', base]);
      expect(result.code).toBe(2);
      expect(result.stderr.trim()).toBe(stderr);
    }
    expect(readdirSync(base)).toEqual(['01-taken']);
  });
});
