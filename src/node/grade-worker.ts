/** Worker thread: boots PGlite, loads the lesson and grades each submission. Thin on purpose. */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { pgliteExtensions } from '../engine/pass/pglite-extensions.ts';
import { readLesson } from '../lessons/read-lessons.ts';
import { LessonSession } from '../engine/lesson/lesson-session.ts';
import { grade } from '../engine/grade.ts';
import { runErrorOf } from '../engine/errors.ts';
import type { GradeJob, WorkerMessage } from './grade-job.ts';

const job = workerData as GradeJob;
const post = (message: WorkerMessage) => parentPort!.postMessage(message);

try {
  post({ type: 'phase', phase: 'boot' });
  const lesson = readLesson(job.lessonsDir, job.slug);
  const pg = await PGlite.create({ extensions: pgliteExtensions });
  const session = await LessonSession.open(lesson, pg);
  post({ type: 'phase', phase: 'baseline' });
  await session.baseline(session.latencyModel(job.latency));
  for (const [index, submission] of job.submissions.entries()) {
    post({ type: 'phase', phase: 'submission', index });
    try {
      const report = await grade(session, submission, { latency: job.latency });
      post({ type: 'result', result: { name: submission.name, report } });
    } catch (error) {
      post({ type: 'result', result: { name: submission.name, error: runErrorOf(error) } });
    }
  }
  await pg.close();
  post({ type: 'done' });
} catch (error) {
  post({ type: 'fatal', error: runErrorOf(error) });
}
