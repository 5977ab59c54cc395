/**
 * Astro content collections. The lesson frontmatter schema is the same one the Node loader uses
 * (src/lessons/schema.ts), so a lesson that builds here also loads in the CLI, and the reverse.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { resolve } from 'node:path';
import { lessonSchemaFor } from './lessons/schema.ts';
import { readTracks } from './lessons/read-tracks.ts';

const lessons = defineCollection({
  loader: glob({
    pattern: '*/lesson.md',
    base: './lessons',
    // `01-n-plus-one/lesson.md` -> `01-n-plus-one`: the folder names the lesson, not the file.
    generateId: ({ entry }) => entry.split('/')[0]!,
  }),
  // `topic` must name a track of lessons/tracks.yaml, as in the Node loader.
  schema: lessonSchemaFor(readTracks(resolve('lessons'))),
});

export const collections = { lessons };
