/** FASTPATH_LESSONS: the one setting that picks the lessons folder for the site, the CLIs and the scripts. */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chosenLessons, COURSE_LESSONS_DIR, lessonsDir } from '../src/lessons/lessons-dir.ts';
import { lessonErrorOf } from './helpers/lesson-error.ts';

const root = fileURLToPath(new URL('..', import.meta.url));


describe('lessonsDir', () => {
  it("is the project's lessons/ when FASTPATH_LESSONS is unset or blank", () => {
    expect(COURSE_LESSONS_DIR).toBe(join(root, 'lessons'));
    expect(lessonsDir({}, '/somewhere/else')).toBe(COURSE_LESSONS_DIR);
    expect(lessonsDir({ FASTPATH_LESSONS: '  ' }, '/somewhere/else')).toBe(COURSE_LESSONS_DIR);
  });

  it('takes a relative path from the current directory, an absolute one as it is', () => {
    expect(lessonsDir({ FASTPATH_LESSONS: 'workshop/lessons' }, '/home/me')).toBe('/home/me/workshop/lessons');
    expect(lessonsDir({ FASTPATH_LESSONS: '../shared/' }, '/home/me/fastpath')).toBe('/home/me/shared');
    expect(lessonsDir({ FASTPATH_LESSONS: '/srv/acme-lessons' }, '/home/me')).toBe('/srv/acme-lessons');
  });
});

describe('chosenLessons', () => {
  it("lists the chosen folder's lessons, the course's by default", () => {
    expect(chosenLessons({}).slugs).toEqual(['01-n-plus-one', '02-missing-index', '03-cache-aside', '04-nested-n-plus-one', '05-parallel-queries', '06-request-memo', '07-batch-loader', '08-bulk-upsert', '09-select-columns', '10-aggregate-in-db', '11-map-lookup', '12-memoize-rules', '13-fk-cascade-delete', '14-sargable-predicates', '15-composite-index-order', '16-keyset-pagination', '17-covering-index', '18-seq-scan-is-right', '19-stale-statistics']);
    expect(chosenLessons({ FASTPATH_LESSONS: 'test/fixtures/workshop-lessons' }, root)).toEqual({
      dir: join(root, 'test/fixtures/workshop-lessons'),
      slugs: ['01-wasted-query', '02-item-name', '03-read-once'],
    });
  });

  it('names the folder and the variable when the folder is missing', () => {
    const error = lessonErrorOf(() => chosenLessons({ FASTPATH_LESSONS: 'no-such-folder' }, '/tmp'));
    expect(error.message).toBe('/tmp/no-such-folder: lessons folder not found (FASTPATH_LESSONS=no-such-folder)');
  });

  it('names the folder and the variable when the folder holds no lesson', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fastpath-lessons-dir-'));
    mkdirSync(join(dir, '01-no-lesson-md'));
    writeFileSync(join(dir, 'tracks.yaml'), '');
    const error = lessonErrorOf(() => chosenLessons({ FASTPATH_LESSONS: dir }, '/'));
    expect(error.file).toBe(dir);
    expect(error.message).toBe(`${dir}: no lessons in this folder: a lesson is a folder holding lesson.md, like 01-n-plus-one/lesson.md (FASTPATH_LESSONS=${dir})`);
  });
});
