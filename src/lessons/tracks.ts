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
  })
  .strict();

/** The whole file: a list of tracks, ids and orders unique. */
export const tracksSchema = z
  .array(trackSchema)
  .min(1)
  .superRefine((tracks, context) => {
    tracks.forEach((track, index) => {
      const before = tracks.slice(0, index);
      if (before.some((other) => other.id === track.id)) {
        context.addIssue({ code: 'custom', path: [index, 'id'], message: `"${track.id}" is already the id of another track; ids must be unique` });
      }
      // Two tracks at one position would leave the map's order to chance.
      const same = before.find((other) => other.order === track.order);
      if (same) context.addIssue({ code: 'custom', path: [index, 'order'], message: `${track.order} is already the order of "${same.id}"; give each track its own` });
    });
  });

/** A track as declared. */
export type Track = z.infer<typeof trackSchema>;

/** The tracks a lessons folder uses, and how to name their file in messages. */
export interface TrackList {
  /** The tracks, sorted by `order`. */
  tracks: Track[];
  /** The file they came from, as messages name it: `tracks.yaml`, or the course's when the folder has none. */
  file: string;
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
  return { tracks: [...parsed.data].sort((a, b) => a.order - b.order), file };
}
