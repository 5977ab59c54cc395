/** `maxBytesPerRequest: N`: no request fetches more than N bytes from the database. */
import { z } from 'zod';
import type { CheckKind } from './check-kind.ts';
import { figuresOf, noRequestsOf, requestWord, scoped, unscope } from './scope.ts';

const schema = scoped(z.number().int().min(1)).describe(
  'The most bytes (the returned rows as JSON) any single request may fetch from the database.',
);

/** Bytes with a thousands separator, the same in every locale: "12,345 bytes". */
function bytes(count: number): string {
  return `${count.toLocaleString('en-US')} ${count === 1 ? 'byte' : 'bytes'}`;
}

/** The request that fetched the most bytes (of one handler, if scoped) fetched at most the target. */
export const maxBytesPerRequestCheck = {
  id: 'maxBytesPerRequest',
  schema,
  label(value) {
    const { target, handler } = unscope(value);
    return `At most ${bytes(target)} fetched per ${requestWord(handler)}`;
  },
  evaluate(value, { learner }) {
    const { target, handler } = unscope(value);
    const figures = figuresOf(learner, handler);
    if (!figures) return noRequestsOf(handler!, target);
    const size = figures.maxBytes;
    return {
      passed: size <= target,
      measured: size,
      target,
      message:
        size <= target
          ? `Your biggest ${requestWord(handler)} fetched ${bytes(size)}.`
          : `One ${requestWord(handler)} fetched ${bytes(size)} from the database; select only the columns the answer needs (at most ${bytes(target)}).`,
    };
  },
  docs: {
    syntax: 'maxBytesPerRequest: N',
    passesWhen: 'biggest request <= N bytes',
    computed:
      'Each query\'s returned rows are measured as JSON (what would cross the network) and added up per request; the maximum over all requests (or one handler\'s) is used. Catches `SELECT *` of wide columns.',
  },
} satisfies CheckKind<'maxBytesPerRequest', typeof schema>;
