import { describe, expect, it } from 'vitest';
import { pass, times } from './summary-builder.ts';

describe('per-handler figures in a pass summary', () => {
  const summary = pass([
    ...times(2, { handler: 'addPost', latencyMs: 40, queries: 3, rows: 1, bytes: 20, dbMs: 2, cpuMs: 0.5 }),
    { handler: 'getFeed', latencyMs: 5, queries: 1, rows: 10, bytes: 900, dbMs: 1, cpuMs: 0.25 },
    { handler: 'getFeed', latencyMs: 7, queries: 2, rows: 30, bytes: 2700, dbMs: 3, cpuMs: 0.25 },
  ]);

  it('lists handlers in the order the workload first calls them', () => {
    expect(summary.handlers.map((handler) => handler.name)).toEqual(['addPost', 'getFeed']);
  });

  it("gives the reads their own latency, untouched by the slow writes", () => {
    const feed = summary.handlers.find((handler) => handler.name === 'getFeed')!;
    expect(feed).toMatchObject({ requests: 2, latency: { p50: 5, p95: 7, max: 7 } });
    expect(summary.latency.p50).toBe(7);
  });

  it('counts queries, rows and bytes per request of each handler', () => {
    const feed = summary.handlers.find((handler) => handler.name === 'getFeed')!;
    expect(feed.queries).toEqual({ total: 3, maxPerRequest: 2, meanPerRequest: 1.5 });
    expect(feed.rows).toEqual({ max: 30, mean: 20 });
    expect(feed.bytes).toEqual({ max: 2700, mean: 1800 });
    expect(feed).toMatchObject({ dbMs: 4, cpuMs: 0.5 });
  });

  it('adds up the CPU time of every request for the pass', () => {
    expect(summary.cpuMs).toBe(1.5);
  });

  it('has no handlers for a pass that served no request', () => {
    expect(pass([]).handlers).toEqual([]);
  });
});
