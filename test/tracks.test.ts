/** Tracks: the course map's sections, declared in lessons/tracks.yaml and named by each lesson's topic. */
import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseTracks } from '../src/lessons/tracks.ts';
import { readTracks } from '../src/lessons/read-tracks.ts';
import { readLesson } from '../src/lessons/read-lessons.ts';
import { LessonError } from '../src/lessons/lesson.ts';
import { lessonErrorOf } from './helpers/lesson-error.ts';
import { tinyLessonFiles } from './helpers/lessons.ts';

const TWO = `# Two tracks, listed out of order.
- id: later
  title: Later
  order: 2
- id: first
  title: First things
  order: 1
  description: Where to start.
`;


/** A lessons folder with the tiny lesson (topic `topic`) and, if given, its own tracks.yaml. */
function folder(topic: string, tracks?: string): string {
  const root = mkdtempSync(join(tmpdir(), 'fastpath-tracks-'));
  mkdirSync(join(root, '01-tiny'));
  const files = tinyLessonFiles();
  files['lesson.md'] = files['lesson.md']!.replace('topic: round-trips', `topic: ${topic}`);
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, '01-tiny', name), text!);
  if (tracks !== undefined) writeFileSync(join(root, 'tracks.yaml'), tracks);
  return root;
}

describe('tracks.yaml', () => {
  it('lists the tracks by their order', () => {
    expect(parseTracks(TWO, 'tracks.yaml').tracks).toEqual([
      { id: 'first', title: 'First things', order: 1, description: 'Where to start.' },
      { id: 'later', title: 'Later', order: 2 },
    ]);
  });

  it('names the file, line and field of a mistake', () => {
    const cases: [string, string, Partial<LessonError>][] = [
      ['a duplicate id', TWO.replace('id: first', 'id: later'), { line: 5, field: 'id', reason: '"later" is already the id of another track; ids must be unique' }],
      ['a duplicate order', TWO.replace('order: 1', 'order: 2'), { line: 7, field: 'order', reason: '2 is already the order of "later"; give each track its own' }],
      ['a missing title', TWO.replace('  title: Later\n', ''), { line: 2, field: 'title' }],
      ['an unknown key', TWO.replace('  description:', '  blurb:'), { line: 8, field: 'blurb' }],
      ['an id with spaces', TWO.replace('id: first', 'id: first things'), { line: 5, field: 'id', reason: 'must be lower-case words joined by dashes, like round-trips. What the `topic:` line of a lesson names to join this track.' }],
      ['invalid YAML', TWO.replace('  order: 1', ' order: 1'), { line: 7 }],
    ];
    for (const [name, text, expected] of cases) {
      const error = lessonErrorOf(() => parseTracks(text, 'tracks.yaml'));
      expect(error, name).toMatchObject({ file: 'tracks.yaml', ...expected });
      expect(error.message, name).toMatch(/^tracks\.yaml:\d+: /);
    }
  });

  it('keeps where each lesson a lessons: list names is listed', () => {
    const text = `${TWO}  lessons:\n    - 03-last\n    - 01-tiny\n`;
    expect(parseTracks(text, 'tracks.yaml').listed).toEqual({ '03-last': { track: 'first', line: 10 }, '01-tiny': { track: 'first', line: 11 } });
    expect(parseTracks(TWO.replace('  order: 2\n', '  order: 2\n  lessons: [02-b, 01-a]\n'), 'tracks.yaml').listed).toEqual({
      '02-b': { track: 'later', line: 5 },
      '01-a': { track: 'later', line: 5 },
    });
  });

  it('names the file, line and field of a lesson listed twice, or a list that is not one', () => {
    const cases: [string, string, Partial<LessonError>][] = [
      ['twice in one list', `${TWO}  lessons:\n    - 01-a\n    - 02-b\n    - 01-a\n`, { line: 12, reason: '"01-a" is already listed earlier in this list; list each lesson once' }],
      ['under two tracks', TWO.replace('  order: 2\n', '  order: 2\n  lessons: [01-a]\n').concat('  lessons:\n    - 01-a\n'), { line: 11, reason: '"01-a" is already listed under "later"; list each lesson once' }],
      ['an empty list', `${TWO}  lessons: []\n`, { line: 9 }],
      ['not a list', `${TWO}  lessons: 01-a\n`, { line: 9 }],
    ];
    for (const [name, text, expected] of cases) {
      expect(lessonErrorOf(() => parseTracks(text, 'tracks.yaml')), name).toMatchObject({ file: 'tracks.yaml', field: 'lessons', ...expected });
    }
  });

  it('says what the file must be when it is empty or not a list', () => {
    for (const text of ['', 'round-trips: Round trips\n']) {
      expect(lessonErrorOf(() => parseTracks(text, 'tracks.yaml')).message).toMatch(/^tracks\.yaml:1: .*the file must be a list of tracks, each with id, title and order$/);
    }
  });
});

describe('a lesson names its track', () => {
  it("uses the course's tracks when the lessons folder has no tracks.yaml, and says so", () => {
    expect(readLesson(folder('caching'), '01-tiny').frontmatter.topic).toBe('caching');
    const root = folder('databases');
    expect(lessonErrorOf(() => readLesson(root, '01-tiny'))).toMatchObject({
      file: '01-tiny/lesson.md',
      line: 4,
      field: 'topic',
      reason: `"databases" is not a track; use one of round-trips, less-data, indexes, caching, app-work, concurrency, or add a track with that id to the course's lessons/tracks.yaml (${root} has no tracks.yaml)`,
    });
  });

  it("rejects a lessons: list naming a lesson the folder does not have, or one of another track's topic", () => {
    const missing = lessonErrorOf(() => readLesson(folder('first', `${TWO}  lessons: [01-tiny, 02-gone]\n`), '01-tiny'));
    expect(missing.message).toBe('tracks.yaml:9: lessons: "02-gone" is not a lesson in this folder; its lessons are 01-tiny');
    const elsewhere = lessonErrorOf(() => readLesson(folder('first', TWO.replace('  order: 2\n', '  order: 2\n  lessons:\n    - 01-tiny\n')), '01-tiny'));
    expect(elsewhere.message).toBe('tracks.yaml:6: lessons: "01-tiny" is listed under "later", but its lesson.md says topic: first; list it under "first" or change its topic');
    expect(readLesson(folder('first', `${TWO}  lessons: [01-tiny]\n`), '01-tiny').frontmatter.topic).toBe('first');
  });

  it("uses the folder's own tracks.yaml when it has one", () => {
    expect(readLesson(folder('first', TWO), '01-tiny').frontmatter.topic).toBe('first');
    expect(lessonErrorOf(() => readLesson(folder('caching', TWO), '01-tiny')).message).toBe(
      '01-tiny/lesson.md:4: topic: "caching" is not a track; use one of first, later, or add a track with that id to tracks.yaml',
    );
    expect(lessonErrorOf(() => readLesson(folder('first', TWO.replace('id: first', 'id: later')), '01-tiny')).message).toMatch(/^tracks\.yaml:5: id: /);
  });
});
