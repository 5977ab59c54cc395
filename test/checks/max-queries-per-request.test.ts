import { describe, expect, it } from 'vitest';
import { maxQueriesPerRequestCheck } from '../../src/engine/verdict/checks/max-queries-per-request.ts';
import { measured, pass, times } from './summary-builder.ts';

describe('maxQueriesPerRequest', () => {
  it('one N+1 request among batched ones fails, counting its round trips', () => {
    const learner = pass([...times(19, { queries: 1 }), { queries: 41 }]);
    const verdict = maxQueriesPerRequestCheck.evaluate(1, measured(learner));
    expect(verdict).toMatchObject({ passed: false, measured: 41, target: 1 });
    expect(verdict.message).toBe('One request made 41 queries; each one is a round trip. Aim for 1 or fewer.');
  });

  it('a single query per request passes, in the singular', () => {
    const verdict = maxQueriesPerRequestCheck.evaluate(1, measured(pass(times(5, { queries: 1 }))));
    expect(verdict).toMatchObject({ passed: true, message: 'Your busiest request made 1 query.' });
  });

  it('reads as a goal before any run', () => {
    expect(maxQueriesPerRequestCheck.label(2)).toBe('At most 2 queries per request');
  });

  it('scoped to getFeed, a write that needs three queries does not count', () => {
    const learner = pass([...times(4, { handler: 'addPost', queries: 3 }), ...times(6, { handler: 'getFeed', queries: 1 })]);
    expect(maxQueriesPerRequestCheck.evaluate(1, measured(learner)).passed).toBe(false);
    const verdict = maxQueriesPerRequestCheck.evaluate({ target: 1, handler: 'getFeed' }, measured(learner));
    expect(verdict).toMatchObject({ passed: true, measured: 1, message: 'Your busiest getFeed request made 1 query.' });
    expect(maxQueriesPerRequestCheck.label({ target: 1, handler: 'getFeed' })).toBe('At most 1 query per getFeed request');
  });
});
