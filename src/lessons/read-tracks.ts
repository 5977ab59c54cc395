/** Node-side: reads the `tracks.yaml` of a lessons folder. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkListedExist, parseTracks, type TrackList } from './tracks.ts';
import { COURSE_LESSONS_DIR, listLessonSlugs } from './lessons-dir.ts';

/** Name of the tracks file in a lessons folder. */
export const TRACKS_FILE = 'tracks.yaml';

/** The course's own tracks file, `lessons/tracks.yaml` at the project root. */
const COURSE_TRACKS = join(COURSE_LESSONS_DIR, TRACKS_FILE);

/**
 * The tracks of the lessons in `lessonsDir`: its `tracks.yaml`, or the course's when it has none, so
 * a folder holding a lesson or two (a workshop's, a test's) needs no tracks file of its own. The
 * course's `lessons:` lists are left out then: they name the course's lessons, not this folder's.
 * @throws LessonError naming the tracks file, line and field when it is invalid, or when a
 *   `lessons:` list names a lesson the folder does not have
 */
export function readTracks(lessonsDir: string): TrackList {
  const own = join(lessonsDir, TRACKS_FILE);
  if (!existsSync(own)) {
    const course = parseTracks(readFileSync(COURSE_TRACKS, 'utf8'), `the course's lessons/${TRACKS_FILE} (${lessonsDir} has no ${TRACKS_FILE})`);
    return { ...course, tracks: course.tracks.map(({ lessons: _, ...track }) => track), listed: {} };
  }
  const list = parseTracks(readFileSync(own, 'utf8'), TRACKS_FILE);
  checkListedExist(list, listLessonSlugs(lessonsDir));
  return list;
}
