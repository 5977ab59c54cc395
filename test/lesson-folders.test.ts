/** Finding lesson folders on disk: links to lesson folders kept elsewhere count. */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listLessonSlugs } from '../src/lessons/lessons-dir.ts';

describe('listLessonSlugs', () => {
  it('follows links to lesson folders and skips broken ones', () => {
    const root = mkdtempSync(join(tmpdir(), 'fastpath-list-'));
    for (const dir of ['lessons/01-here', 'elsewhere/02-linked', 'lessons/03-no-lesson-md']) mkdirSync(join(root, dir), { recursive: true });
    writeFileSync(join(root, 'lessons/01-here/lesson.md'), '---\n---\n');
    writeFileSync(join(root, 'elsewhere/02-linked/lesson.md'), '---\n---\n');
    symlinkSync(join(root, 'elsewhere/02-linked'), join(root, 'lessons/02-linked'));
    symlinkSync(join(root, 'nowhere'), join(root, 'lessons/04-broken'));
    expect(listLessonSlugs(join(root, 'lessons'))).toEqual(['01-here', '02-linked']);
  });
});
