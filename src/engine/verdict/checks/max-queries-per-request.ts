/** `maxQueriesPerRequest: N`: no request issues more than N queries. */
import { z } from 'zod';
import type { CheckKind } from './check-kind.ts';
import { figuresOf, noRequestsOf, requestWord, scoped, unscope } from './scope.ts';

const schema = scoped(z.number().int().min(1)).describe('The most queries any single request may issue.');

/** The busiest request's query count (of one handler, if scoped) is at most the target: each query is a round trip. */
export const maxQueriesPerRequestCheck = {
  id: 'maxQueriesPerRequest',
  schema,
  label(value) {
    const { target, handler } = unscope(value);
    return `At most ${target} ${target === 1 ? 'query' : 'queries'} per ${requestWord(handler)}`;
  },
  evaluate(value, { learner }) {
    const { target, handler } = unscope(value);
    const figures = figuresOf(learner, handler);
    if (!figures) return noRequestsOf(handler!, target);
    const measured = figures.maxQueries;
    return {
      passed: measured <= target,
      measured,
      target,
      message:
        measured <= target
          ? `Your busiest ${requestWord(handler)} made ${measured} ${measured === 1 ? 'query' : 'queries'}.`
          : `One ${requestWord(handler)} made ${measured} queries; each one is a round trip. Aim for ${target} or fewer.`,
    };
  },
  docs: {
    syntax: 'maxQueriesPerRequest: N',
    passesWhen: 'busiest request <= N',
    computed: 'Queries issued during each request are counted; the maximum over all requests (or one handler\'s) is used.',
  },
} satisfies CheckKind<'maxQueriesPerRequest', typeof schema>;
