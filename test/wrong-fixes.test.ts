/** Reading lessons/NN/wrong/: which code and migration each file runs with, and the errors that name a file. */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tinyLesson, tinyLessonFiles } from './helpers/lessons.ts';
import { readRightFixes, readWrongFixes } from '../src/lessons/read-lessons.ts';
import { lessonErrorOf } from './helpers/lesson-error.ts';

const code = "// Looks up the next item.\nexport async function handle({ id }, { db }) {\n  return (await db.query('SELECT * FROM items WHERE id = $1', [id + 1]))[0];\n}\n";

/** A lessons folder holding the tiny lesson (slug 00-tiny) with these `wrong/` files. */
function withWrong(files: Record<string, string>, overrides: Record<string, string | undefined> = {}) {
  const root = mkdtempSync(join(tmpdir(), 'fastpath-wrong-'));
  mkdirSync(join(root, '00-tiny/wrong'), { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, '00-tiny/wrong', name), text);
  return readWrongFixes(root, tinyLesson(overrides));
}


describe('readWrongFixes', () => {
  it('is empty for a lesson without wrong/', () => {
    expect(readWrongFixes(mkdtempSync(join(tmpdir(), 'fastpath-wrong-')), tinyLesson())).toEqual([]);
  });

  it('runs code alone with solution.sql, else migration.sql, else no migration', () => {
    const both = { 'migration.sql': '-- yours', 'solution.sql': 'CREATE INDEX ON items (name);' };
    expect(withWrong({ 'next.ts': code }, both)[0]).toEqual({
      name: 'wrong/next.ts',
      description: 'Looks up the next item.',
      code,
      codeFile: 'wrong/next.ts',
      migration: 'CREATE INDEX ON items (name);',
      expect: [],
    });
    expect(withWrong({ 'next.ts': code }, { 'migration.sql': '-- yours' })[0].migration).toBe('-- yours');
    expect(withWrong({ 'next.ts': code })[0].migration).toBeUndefined();
  });

  it("runs a migration alone with the starter's code, and a pair together", () => {
    const sql = '-- An index nobody uses.\n-- expect: maxQueriesPerRequest\nCREATE INDEX ON items (name);\n';
    const [pair, alone] = withWrong({ 'a.ts': `${code.split('\n')[0]}\n// expect: correct\n${code}`, 'a.sql': sql, 'b.sql': sql });
    expect(pair).toMatchObject({ name: 'wrong/a.{ts,sql}', description: 'Looks up the next item.', codeFile: 'wrong/a.ts', migration: sql, expect: ['correct', 'maxQueriesPerRequest'] });
    expect(alone).toMatchObject({ name: 'wrong/b.sql', description: 'An index nobody uses.', code: tinyLessonFiles()['starter.ts'], codeFile: 'starter.ts', migration: sql });
  });

  it('reads the words a message must hold from a "message:" line, before or after "expect:"', () => {
    const fixes = withWrong({
      'd.ts': `// Wrong.\n// expect: correct\n// message: expected items are missing.\n${code}`,
      'e.sql': '-- Wrong.\n-- message: table rows (at most 1000)\n-- expect: maxQueriesPerRequest\nCREATE INDEX ON items (name);\n',
    });
    expect(fixes.map((fix) => [fix.name, fix.expect, fix.message])).toEqual([
      ['wrong/d.ts', ['correct'], 'expected items are missing.'],
      ['wrong/e.sql', ['maxQueriesPerRequest'], 'table rows (at most 1000)'],
    ]);
    expect(lessonErrorOf(() => withWrong({ 'f.ts': `// Wrong.\n// message:   \n${code}` })).message).toContain('00-tiny/wrong/f.ts:2: "message:" is empty');
  });

  it('ignores dotfiles and reads "expect:" lists separated by commas or spaces', () => {
    const fixes = withWrong({ '.DS_Store': 'x', 'c.ts': `// Wrong.\n//   expect: correct maxQueriesPerRequest,\n${code}` });
    expect(fixes.map((fix) => [fix.name, fix.expect])).toEqual([['wrong/c.ts', ['correct', 'maxQueriesPerRequest']]]);
  });

  it('names the file and line of every broken rule', () => {
    const cases: [Record<string, string>, string][] = [
      [{ 'silent.ts': code.split('\n').slice(1).join('\n') }, '00-tiny/wrong/silent.ts:1: the first line must be a comment saying what is wrong, like "// An index on status: a third of all orders are open."'],
      [{ 'dashes.ts': `-- Wrong marker.\n${code}` }, '00-tiny/wrong/dashes.ts:1: the first line must be a comment'],
      [{ 'slashes.sql': '// Wrong marker.\nSELECT 1;' }, '00-tiny/wrong/slashes.sql:1: the first line must be a comment saying what is wrong, like "-- An index'],
      [{ 'only-expect.ts': `// expect: correct\n${code}` }, '00-tiny/wrong/only-expect.ts:1: the first line must be a comment'],
      [{ 'typo.ts': `// Wrong.\n// expect: corect\n${code}` }, '00-tiny/wrong/typo.ts:2: expect: "corect" is not a check of this lesson (correct, maxQueriesPerRequest)'],
      [{ 'undeclared.ts': `// Wrong.\n// expect: speedup\n${code}` }, '00-tiny/wrong/undeclared.ts:2: expect: "speedup" is not a check of this lesson'],
      [{ 'empty.ts': `// Wrong.\n// expect:\n${code}` }, '00-tiny/wrong/empty.ts:2: "expect:" lists no checks'],
      [{ 'notes.md': 'Some notes.' }, '00-tiny/wrong/notes.md: only wrong fixes belong here: a .ts handler file, a .sql migration, or both under one name'],
    ];
    for (const [files, message] of cases) expect(lessonErrorOf(() => withWrong(files)).message).toContain(message);
  });
});

describe('readRightFixes', () => {
  /** A lessons folder holding the tiny lesson with these `right/` files. */
  function withRight(files: Record<string, string>) {
    const root = mkdtempSync(join(tmpdir(), 'fastpath-right-'));
    mkdirSync(join(root, '00-tiny/right'), { recursive: true });
    for (const [name, text] of Object.entries(files)) writeFileSync(join(root, '00-tiny/right', name), text);
    return readRightFixes(root, tinyLesson({ 'migration.sql': '-- yours', 'solution.sql': 'CREATE INDEX ON items (name);' }));
  }

  it('reads them as wrong/ files are read, with the solution\'s migration for code alone', () => {
    expect(withRight({ 'next.ts': code })).toEqual([
      { name: 'right/next.ts', description: 'Looks up the next item.', code, codeFile: 'right/next.ts', migration: 'CREATE INDEX ON items (name);' },
    ]);
  });

  it('asks for a first line saying how the fix works, and refuses an expect: line', () => {
    expect(lessonErrorOf(() => withRight({ 'silent.ts': code.split('\n').slice(1).join('\n') })).message).toContain(
      '00-tiny/right/silent.ts:1: the first line must be a comment saying how this fix works, like "// One query with json_agg',
    );
    expect(lessonErrorOf(() => withRight({ 'hedged.ts': `// Right.\n// expect: correct\n${code}` })).message).toBe(
      '00-tiny/right/hedged.ts:2: a right fix must pass every check: drop the "expect:" line',
    );
  });
});
