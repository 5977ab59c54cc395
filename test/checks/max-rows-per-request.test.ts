import { describe, expect, it } from 'vitest';
import { maxRowsPerRequestCheck } from '../../src/engine/verdict/checks/max-rows-per-request.ts';
import { measured, pass, times } from './summary-builder.ts';

describe('maxRowsPerRequest', () => {
  it('loading a whole table to filter in JavaScript fails, with the rows fetched', () => {
    const learner = pass([...times(9, { rows: 20 }), { rows: 5000 }]);
    const verdict = maxRowsPerRequestCheck.evaluate(100, measured(learner));
    expect(verdict).toMatchObject({ passed: false, measured: 5000, target: 100 });
    expect(verdict.message).toBe('One request fetched 5000 rows from the database; fetch only what the answer needs (at most 100).');
  });

  it('a page of rows per request passes', () => {
    const verdict = maxRowsPerRequestCheck.evaluate(100, measured(pass(times(10, { rows: 20 }))));
    expect(verdict).toMatchObject({ passed: true, measured: 20, message: 'Your biggest request fetched 20 rows.' });
  });

  it('scoped to getFeed, a big export request does not count', () => {
    const learner = pass([{ handler: 'exportAll', rows: 9000 }, ...times(10, { handler: 'getFeed', rows: 20 })]);
    expect(maxRowsPerRequestCheck.evaluate({ target: 100, handler: 'getFeed' }, measured(learner)).passed).toBe(true);
    expect(maxRowsPerRequestCheck.label({ target: 100, handler: 'getFeed' })).toBe('At most 100 rows fetched per getFeed request');
  });
});
