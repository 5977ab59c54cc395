/** `maxQueriesPerRequest: N`: no request issues more than N queries. */
import { z } from 'zod';
import type { CheckKind } from './check-kind.ts';

const schema = z.number().int().min(1).describe('The most queries any single request may issue.');

/** The busiest request's query count is at most the target: each query is a round trip. */
export const maxQueriesPerRequestCheck = {
  id: 'maxQueriesPerRequest',
  schema,
  label: (target) => `At most ${target} queries per request`,
  evaluate(target, { learner }) {
    const measured = learner.queries.maxPerRequest;
    return {
      passed: measured <= target,
      measured,
      target,
      message:
        measured <= target
          ? `Your busiest request made ${measured} ${measured === 1 ? 'query' : 'queries'}.`
          : `One request made ${measured} queries; each one is a round trip. Aim for ${target} or fewer.`,
    };
  },
  docs: {
    syntax: 'maxQueriesPerRequest: N',
    passesWhen: 'busiest request <= N',
    computed: 'Queries issued during each request are counted; the maximum over all requests is used.',
  },
} satisfies CheckKind<'maxQueriesPerRequest', typeof schema>;
