import { describe, expect, it } from 'vitest';
import { exportProgress, importProgress, type KeyValueStore } from '../src/client/progress-file.ts';

/** A browser's storage: the seam a Node test cannot make real (Node has no localStorage here). */
function storage(entries: Record<string, string> = {}): KeyValueStore & { entries: Map<string, string> } {
  const map = new Map(Object.entries(entries));
  return { entries: map, keys: () => [...map.keys()], get: (key) => map.get(key) ?? null, set: (key, value) => void map.set(key, value) };
}
const known = ['01-n-plus-one', '02-missing-index', '03-cache-aside'];

describe('progress files', () => {
  const laptop = storage({
    'fastpath:solved:01-n-plus-one': '2026-11-20T10:00:00.000Z',
    'fastpath:01-n-plus-one:handler.ts': 'export const solved = 1;',
    'fastpath:01-n-plus-one:hints': '2',
    'fastpath:02-missing-index:handler.ts': '// halfway',
    'fastpath:02-missing-index:migration.sql': 'CREATE INDEX ON orders (customer_id);',
    'fastpath:layout:prose-share': '40',
    'other-site:key': 'x',
  });

  it('export the solved lessons, the attempts and the hints, and nothing else', () => {
    const file = exportProgress(laptop, new Date('2026-11-30T12:00:00Z'));
    expect(file).toEqual({
      format: 'fastpath-progress',
      version: 1,
      exportedAt: '2026-11-30T12:00:00.000Z',
      lessons: {
        '01-n-plus-one': { solvedAt: '2026-11-20T10:00:00.000Z', files: { 'handler.ts': 'export const solved = 1;' }, hintsOpened: 2 },
        '02-missing-index': { files: { 'handler.ts': '// halfway', 'migration.sql': 'CREATE INDEX ON orders (customer_id);' } },
      },
    });
  });

  it('restore everything into a browser that has nothing, and say what was restored', () => {
    const fresh = storage();
    const report = importProgress(JSON.stringify(exportProgress(laptop)), fresh, known);
    expect(report).toEqual({ ok: true, lines: [expect.stringMatching(/: 1 lesson newly solved, 2 attempts restored, hints for 1 lesson\.$/)] });
    expect(exportProgress(fresh).lessons).toEqual(exportProgress(laptop).lessons);
  });

  it("never replace this browser's own attempt, keep the earliest solved date and the most hints", () => {
    const here = storage({
      'fastpath:solved:01-n-plus-one': '2026-11-25T10:00:00.000Z',
      'fastpath:01-n-plus-one:handler.ts': '// my newer attempt',
      'fastpath:01-n-plus-one:hints': '3',
    });
    const report = importProgress(JSON.stringify(exportProgress(laptop)), here, known);
    expect(report.lines).toEqual([
      expect.stringMatching(/0 lessons newly solved, 1 attempt restored, hints for 0 lessons\.$/),
      `Kept this browser's attempt at "01-n-plus-one": its handler.ts differs from the file's. Nothing of it was replaced.`,
    ]);
    expect(here.get('fastpath:01-n-plus-one:handler.ts')).toBe('// my newer attempt');
    expect(here.get('fastpath:solved:01-n-plus-one')).toBe('2026-11-20T10:00:00.000Z');
    expect(here.get('fastpath:01-n-plus-one:hints')).toBe('3');
    expect(here.get('fastpath:02-missing-index:handler.ts')).toBe('// halfway');
  });

  it('skip lessons this site does not have, by name', () => {
    const file = { ...exportProgress(laptop), lessons: { 'team-only-lesson': { solvedAt: '2026-11-01T00:00:00Z' } } };
    const here = storage();
    expect(importProgress(JSON.stringify(file), here, known).lines[1]).toBe('Skipped "team-only-lesson": no lesson of that name on this site.');
    expect(here.entries.size).toBe(0);
  });

  it('refuse an invalid file as a whole, naming the field, and change nothing', () => {
    const valid = exportProgress(laptop);
    const cases: [string, string][] = [
      ['{ not json', 'the file is not JSON (is it a Fastpath progress file?).'],
      [JSON.stringify({ lessons: {} }), 'the file is not a Fastpath progress file (no "format": "fastpath-progress").'],
      [JSON.stringify({ ...valid, version: 2 }), 'the file was made by a newer version of Fastpath (version 2).'],
      [JSON.stringify({ ...valid, lessons: { '01-n-plus-one': { hintsOpened: -1 } } }), 'lessons["01-n-plus-one"].hintsOpened is not a whole number.'],
      [JSON.stringify({ ...valid, lessons: { '01-n-plus-one': { files: { 'index.html': '<b>' } } } }), 'lessons["01-n-plus-one"].files has an unknown file, "index.html".'],
      [JSON.stringify({ ...valid, lessons: { '01-n-plus-one': { files: { 'handler.ts': 42 } } } }), 'lessons["01-n-plus-one"].files["handler.ts"] is not text.'],
      [JSON.stringify({ ...valid, lessons: { '../etc': {} } }), 'lessons["../etc"]: not a lesson name.'],
      [JSON.stringify({ ...valid, lessons: { '01-n-plus-one': { solvedAt: 'yesterday' } } }), 'lessons["01-n-plus-one"].solvedAt is not a date.'],
    ];
    for (const [text, why] of cases) {
      const here = storage();
      expect(importProgress(text, here, known)).toEqual({ ok: false, lines: [`Nothing was imported: ${why}`] });
      expect(here.entries.size).toBe(0);
    }
  });
});
