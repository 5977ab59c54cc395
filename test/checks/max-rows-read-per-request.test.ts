import { describe, expect, it } from 'vitest';
import { maxRowsReadPerRequestCheck } from '../../src/engine/verdict/checks/max-rows-read-per-request.ts';
import { measured, pass, times } from './summary-builder.ts';

describe('maxRowsReadPerRequest', () => {
  it('one request that read 20,000 rows fails, with the count and where to look', () => {
    const verdict = maxRowsReadPerRequestCheck.evaluate(100, measured(pass([...times(5, { rowsRead: 12 }), { rowsRead: 20000 }])));
    expect(verdict).toMatchObject({ passed: false, measured: 20000, target: 100 });
    expect(verdict.message).toBe('One request made Postgres read 20000 table rows (at most 100): look at its plan for a scan that reads rows it then throws away.');
  });

  it('requests that read few rows pass', () => {
    const verdict = maxRowsReadPerRequestCheck.evaluate(100, measured(pass(times(5, { rowsRead: 25 }))));
    expect(verdict).toMatchObject({ passed: true, measured: 25, message: 'Your busiest request read 25 table rows.' });
  });

  it('scoped to a handler, another handler\'s full scans do not count', () => {
    const requests = [...times(3, { handler: 'report', rowsRead: 50000 }), ...times(3, { handler: 'lookup', rowsRead: 1 })];
    expect(maxRowsReadPerRequestCheck.evaluate({ target: 10, handler: 'lookup' }, measured(pass(requests)))).toMatchObject({ passed: true, measured: 1 });
    expect(maxRowsReadPerRequestCheck.label({ target: 10, handler: 'lookup' })).toBe('At most 10 table rows read per lookup request');
  });
});
