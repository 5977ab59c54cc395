/**
 * Child process: receives jobs over IPC, one at a time; for each, boots PGlite, loads the lesson
 * and grades each submission. Thin on purpose. A process rather than a worker thread: V8 now and
 * then aborts when WebAssembly code is freed in one isolate while another compiles (see
 * v8-crash.ts); jobs never overlap here, and a process that dies lets the parent grade again.
 */
import { readLesson } from '../lessons/read-lessons.ts';
import { LessonSession } from '../engine/lesson/lesson-session.ts';
import { grade } from '../engine/grade.ts';
import { runErrorOf } from '../engine/errors.ts';
import type { GradeJob, WorkerMessage } from './grade-job.ts';
import { freshPGlite } from './fresh-pglite.ts';

const post = (message: WorkerMessage) => new Promise<void>((resolve) => process.send!(message, undefined, undefined, () => resolve()));

async function run(job: GradeJob): Promise<void> {
  try {
    await post({ type: 'phase', phase: 'boot' });
    const lesson = readLesson(job.lessonsDir, job.slug);
    const pg = await freshPGlite();
    const session = await LessonSession.open(lesson, pg, { scale: job.scale });
    await post({ type: 'phase', phase: 'baseline' });
    await session.baseline(session.latencyModel(job.latency));
    for (const [index, submission] of job.submissions.entries()) {
      await post({ type: 'phase', phase: 'submission', index });
      try {
        const report = await grade(session, submission, { latency: job.latency });
        await post({ type: 'result', result: { name: submission.name, report } });
      } catch (error) {
        await post({ type: 'result', result: { name: submission.name, error: runErrorOf(error) } });
      }
    }
    await pg.close();
    await post({ type: 'done' });
  } catch (error) {
    // The parent kills the process on a fatal error: whatever the job left open goes with it.
    await post({ type: 'fatal', error: runErrorOf(error) });
  }
}

// Jobs one after the other; the process ends when the parent disconnects (grade-in-worker.ts).
let jobs = Promise.resolve();
process.on('message', (job: GradeJob) => {
  jobs = jobs.then(() => run(job));
});
