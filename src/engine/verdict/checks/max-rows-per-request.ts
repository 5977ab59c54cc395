/** `maxRowsPerRequest: N`: no request fetches more than N rows from the database. */
import { z } from 'zod';
import type { CheckKind } from './check-kind.ts';
import { figuresOf, noRequestsOf, requestWord, scoped, unscope } from './scope.ts';

const schema = scoped(z.number().int().min(1)).describe(
  'The most rows any single request may fetch from the database, summed over its queries.',
);

/** The request that fetched the most rows (of one handler, if scoped) fetched at most the target. */
export const maxRowsPerRequestCheck = {
  id: 'maxRowsPerRequest',
  schema,
  label(value) {
    const { target, handler } = unscope(value);
    return `At most ${target} rows fetched per ${requestWord(handler)}`;
  },
  evaluate(value, { learner }) {
    const { target, handler } = unscope(value);
    const figures = figuresOf(learner, handler);
    if (!figures) return noRequestsOf(handler!, target);
    const rows = figures.maxRows;
    return {
      passed: rows <= target,
      measured: rows,
      target,
      message:
        rows <= target
          ? `Your biggest ${requestWord(handler)} fetched ${rows} ${rows === 1 ? 'row' : 'rows'}.`
          : `One ${requestWord(handler)} fetched ${rows} rows from the database; fetch only what the answer needs (at most ${target}).`,
    };
  },
  docs: {
    syntax: 'maxRowsPerRequest: N',
    passesWhen: 'biggest request <= N rows',
    computed:
      'The rows returned by each request\'s queries are added up; the maximum over all requests (or one handler\'s) is used. Catches filtering, sorting or paging in JavaScript what SQL could have done.',
  },
} satisfies CheckKind<'maxRowsPerRequest', typeof schema>;
