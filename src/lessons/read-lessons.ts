/** Node-side loader: reads lesson folders from disk. The browser gets the same text from the build. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parseLesson } from './parse-lesson.ts';
import { readTracks } from './read-tracks.ts';
import { isDirectory } from './lessons-dir.ts';
import { LessonError, type Lesson, type RightFix, type WrongFix } from './lesson.ts';

/**
 * Reads and validates one lesson folder; its `topic` must name a track of `root`'s `tracks.yaml`
 * (see `readTracks`).
 * @throws LessonError when the folder is missing, a file is missing or invalid, or the tracks file is
 */
export function readLesson(root: string, slug: string): Lesson {
  const dir = join(root, slug);
  if (!isDirectory(dir)) {
    throw new LessonError(`no such lesson folder in ${root}`, slug);
  }
  const tracks = readTracks(root);
  return parseLesson(
    slug,
    (name) => readText(join(dir, name), `${slug}/${name}`),
    tracks,
  );
}

/**
 * A lesson file's text, or `undefined` when there is none.
 * @throws LessonError when something else stands at its name (a folder) or it cannot be read
 */
function readText(path: string, file: string): string | undefined {
  if (!existsSync(path)) return undefined;
  if (isDirectory(path)) throw new LessonError('is a folder; it must be a file', file);
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new LessonError(`cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); check its permissions`, file);
  }
}

/**
 * The wrong fixes in `<slug>/wrong/`, by file name. `name.ts` is handler code, run with the lesson's
 * `solution.sql` (else `migration.sql`), so only the code is wrong; `name.sql` is a migration run
 * with `starter.ts`; `name.ts` beside `name.sql` runs that code with that migration. Each file
 * starts with a comment saying what is wrong; a second comment line `expect: id, id` may name
 * checks that must fail. An empty list when the lesson has no `wrong/` folder.
 * @throws LessonError naming the file (and line) that breaks these rules
 */
export function readWrongFixes(root: string, lesson: Lesson): WrongFix[] {
  return readFixFolder(root, lesson, 'wrong');
}

/**
 * The other right fixes in `<slug>/right/`: files like those of `wrong/` (code, migration, or both
 * under one name), each starting with a comment saying what it does differently from
 * `solution.ts`, which must pass every check as the solution does. No `expect:` line. An empty
 * list when the lesson has no `right/` folder.
 * @throws LessonError naming the file (and line) that breaks these rules
 */
export function readRightFixes(root: string, lesson: Lesson): RightFix[] {
  return readFixFolder(root, lesson, 'right').map(({ expect: _expect, message: _message, ...fix }) => fix);
}

const FOLDER_RULES = {
  wrong: { what: 'wrong fixes', saying: 'what is wrong', example: 'An index on status: a third of all orders are open.' },
  right: { what: 'right fixes', saying: 'how this fix works', example: 'One query with json_agg instead of two batched ones.' },
} as const;

function readFixFolder(root: string, lesson: Lesson, kind: 'wrong' | 'right'): WrongFix[] {
  const rules = FOLDER_RULES[kind];
  const folder = `${lesson.slug}/${kind}`;
  const dir = join(root, folder);
  if (!existsSync(dir)) return [];
  if (!isDirectory(dir)) throw new LessonError(`must be a folder of ${rules.what} (.ts and .sql files)`, folder);
  const pairs = new Map<string, { ts?: string; sql?: string }>();
  for (const file of readdirSync(dir).sort()) {
    if (file.startsWith('.')) continue; // editor and OS droppings (.DS_Store, .swp)
    const match = /^(.+)\.(ts|sql)$/.exec(file);
    if (!match || !statSync(join(dir, file)).isFile()) {
      throw new LessonError(`only ${rules.what} belong here: a .ts handler file, a .sql migration, or both under one name`, `${folder}/${file}`);
    }
    const pair = pairs.get(match[1]) ?? {};
    pair[match[2] as 'ts' | 'sql'] = readFileSync(join(dir, file), 'utf8');
    pairs.set(match[1], pair);
  }
  // A right fix must pass every check, so it has none to expect (undefined: no `expect:` allowed).
  const declared = kind === 'wrong' ? Object.keys(lesson.frontmatter.checks).filter((id) => (lesson.frontmatter.checks as Record<string, unknown>)[id] !== undefined) : undefined;
  const header = (text: string, marker: '//' | '--', file: string) => readHeader(text, marker, file, declared, rules);
  return [...pairs].map(([base, pair]): WrongFix => {
    const sql = pair.sql === undefined ? undefined : header(pair.sql, '--', `${folder}/${base}.sql`);
    const ts = pair.ts === undefined ? undefined : header(pair.ts, '//', `${folder}/${base}.ts`);
    const { files } = lesson;
    return {
      name: `${kind}/${base}.${ts && sql ? '{ts,sql}' : ts ? 'ts' : 'sql'}`,
      description: (ts ?? sql)!.description,
      code: pair.ts ?? files.starter,
      codeFile: ts ? `${kind}/${base}.ts` : 'starter.ts',
      migration: pair.sql ?? (pair.ts !== undefined ? (files.solutionMigration ?? files.migration) : undefined),
      expect: [...new Set([...(ts?.expect ?? []), ...(sql?.expect ?? [])])],
      ...((ts?.message ?? sql?.message) !== undefined && { message: ts?.message ?? sql?.message }),
    };
  });
}

/**
 * The first line's comment (what is wrong, or how it works), then optional comment lines
 * `expect: id, id` and `message: words` (in either order) on the next two.
 */
function readHeader(
  text: string,
  marker: '//' | '--',
  file: string,
  declared: string[] | undefined,
  rules: (typeof FOLDER_RULES)[keyof typeof FOLDER_RULES],
): { description: string; expect: string[]; message?: string } {
  const [first = '', ...next] = text.replace(/^\uFEFF/, '').split(/\r?\n/, 3);
  const comment = (line: string) => (line.trimStart().startsWith(marker) ? line.trimStart().slice(marker.length).trim() : undefined);
  const description = comment(first);
  if (!description || /^(expect|message):/.test(description)) {
    throw new LessonError(`the first line must be a comment saying ${rules.saying}, like "${marker} ${rules.example}"`, file, 1);
  }
  const header: { description: string; expect: string[]; message?: string } = { description, expect: [] };
  for (const [index, line] of next.entries()) {
    const keyed = /^(expect|message):(.*)$/.exec(comment(line) ?? '');
    if (!keyed) break;
    const lineNumber = index + 2;
    if (!declared) throw new LessonError(`a right fix must pass every check: drop the "${keyed[1]}:" line`, file, lineNumber);
    if (keyed[1] === 'message') {
      header.message = keyed[2]!.trim();
      if (!header.message) throw new LessonError('"message:" is empty; give words the learner\'s first message must contain, or drop the line', file, lineNumber);
      continue;
    }
    const expect = keyed[2]!.split(/[\s,]+/).filter(Boolean);
    if (expect.length === 0) throw new LessonError(`"expect:" lists no checks; name some (${declared.join(', ')}) or drop the line`, file, lineNumber);
    for (const id of expect) {
      if (!declared.includes(id)) throw new LessonError(`expect: "${id}" is not a check of this lesson (${declared.join(', ')})`, file, lineNumber);
    }
    header.expect = expect;
  }
  return header;
}
