/**
 * Tracks: the sections of the course map, declared in `lessons/tracks.yaml` (content, not code), so
 * a facilitator adds one without touching the schema. A lesson's `topic` names a track's id. No file
 * system access here: `read-tracks.ts` reads the file.
 */
import { loadYaml } from './load-yaml.ts';
import { z } from 'zod';
import { LessonError } from './lesson.ts';
import { lineOfPath } from './yaml-line.ts';
import { explainIssue } from './schema-issue.ts';

/** Track ids: lower-case words joined by dashes, like lesson slugs without the number. */
export const TRACK_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** One track of `tracks.yaml`. */
export const trackSchema = z
  .object({
    id: z
      .string()
      .regex(TRACK_ID, 'must be lower-case words joined by dashes, like round-trips')
      .describe('What the `topic:` line of a lesson names to join this track.'),
    title: z.string().min(1).describe('The heading of the track on the course map.'),
    order: z.number().int().min(1).describe('Position on the course map; tracks are shown by this number.'),
    description: z.string().min(1).optional().describe('One sentence under the heading.'),
    lessons: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .describe('The lessons of this track, by folder name, in the order the course map lists them; lessons of the track not listed follow them.'),
  })
  .strict();

/** The whole file: a list of tracks, ids and orders unique, no lesson listed twice. */
export const tracksSchema = z
  .array(trackSchema)
  .min(1)
  .superRefine((tracks, context) => {
    const listedUnder = new Map<string, string>();
    tracks.forEach((track, index) => {
      const before = tracks.slice(0, index);
      if (before.some((other) => other.id === track.id)) {
        context.addIssue({ code: 'custom', path: [index, 'id'], message: `"${track.id}" is already the id of another track; ids must be unique` });
      }
      // Two tracks at one position would leave the map's order to chance.
      const same = before.find((other) => other.order === track.order);
      if (same) context.addIssue({ code: 'custom', path: [index, 'order'], message: `${track.order} is already the order of "${same.id}"; give each track its own` });
      // A lesson has one place in the course: listed twice, which place would it take?
      track.lessons?.forEach((slug, position) => {
        const earlier = listedUnder.get(slug);
        if (earlier === undefined) return void listedUnder.set(slug, track.id);
        const where = earlier === track.id ? 'earlier in this list' : `under "${earlier}"`;
        context.addIssue({ code: 'custom', path: [index, 'lessons', position], message: `"${slug}" is already listed ${where}; list each lesson once` });
      });
    });
  });

/** A track as declared. */
export type Track = z.infer<typeof trackSchema>;

/** Where a track's `lessons:` list names a lesson. */
export interface Listing {
  /** The id of the track whose list names it. */
  track: string;
  /** Its line in the tracks file, for errors. */
  line: number;
}

/** The tracks a lessons folder uses, and how to name their file in messages. */
export interface TrackList {
  /** The tracks, sorted by `order`. */
  tracks: Track[];
  /** The file they came from, as messages name it: `tracks.yaml`, or the course's when the folder has none. */
  file: string;
  /** Every lesson a `lessons:` list names, by slug (each is listed once). */
  listed: Record<string, Listing>;
}

/**
 * Validates the text of a tracks file.
 * @param file the name errors give for it, e.g. `tracks.yaml`
 * @throws LessonError naming the file, and the line and field where they are known
 */
export function parseTracks(text: string, file: string): TrackList {
  const data = loadYaml(text, file, { firstLine: 1, hint: 'check the indentation and the "- " before each track' });
  const parsed = tracksSchema.safeParse(data);
  if (!parsed.success) {
    const { path, reason: why } = explainIssue(parsed.error.issues[0]!, tracksSchema, data);
    // The line points at the track; the field names the key in it.
    const key = path.filter((part): part is string => typeof part === 'string').join('.');
    const reason = path.length <= 1 ? `${why}; the file must be a list of tracks, each with id, title and order` : why;
    throw new LessonError(reason, file, lineOfPath(text, path) ?? 1, key || undefined);
  }
  const listed: Record<string, Listing> = {};
  parsed.data.forEach((track, index) => {
    track.lessons?.forEach((slug, position) => {
      listed[slug] = { track: track.id, line: lineOfPath(text, [index, 'lessons', position]) ?? 1 };
    });
  });
  return { tracks: [...parsed.data].sort((a, b) => a.order - b.order), file, listed };
}

/**
 * A `lessons:` list that names a lesson not among `slugs` (the folder's lessons).
 * @throws LessonError at its line in the tracks file, field `lessons`
 */
export function checkListedExist({ listed, file }: TrackList, slugs: readonly string[]): void {
  for (const [slug, { line }] of Object.entries(listed)) {
    if (!slugs.includes(slug)) {
      throw new LessonError(`"${slug}" is not a lesson in this folder; its lessons are ${[...slugs].sort().join(', ') || '(none)'}`, file, line, 'lessons');
    }
  }
}

/**
 * A listed lesson whose `topic` names another track than the list it is in.
 * @throws LessonError at the list's line in the tracks file, field `lessons`
 */
export function checkListedTopic({ listed, file }: TrackList, slug: string, topic: string): void {
  const listing = listed[slug];
  if (listing && listing.track !== topic) {
    throw new LessonError(
      `"${slug}" is listed under "${listing.track}", but its lesson.md says topic: ${topic}; list it under "${topic}" or change its topic`,
      file,
      listing.line,
      'lessons',
    );
  }
}
