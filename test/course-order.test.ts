/** Course order: the course map's sections and each lesson page's "next lesson". */
import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { courseOrder, courseSections, nextLesson, type Placement } from '../src/lessons/course-order.ts';
import { parseTracks } from '../src/lessons/tracks.ts';
import { readTracks } from '../src/lessons/read-tracks.ts';
import { readLesson } from '../src/lessons/read-lessons.ts';
import { COURSE_LESSONS_DIR, listLessonSlugs } from '../src/lessons/lessons-dir.ts';
import type { Lesson } from '../src/lessons/lesson.ts';

const TRACKS = `- id: later
  title: Later
  order: 2
- id: first
  title: First things
  order: 1
- id: empty
  title: Empty
  order: 3
`;

const place = (lesson: Placement) => lesson;
const lesson = (slug: string, topic: string, order: number): Placement => ({ slug, topic, order });
const slugsOf = (lessons: Placement[]) => lessons.map((at) => at.slug);
const ofLessons = (lesson: Lesson): Placement => ({ slug: lesson.slug, topic: lesson.frontmatter.topic, order: lesson.frontmatter.order });

/** Every lesson of a folder, read as the CLIs read them. */
function read(dir: string): Lesson[] {
  return listLessonSlugs(dir).map((slug) => readLesson(dir, slug));
}

describe('courseSections', () => {
  it('shows the course lessons under their tracks, in the tracks file order', () => {
    const sections = courseSections(readTracks(COURSE_LESSONS_DIR), read(COURSE_LESSONS_DIR), ofLessons);
    expect(sections.map(({ track, lessons }) => [track.title, lessons.map((at) => at.slug)])).toEqual([
      ['Round trips', ['01-n-plus-one', '04-nested-n-plus-one', '05-parallel-queries', '06-request-memo', '07-batch-loader', '08-bulk-upsert']],
      ['Moving less data', ['09-select-columns', '10-aggregate-in-db']],
      ['Indexes and plans', ['02-missing-index', '13-fk-cascade-delete', '14-sargable-predicates', '15-composite-index-order', '17-covering-index', '16-keyset-pagination', '18-seq-scan-is-right', '19-stale-statistics']],
      ['Caching', ['03-cache-aside']],
      ['Work outside the database', ['11-map-lookup', '12-memoize-rules']],
    ]);
  });

  it('groups under the tracks in their order, lessons by order then name, and skips a track without lessons', () => {
    const lessons = [lesson('02-b', 'later', 3), lesson('05-c', 'first', 2), lesson('01-a', 'later', 1), lesson('04-d', 'later', 3)];
    const sections = courseSections(parseTracks(TRACKS, 'tracks.yaml'), lessons, place);
    expect(sections.map(({ track, lessons }) => [track.id, slugsOf(lessons)])).toEqual([
      ['first', ['05-c']],
      ['later', ['01-a', '02-b', '04-d']],
    ]);
  });

  it("follows a track's lessons: list, and puts the lessons it leaves out after it", () => {
    const tracks = parseTracks(TRACKS.replace('  order: 2\n', '  order: 2\n  lessons: [04-d, 01-a]\n'), 'tracks.yaml');
    const lessons = [lesson('01-a', 'later', 1), lesson('02-b', 'later', 2), lesson('03-c', 'later', 1), lesson('04-d', 'later', 9)];
    expect(slugsOf(courseOrder(tracks, lessons, place))).toEqual(['04-d', '01-a', '03-c', '02-b']);
  });

  it('names the tracks file, line and field when a list names a missing lesson or one of another topic', () => {
    const tracks = parseTracks(TRACKS.replace('  order: 1\n', '  order: 1\n  lessons:\n    - 01-a\n    - 02-b\n'), 'tracks.yaml');
    expect(() => courseSections(tracks, [lesson('01-a', 'first', 1)], place)).toThrow('tracks.yaml:9: lessons: "02-b" is not a lesson in this folder; its lessons are 01-a');
    expect(() => courseSections(tracks, [lesson('01-a', 'first', 1), lesson('02-b', 'later', 2)], place)).toThrow(
      'tracks.yaml:9: lessons: "02-b" is listed under "first", but its lesson.md says topic: later; list it under "later" or change its topic',
    );
  });
});

describe('nextLesson', () => {
  const tracks = parseTracks(TRACKS.replace('  order: 2\n', '  order: 2\n  lessons: [02-b, 01-a]\n'), 'tracks.yaml');
  const lessons = [lesson('01-a', 'later', 1), lesson('02-b', 'later', 2), lesson('03-c', 'first', 3)];

  it('goes through a track, then on to the next track; the last lesson has none', () => {
    expect(slugsOf(courseOrder(tracks, lessons, place))).toEqual(['03-c', '02-b', '01-a']);
    expect(nextLesson(tracks, lessons, place, '03-c')?.slug).toBe('02-b');
    expect(nextLesson(tracks, lessons, place, '02-b')?.slug).toBe('01-a');
    expect(nextLesson(tracks, lessons, place, '01-a')).toBeUndefined();
    expect(nextLesson(tracks, lessons, place, '09-nope')).toBeUndefined();
  });

  it('follows the workshop fixture: the list of Warm-up first, then Reading', () => {
    const dir = fileURLToPath(new URL('fixtures/workshop-lessons', import.meta.url));
    const order = courseOrder(readTracks(dir), read(dir), ofLessons);
    expect(order.map((at) => at.slug)).toEqual(['02-item-name', '01-wasted-query', '03-read-once']);
  });
});
