/** The course map's sections: lessons grouped by track, in the tracks' order. */
import type { Track } from './tracks.ts';

/** One section of the course map. */
export interface TrackSection<T> {
  track: Track;
  /** Its lessons, by their `order`. */
  lessons: T[];
}

/**
 * Groups `lessons` under their tracks, in the order of `tracks` (already sorted by `order`). A track
 * without lessons gets no section; the schema makes every lesson name a track, so none is left out.
 */
export function groupByTrack<T extends { data: { topic: string; order: number } }>(tracks: Track[], lessons: T[]): TrackSection<T>[] {
  return tracks
    .map((track) => ({
      track,
      lessons: lessons.filter((lesson) => lesson.data.topic === track.id).sort((a, b) => a.data.order - b.data.order),
    }))
    .filter((section) => section.lessons.length > 0);
}
