import { describe, expect, it } from 'vitest';
import { parseLesson } from '../../src/lessons/parse-lesson.ts';
import { LessonError } from '../../src/lessons/lesson.ts';
import { checksSchema } from '../../src/lessons/schema.ts';

/** A lesson with two handlers whose `checks:` block is `checks` (YAML, indented two spaces). */
function lessonWith(checks: string) {
  const frontmatter = [
    '---',
    'title: Feed and posts',
    'summary: A lesson made inside a test.',
    'topic: round trips',
    'order: 1',
    'minutes: 5',
    'handlers: [getFeed, addPost]',
    'hints: [look at the queries]',
    'explanation: Tests need small lessons that parse fast.',
    'checks:',
    '  correct: true',
    checks,
    '---',
    'Prose.',
  ].join('\n');
  const files: Record<string, string> = { 'lesson.md': frontmatter, 'schema.sql': '', 'seed.sql': '', 'starter.ts': '', 'solution.ts': '', 'workload.ts': '' };
  return () => parseLesson('01-feed', (name) => files[name]);
}

function rejection(parse: () => unknown): LessonError {
  try {
    parse();
  } catch (error) {
    expect(error).toBeInstanceOf(LessonError);
    return error as LessonError;
  }
  throw new Error('expected the lesson to be rejected');
}

describe('checks scoped to one handler', () => {
  it('a speedup scoped to getFeed parses in block and flow style', () => {
    const block = lessonWith('  speedup:\n    target: 3\n    handler: getFeed')();
    const flow = lessonWith('  maxQueriesPerRequest: { target: 1, handler: getFeed }')();
    expect(block.frontmatter.checks.speedup).toEqual({ target: 3, handler: 'getFeed' });
    expect(flow.frontmatter.checks.maxQueriesPerRequest).toEqual({ target: 1, handler: 'getFeed' });
  });

  it('a misspelt handler is rejected, naming the field, its line and the handlers there are', () => {
    const parse = lessonWith('  maxP95Ms: { target: 20, handler: getFeed }\n  speedup:\n    target: 3\n    handler: getFed');
    expect(rejection(parse)).toMatchObject({
      field: 'checks.speedup.handler',
      line: 15,
      reason: '"getFed" is not one of the lesson\'s handlers (getFeed, addPost)',
    });
  });

  it('a scoped target keeps the constraints of the plain number', () => {
    expect(rejection(lessonWith('  speedup: { target: 0.5, handler: getFeed }'))).toMatchObject({ field: 'checks.speedup.target' });
    expect(rejection(lessonWith('  maxRowsPerRequest: { target: 10 }'))).toMatchObject({
      field: 'checks.maxRowsPerRequest',
      reason: 'expected a number, or { target: number, handler: name }. The most rows any single request may fetch from the database, summed over its queries.',
    });
    expect(rejection(lessonWith('  maxRowsPerRequest: { target: 10, handler: getFeed, extra: 1 }'))).toMatchObject({
      field: 'checks.maxRowsPerRequest.extra',
    });
  });

  it('a plain number still means every request, as before', () => {
    expect(checksSchema.parse({ correct: true, speedup: 3, maxQueriesPerRequest: 1 })).toEqual({ correct: true, speedup: 3, maxQueriesPerRequest: 1 });
  });
});
