import { describe, expect, it } from 'vitest';
import { createLessonClient } from '../src/client/lesson-client.ts';
import type { BootProgress } from '../src/worker/lesson-api.ts';
import { readLesson } from '../src/lessons/read-lessons.ts';
import { COURSE_LESSONS_DIR } from '../src/lessons/lessons-dir.ts';

/**
 * A worker whose script never loads: the seam a unit test cannot make real (Node has no Web
 * Workers). It answers nothing, as a dead worker would, and reports the load error as browsers do.
 */
class DeadWorker extends EventTarget {
  terminated = false;
  postMessage(): void {}
  terminate(): void {
    this.terminated = true;
  }
  fail(message: string): void {
    const event = new Event('error') as Event & { message: string };
    event.message = message;
    this.dispatchEvent(event);
  }
}

describe('the lesson client', () => {
  it('settles a boot with a clear failure when the worker dies, instead of waiting forever', async () => {
    const lesson = readLesson(COURSE_LESSONS_DIR, '01-n-plus-one');
    const worker = new DeadWorker();
    const client = createLessonClient({ lesson, snapshotUrl: '/snapshots/x.tar.gz', createWorker: () => worker as unknown as Worker });
    const progress: BootProgress[] = [];
    const booting = client.boot((update) => progress.push(update));
    worker.fail('Failed to fetch a dynamically imported module');
    const outcome = await booting;
    expect(outcome.ok).toBe(false);
    expect(progress.at(-1)).toEqual({
      phase: 'failed',
      message: 'The lesson worker stopped (Failed to fetch a dynamically imported module); reload the page to try again.',
    });
    expect(worker.terminated).toBe(true);
    expect(await client.run({ code: '' })).toMatchObject({ ok: false, error: { message: 'The database is not ready yet.' } });
  });
});
