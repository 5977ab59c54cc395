/**
 * Fuzzing the parse stage: a real lesson's lesson.md (and the course's tracks.yaml), mutated at
 * random from a fixed seed the way authors break them (keys dropped or misspelt, values of the
 * wrong type, files cut short, YAML that does not parse). Whatever the text, the loader must answer
 * with a LessonError that names the file, never with another exception. No database is needed.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseLesson } from '../src/lessons/parse-lesson.ts';
import { parseTracks } from '../src/lessons/tracks.ts';
import { readTracks } from '../src/lessons/read-tracks.ts';
import { COURSE_LESSONS_DIR } from '../src/lessons/lessons-dir.ts';
import { LessonError } from '../src/lessons/lesson.ts';
import { createRandom } from '../src/engine/lesson/random.ts';

const SEED = 0x5eed_2026;
const CASES = 400;

/** The workloads' seeded generator, with `int(max)` in [0, max) as the mutations want it. */
function randomFrom(seed: number) {
  const random = createRandom(seed);
  return { int: (max: number) => random.int(0, max - 1), pick: random.pick };
}
type Random = ReturnType<typeof randomFrom>;

/** Values of every YAML type, and some that are not YAML at all. */
const VALUES = ['', '0', '-1', '3.5', '1e999', '.nan', 'true', 'null', '~', '[]', '{}', '[1, 2]', '{ a: 1 }', '"text"', "'it''s'", 'x'.repeat(300), '2026-01-01', '0x1F', '!!binary aGk=', '&anchor 3', '*nowhere', '[unclosed', '{ a: ', '"open', '- item', '| ', '>-', '@at', '`tick`', '%TAG', ': :', '\t', 'é ✓ 漢字'];
const KEYS = ['title', 'summary', 'topic', 'order', 'minutes', 'handlers', 'hints', 'explanation', 'checks', 'correct', 'speedup', 'latency', 'answers', 'state', 'background', '__proto__', 'constructor', 'toString', 'checks.speedup'];

