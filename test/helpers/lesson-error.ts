/** The `LessonError` a call throws, for tests of what a broken lesson is told. */
import { LessonError } from '../../src/lessons/lesson.ts';

/** Runs `run` and returns the `LessonError` it threw; fails the test when it threw none, or another error. */
export function lessonErrorOf(run: () => unknown): LessonError {
  try {
    run();
  } catch (error) {
    if (error instanceof LessonError) return error;
    throw error;
  }
  throw new Error('expected a LessonError, none was thrown');
}
