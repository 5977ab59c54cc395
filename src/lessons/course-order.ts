/**
 * Course order: the course map's sections (lessons grouped by track, in the tracks' order) and the
 * "next lesson" a lesson page links to. Pure: the pages pass content collection entries, Node code
 * passes what it read; `place` says where each one goes.
 */
import { checkListedExist, checkListedTopic, type Track, type TrackList } from './tracks.ts';

/** What decides a lesson's place in the course. */
export interface Placement {
  /** The folder name. */
  slug: string;
  /** The id of its track. */
  topic: string;
  /** Its frontmatter `order`: the order within a track that has no `lessons:` list. */
  order: number;
}

/** One section of the course map. */
export interface TrackSection<T> {
  track: Track;
  /** Its lessons, in course order. */
  lessons: T[];
}

/** Where a content collection entry (`getCollection('lessons')`) goes. */
export const entryPlacement = (entry: { id: string; data: { topic: string; order: number } }): Placement => ({
  slug: entry.id,
  topic: entry.data.topic,
  order: entry.data.order,
});

/**
 * The course map: a section per track that has lessons, in the tracks' order. Within a track, the
 * lessons its `lessons:` list names come first, in that order; the others follow by `order`, then
 * by folder name.
 * @throws LessonError naming the tracks file, line and field `lessons` when a list names a lesson
 *   that is not among `lessons`, or one whose topic is another track
 */
export function courseSections<T>(trackList: TrackList, lessons: readonly T[], place: (lesson: T) => Placement): TrackSection<T>[] {
  const placed = lessons.map((lesson) => ({ lesson, at: place(lesson) }));
  checkListedExist(trackList, placed.map(({ at }) => at.slug));
  for (const { at } of placed) checkListedTopic(trackList, at.slug, at.topic);

  return trackList.tracks
    .map((track) => {
      const list = track.lessons ?? [];
      // Listed lessons by their position in the list; the rest after them, by order, then by name.
      const rank = (at: Placement) => (list.includes(at.slug) ? list.indexOf(at.slug) : list.length);
      const members = placed
        .filter(({ at }) => at.topic === track.id)
        .sort((a, b) => rank(a.at) - rank(b.at) || a.at.order - b.at.order || byName(a.at.slug, b.at.slug));
      return { track, lessons: members.map(({ lesson }) => lesson) };
    })
    .filter((section) => section.lessons.length > 0);
}

/** Folder names in code point order, as the lessons folder lists them (not the locale's). */
function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Every lesson in course order: track by track, each as `courseSections` lists it. */
export function courseOrder<T>(trackList: TrackList, lessons: readonly T[], place: (lesson: T) => Placement): T[] {
  return courseSections(trackList, lessons, place).flatMap((section) => section.lessons);
}

/** The lesson after `slug` in course order; `undefined` for the last one (or a slug not among `lessons`). */
export function nextLesson<T>(trackList: TrackList, lessons: readonly T[], place: (lesson: T) => Placement, slug: string): T | undefined {
  const ordered = courseOrder(trackList, lessons, place);
  const index = ordered.findIndex((lesson) => place(lesson).slug === slug);
  return index === -1 ? undefined : ordered[index + 1];
}