const KEY_LINE = /^(\s*(?:-\s+)?)([^\s:#][^:]*?)(\s*:)(.*)$/;

/** One way an author breaks a frontmatter, applied to its lines. */
const MUTATIONS: ((lines: string[], random: Random) => void)[] = [
  // Drop a key (its line; what was nested under it is left dangling, as after a careless delete).
  (lines, random) => void lines.splice(random.int(lines.length), 1),
  // Misspell or replace a key.
  (lines, random) => {
    const at = random.int(lines.length);
    const match = KEY_LINE.exec(lines[at]!);
    if (!match) return;
    const key = match[2]!;
    const typo = random.pick([key.toUpperCase(), key.slice(1), `${key}s`, key.replace(/[aeiou]/, ''), random.pick(KEYS), `${key} ${key}`, `"${key}"`]);
    lines[at] = `${match[1]}${typo}${match[3]}${match[4]}`;
  },
  // A value of the wrong type.
  (lines, random) => {
    const at = random.int(lines.length);
    const match = KEY_LINE.exec(lines[at]!);
    if (match) lines[at] = `${match[1]}${match[2]}${match[3]} ${random.pick(VALUES)}`;
  },
  // A new line: a known key in the wrong place, or a stray value.
  (lines, random) => void lines.splice(random.int(lines.length + 1), 0, `${' '.repeat(random.pick([0, 0, 1, 2, 4]))}${random.pick([`${random.pick(KEYS)}: ${random.pick(VALUES)}`, random.pick(VALUES)])}`),
  // Indentation off by a little.
  (lines, random) => {
    const at = random.int(lines.length);
    lines[at] = random.pick([` ${lines[at]}`, `\t${lines[at]}`, lines[at]!.trimStart(), `    ${lines[at]}`]);
  },
  // A line twice (duplicate keys), or two lines swapped.
  (lines, random) => {
    const at = random.int(lines.length);
    if (random.int(2)) lines.splice(at, 0, lines[at]!);
    else [lines[at], lines[0]] = [lines[0]!, lines[at]!];
  },
  // A character that means something to YAML, anywhere.
  (lines, random) => {
    const at = random.int(lines.length);
    const line = lines[at]!;
    const column = random.int(line.length + 1);
    lines[at] = `${line.slice(0, column)}${random.pick([':', '- ', '#', '"', "'", '[', ']', '{', '}', '&', '*', '!', '|', '>', '%', '@', '`', '\t', ',', '?'])}${line.slice(column)}`;
  },
];

/** The lesson.md (or any text) with 1-3 mutations, or cut short at a random character. */
function mutate(text: string, random: Random, frontmatterOnly: boolean): string {
  if (random.int(10) === 0) return text.slice(0, random.int(text.length));
  const lines = text.split('\n');
  // Keep the `---` lines most of the time, so most cases reach the YAML and the schema.
  const close = frontmatterOnly ? lines.indexOf('---', 1) : lines.length;
  const from = frontmatterOnly ? 1 : 0;
  const inner = lines.slice(from, close);
  for (let count = 1 + random.int(3); count > 0; count--) random.pick(MUTATIONS)(inner, random);
  if (frontmatterOnly && random.int(20) === 0) return [...inner, ...lines.slice(close)].join('\n');
  return [...lines.slice(0, from), ...inner, ...lines.slice(close)].join('\n');
}

/** Calls `parse` and returns the LessonError it threw, or `undefined` if it accepted the text. */
function outcome(parse: () => unknown): LessonError | undefined {
  try {
    parse();
    return undefined;
  } catch (error) {
    // Anything but a LessonError fails here, with the text that caused it (see the test's message).
    if (!(error instanceof LessonError)) throw error;
    return error;
  }
}

describe('the loader, fuzzed', () => {
  const slug = '03-cache-aside';
  const markdown = readFileSync(join(COURSE_LESSONS_DIR, slug, 'lesson.md'), 'utf8');
  const tracksText = readFileSync(join(COURSE_LESSONS_DIR, 'tracks.yaml'), 'utf8');
  const tracks = readTracks(COURSE_LESSONS_DIR);
  const others = { 'schema.sql': '', 'seed.sql': '', 'starter.ts': '', 'solution.ts': '', 'workload.ts': '' };

  it(`answers ${CASES} broken lesson.md files with a LessonError naming the file, its line and field`, () => {
    const random = randomFrom(SEED);
    let rejected = 0;
    for (let index = 0; index < CASES; index++) {
      const text = mutate(markdown, random, true);
      const files: Record<string, string> = { ...others, 'lesson.md': text };
      const context = `case ${index}:\n${text.slice(0, 2000)}`;
      let error: LessonError | undefined;
      expect(() => (error = outcome(() => parseLesson(slug, (name) => files[name], tracks))), context).not.toThrow();
      if (!error) continue;
      rejected++;
      expect(error.message, context).toMatch(/^03-cache-aside\/lesson\.md(:\d+)?: /);
      expect(error.reason.length, context).toBeGreaterThan(10);
      if (error.line !== undefined) expect(error.line, context).toBeLessThanOrEqual(text.split('\n').length);
      if (error.field !== undefined) expect(error.message, context).toContain(`: ${error.field}: `);
    }
    // Most mutations break the lesson; a fuzzer whose cases all pass would test nothing.
    expect(rejected).toBeGreaterThan(CASES * 0.6);
  });

  it('answers 200 broken tracks.yaml files with a LessonError naming the file', () => {
    const random = randomFrom(SEED + 1);
    let rejected = 0;
    for (let index = 0; index < 200; index++) {
      const text = mutate(tracksText, random, false);
      const context = `case ${index}:\n${text}`;
      let error: LessonError | undefined;
      expect(() => (error = outcome(() => parseTracks(text, 'tracks.yaml'))), context).not.toThrow();
      if (!error) continue;
      rejected++;
      expect(error.message, context).toMatch(/^tracks\.yaml(:\d+)?: /);
    }
    expect(rejected).toBeGreaterThan(100);
  });
});
