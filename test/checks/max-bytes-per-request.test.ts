import { describe, expect, it } from 'vitest';
import { maxBytesPerRequestCheck } from '../../src/engine/verdict/checks/max-bytes-per-request.ts';
import { measured, pass, times } from './summary-builder.ts';

describe('maxBytesPerRequest', () => {
  it('SELECT * with a wide column fails, with the bytes fetched', () => {
    const learner = pass([...times(9, { bytes: 800 }), { bytes: 123456 }]);
    const verdict = maxBytesPerRequestCheck.evaluate(10000, measured(learner));
    expect(verdict).toMatchObject({ passed: false, measured: 123456, target: 10000 });
    expect(verdict.message).toBe(
      'One request fetched 123,456 bytes from the database; select only the columns the answer needs (at most 10,000 bytes).',
    );
  });

  it('only the columns the answer needs pass', () => {
    const verdict = maxBytesPerRequestCheck.evaluate(10000, measured(pass(times(10, { bytes: 800 }))));
    expect(verdict).toMatchObject({ passed: true, measured: 800, message: 'Your biggest request fetched 800 bytes.' });
  });

  it('scoped to getFeed, names the handler in its goal and ignores the others', () => {
    const learner = pass([{ handler: 'getPost', bytes: 50000 }, ...times(5, { handler: 'getFeed', bytes: 2000 })]);
    const verdict = maxBytesPerRequestCheck.evaluate({ target: 4000, handler: 'getFeed' }, measured(learner));
    expect(verdict).toMatchObject({ passed: true, measured: 2000 });
    expect(maxBytesPerRequestCheck.label({ target: 4000, handler: 'getFeed' })).toBe('At most 4,000 bytes fetched per getFeed request');
  });
});
