/** `maxRowsReadPerRequest: N`: no request's statements read more than N table rows. */
import { z } from 'zod';
import type { CheckKind } from './check-kind.ts';
import { figuresOf, noRequestsOf, requestWord, scoped, unscope } from './scope.ts';

const schema = scoped(z.number().int().min(0)).describe(
  'The most table rows any single request may read (scanned, or fetched through an index), as Postgres counts them.',
);

/** The request whose statements read the most table rows read at most the target. */
export const maxRowsReadPerRequestCheck = {
  id: 'maxRowsReadPerRequest',
  schema,
  label(value) {
    const { target, handler } = unscope(value);
    return `At most ${target} table rows read per ${requestWord(handler)}`;
  },
  evaluate(value, { learner }) {
    const { target, handler } = unscope(value);
    const figures = figuresOf(learner, handler);
    if (!figures) return noRequestsOf(handler!, target);
    const read = figures.maxRowsRead;
    return {
      passed: read <= target,
      measured: read,
      target,
      message:
        read <= target
          ? `Your busiest ${requestWord(handler)} read ${read} table ${read === 1 ? 'row' : 'rows'}.`
          : `One ${requestWord(handler)} made Postgres read ${read} table rows (at most ${target}): look at its plan for a scan that reads rows it then throws away.`,
    };
  },
  docs: {
    syntax: 'maxRowsReadPerRequest: N',
    passesWhen: 'busiest request read <= N rows',
    computed:
      'Postgres counts the table rows each statement reads: by sequential scans, and fetched through indexes or bitmap scans (`pg_stat_get_xact_tuples_returned` + `_fetched`); an index-only scan that skips the table reads none. The counts are taken per request and the maximum over all requests (or one handler\'s) is used. Unlike a time, this count is the same on every run, however busy the machine.',
  },
} satisfies CheckKind<'maxRowsReadPerRequest', typeof schema>;
