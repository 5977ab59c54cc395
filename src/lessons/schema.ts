/**
 * The lesson frontmatter schema. One schema serves Astro's content collection and the Node loader,
 * so a lesson is valid in both places or in neither.
 */
import { z } from 'zod';
// Only the registry and the kinds' schemas: no summaries, no React, no DOM.
import { checksShape } from '../engine/verdict/checks/index.ts';
import { handlerOf, IDENTIFIER } from '../engine/verdict/checks/scope.ts';
import type { TrackList } from './tracks.ts';

/** The simulated network between the app and the database (see docs/engine.md, "The scheduler: a small simulated server"). */
export const latencySchema = z
  .object({
    rttMs: z
      .number()
      .min(0)
      .max(1000)
      .optional()
      .describe('Simulated round trip per query in milliseconds. Default 1 (app and database in one region).'),
    poolSize: z
      .number()
      .int()
      .min(1)
      .max(100)
      .optional()
      .describe('Simulated connection pool size: how many queries can be in flight at once. Default 10.'),
  })
  .strict()
  .describe('Overrides of the latency model for this lesson.');

/**
 * The goals a run is graded on. Declarative, so the UI can list them before the first run. Built
 * from the registry of check kinds (src/engine/verdict/checks/), where each field's schema is defined.
 */
export const checksSchema = z
  .object(checksShape())
  .strict()
  .describe('The checks a run must pass for the lesson to be solved.');

/** Frontmatter of `lessons/<NN-slug>/lesson.md`. */
export const lessonFrontmatterSchema = z
  .object({
    title: z.string().min(3).describe('Lesson title, shown on the course map and the lesson page.'),
    summary: z.string().min(10).describe('One sentence saying what the learner will fix.'),
    topic: z
      .string()
      .min(1)
      .describe('The id of the track (tracks.yaml in the lessons folder) the lesson is listed under on the course map.'),
    order: z.number().int().min(1).describe('Position in the course; the lessons of a track are listed by this number, unless tracks.yaml lists them.'),
    minutes: z.number().int().min(1).max(120).describe('Rough time a learner needs, in minutes.'),
    handlers: z
      .array(z.string().regex(IDENTIFIER, 'must be a JavaScript identifier'))
      .min(1)
      .describe('Names of the functions the learner\'s module must export; the workload calls them.'),
    latency: latencySchema.optional(),
    answers: z
      .enum(['ordered', 'unordered'])
      .default('ordered')
      .describe('How answers are compared: "unordered" ignores the order of rows in a top-level array.'),
    hints: z
      .array(z.string().min(5))
      .min(1)
      .describe('Progressive hints, revealed one at a time; the last one nearly gives the answer away.'),
    explanation: z.string().min(20).describe('Why the fix works, shown once the lesson is solved.'),
    state: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .describe(
        'Checked writes: tables (a bare name means every row) or SELECT queries whose contents must equal the oracle\'s after each request that writes and at the end of the run.',
      ),
    background: z
      .boolean()
      .default(false)
      .describe('Allow queries sent by timers after their request returned (job-queue lessons); otherwise they are an error.'),
    expectSeqScan: z
      .array(z.string().min(1))
      .min(1)
      .optional()
      .describe(
        'Tables whose sequential scans are the right plan here (a small table, or a filter that keeps most rows): the plan view shows them as expected, not as a problem. `checks.noSeqScan` may not list them.',
      ),
    scales: z
      .array(z.number().positive().max(8).refine((scale) => scale !== 1, 'is the lesson\'s own size, always offered; list only the others'))
      .min(1)
      .max(4)
      .optional()
      .describe(
        'Other data sizes the learner may re-run at, as multiples of the lesson\'s data (0.1, 4): seed.sql reads the size from current_setting(\'fastpath.scale\'). Runs at other sizes are shown, never graded.',
      ),
    checks: checksSchema,
  })
  .strict()
  .superRefine(({ handlers, checks, expectSeqScan }, context) => {
    // With `correct` alone the starter passes too: there would be nothing to learn.
    if (!Object.entries(checks).some(([id, value]) => id !== 'correct' && value !== undefined)) {
      context.addIssue({
        code: 'custom',
        path: ['checks'],
        message: 'declares no check besides correct; add one the starter fails, like speedup: 3 or maxQueriesPerRequest: 1 (docs/authoring.md, "Checks")',
      });
    }
    const both = (checks.noSeqScan ?? []).filter((table) => expectSeqScan?.includes(table));
    if (both.length) {
      context.addIssue({
        code: 'custom',
        path: ['expectSeqScan'],
        message: `${both.join(', ')} cannot be both expected to be read in full and forbidden a Seq Scan (checks.noSeqScan)`,
      });
    }
    // A check scoped to a handler the workload never calls would fail every run with no way out.
    for (const [id, value] of Object.entries(checks)) {
      const handler = handlerOf(value);
      if (handler !== undefined && !handlers.includes(handler)) {
        context.addIssue({
          code: 'custom',
          path: ['checks', id, 'handler'],
          message: `"${handler}" is not one of the lesson's handlers (${handlers.join(', ')})`,
        });
      }
    }
  });

/**
 * The frontmatter schema of the lessons in one folder: `topic` must name one of its tracks. The
 * content collection and the Node loader both build it from the folder's `tracks.yaml`.
 */
export function lessonSchemaFor({ tracks, file }: TrackList) {
  const ids = tracks.map((track) => track.id);
  return lessonFrontmatterSchema.superRefine(({ topic }, context) => {
    if (!ids.includes(topic)) {
      context.addIssue({
        code: 'custom',
        path: ['topic'],
        message: `"${topic}" is not a track; use one of ${ids.join(', ')}, or add a track with that id to ${file}`,
      });
    }
  });
}

/** Parsed frontmatter of a lesson. */
export type LessonFrontmatter = z.infer<typeof lessonFrontmatterSchema>;
/** The checks a lesson declares. */
export type LessonChecks = z.infer<typeof checksSchema>;
/** Latency overrides a lesson declares. */
export type LatencyOverrides = z.infer<typeof latencySchema>;
