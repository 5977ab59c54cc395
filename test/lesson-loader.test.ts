import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readLesson } from '../src/lessons/read-lessons.ts';
import { COURSE_LESSONS_DIR, listLessonSlugs } from '../src/lessons/lessons-dir.ts';
import { LessonError } from '../src/lessons/lesson.ts';
import { tinyLessonFiles } from './helpers/lessons.ts';

function writeLesson(files: Record<string, string | undefined>): string {
  const root = mkdtempSync(join(tmpdir(), 'fastpath-lessons-'));
  mkdirSync(join(root, '01-tiny'));
  for (const [name, text] of Object.entries(files)) if (text !== undefined) writeFileSync(join(root, '01-tiny', name), text);
  return root;
}

function loadError(files: Record<string, string | undefined>): LessonError {
  try {
    readLesson(writeLesson(files), '01-tiny');
  } catch (error) {
    expect(error).toBeInstanceOf(LessonError);
    return error as LessonError;
  }
  throw new Error('expected the lesson to be rejected');
}

describe('lesson loader', () => {
  it('reads every lesson of the course', () => {
    const slugs = listLessonSlugs(COURSE_LESSONS_DIR);
    expect(slugs).toEqual(['01-n-plus-one', '02-missing-index', '03-cache-aside', '04-nested-n-plus-one', '05-parallel-queries', '06-request-memo', '07-batch-loader', '08-bulk-upsert', '09-select-columns', '10-aggregate-in-db', '11-map-lookup', '12-memoize-rules', '13-fk-cascade-delete', '14-sargable-predicates', '15-composite-index-order', '16-keyset-pagination', '17-covering-index', '18-seq-scan-is-right', '19-stale-statistics']);
    for (const slug of slugs) expect(readLesson(COURSE_LESSONS_DIR, slug).frontmatter.hints.length).toBeGreaterThanOrEqual(3);
  });

  it('names a missing file and what it is for', () => {
    const error = loadError(tinyLessonFiles({ 'workload.ts': undefined }));
    expect(error.message).toBe('01-tiny/workload.ts: missing file (the requests of a run): every lesson folder needs one; see docs/authoring.md, "The folder"');
  });

  it('names the file, line and field of a bad frontmatter value', () => {
    const files = tinyLessonFiles();
    files['lesson.md'] = files['lesson.md']!.replace('minutes: 5', 'minutes: five');
    const error = loadError(files);
    expect(error).toMatchObject({ file: '01-tiny/lesson.md', field: 'minutes', line: 6 });
    expect(error.message).toMatch(/^01-tiny\/lesson\.md:6: minutes: .*number/);
  });

  it('rejects an unknown check, naming it and its line', () => {
    const files = tinyLessonFiles();
    files['lesson.md'] = files['lesson.md']!.replace('  correct: true', '  correct: true\n  fastEnough: true');
    expect(loadError(files)).toMatchObject({ field: 'checks.fastEnough', file: '01-tiny/lesson.md', line: 12 });
  });

  it('points at the list item at fault, not at a look-alike key inside a folded string', () => {
    const files = tinyLessonFiles();
    files['lesson.md'] = files['lesson.md']!
      .replace('hints: [look at the queries]', 'hints:\n  - look at the queries\n  - no')
      .replace('explanation: Tests need small lessons that boot fast.', 'explanation: >-\n  Tests need small lessons that boot fast.\n  checks: this line is prose.');
    expect(loadError(files)).toMatchObject({ field: 'hints.1', line: 10 });
    files['lesson.md'] = files['lesson.md'].replace('  - no', '  - look closer').replace('checks:\n  correct: true\n  maxQueriesPerRequest: 1', 'checks: [correct]');
    expect(loadError(files)).toMatchObject({ field: 'checks', line: 14 });
  });

  it('says what to add for a missing field, and what was meant by a misspelt one', () => {
    const files = tinyLessonFiles();
    files['lesson.md'] = files['lesson.md']!.replace('minutes: 5\n', '');
    expect(loadError(files).message).toBe('01-tiny/lesson.md:2: minutes: missing: add this field. Rough time a learner needs, in minutes.');
    files['lesson.md'] = tinyLessonFiles()['lesson.md']!.replace('  maxQueriesPerRequest: 1', '  maxQueriesPerRequst: 1');
    expect(loadError(files).message).toMatch(/^01-tiny\/lesson\.md:12: checks\.maxQueriesPerRequst: unknown field: did you mean "maxQueriesPerRequest"\? The fields here are correct, maxQueriesPerRequest, /);
  });

  it('rejects a lesson whose only check is correct, on the checks line', () => {
    const files = tinyLessonFiles();
    files['lesson.md'] = files['lesson.md']!.replace('\n  maxQueriesPerRequest: 1', '');
    expect(loadError(files).message).toBe(
      '01-tiny/lesson.md:10: checks: declares no check besides correct; add one the starter fails, like speedup: 3 or maxQueriesPerRequest: 1 (docs/authoring.md, "Checks")',
    );
  });

  it('tells a frontmatter left open from a missing or empty one', () => {
    const markdown = tinyLessonFiles()['lesson.md']!;
    const cases: [string, RegExp][] = [
      [markdown.replace(/\n---\nProse\./, '\nProse.'), /^01-tiny\/lesson\.md:1: the frontmatter is not closed: add a line "---" after its last field/],
      [markdown.slice(4), /^01-tiny\/lesson\.md:1: no frontmatter: the file must start with a line "---"/],
      ['---\n---\nProse.', /^01-tiny\/lesson\.md:2: \(root\): Invalid input: expected object, received undefined; the frontmatter must be "field: value" lines/],
    ];
    for (const [text, message] of cases) expect(loadError(tinyLessonFiles({ 'lesson.md': text })).message).toMatch(message);
  });

  it('names a folder where a file should be', () => {
    const root = writeLesson(tinyLessonFiles({ 'seed.sql': undefined }));
    mkdirSync(join(root, '01-tiny', 'seed.sql'));
    expect(() => readLesson(root, '01-tiny')).toThrow(/^01-tiny\/seed\.sql: is a folder; it must be a file$/);
  });

  it('rejects a folder name that cannot be a URL slug', () => {
    const root = writeLesson(tinyLessonFiles());
    mkdirSync(join(root, 'My Lesson'));
    writeFileSync(join(root, 'My Lesson', 'lesson.md'), tinyLessonFiles()['lesson.md']!);
    expect(listLessonSlugs(root)).toEqual(['01-tiny', 'My Lesson']);
    expect(() => readLesson(root, 'My Lesson')).toThrow(/^My Lesson: the folder name must be/);
  });

  it('reports YAML syntax errors with a line', () => {
    const files = tinyLessonFiles();
    files['lesson.md'] = files['lesson.md']!.replace('order: 1', 'order: [1');
    const error = loadError(files);
    expect(error.message).toMatch(/not valid YAML/);
    expect(error.line).toBeGreaterThan(1);
  });

  it('reports a missing folder', () => {
    expect(() => readLesson(COURSE_LESSONS_DIR, '99-nope')).toThrow(/no such lesson folder/);
  });
});
