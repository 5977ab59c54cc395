/**
 * Astro content collections. The lesson frontmatter schema is the same one the Node loader uses
 * (src/lessons/schema.ts), so a lesson that builds here also loads in the CLI, and the reverse.
 */
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { pathToFileURL } from 'node:url';
import { lessonSchemaFor } from './lessons/schema.ts';
import { readTracks } from './lessons/read-tracks.ts';
import { chosenLessons } from './lessons/lessons-dir.ts';

// The folder FASTPATH_LESSONS names, else lessons/. A missing or empty one stops the build here,
// with its name: the glob below would only warn and publish a site without lessons.
const { dir } = chosenLessons();

const lessons = defineCollection({
  loader: glob({
    pattern: '*/lesson.md',
    base: pathToFileURL(`${dir}/`),
    // `01-n-plus-one/lesson.md` -> `01-n-plus-one`: the folder names the lesson, not the file.
    generateId: ({ entry }) => entry.split('/')[0]!,
  }),
  // `topic` must name a track of the folder's tracks.yaml, as in the Node loader.
  schema: lessonSchemaFor(readTracks(dir)),
});

export const collections = { lessons };
