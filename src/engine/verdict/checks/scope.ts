/**
 * Handler scope: a check's target given either as a number (every request) or as
 * `{ target, handler }` (only that handler's requests), and the figures each scope reads.
 */
import { z } from 'zod';
import type { PassSummary } from '../../measure/summarise.ts';
import type { CheckVerdict } from './check-kind.ts';

/** A JavaScript identifier: what a handler's name must be (shared with the `handlers` field). */
export const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** A check's target as the frontmatter gives it. */
export type Scoped = number | { target: number; handler: string };

/**
 * The schema of a scopable target: `target` itself, or `{ target, handler }`.
 * @param target the number's schema, with its constraints (`.gt(1)`, `.int().min(1)`...)
 */
export function scoped<T extends z.ZodNumber>(target: T) {
  return z.union(
    [
      target,
      z
        .object({
          target,
          handler: z
            .string()
            .regex(IDENTIFIER, 'must be a JavaScript identifier')
            .describe('one of the lesson\'s `handlers`: only its requests are measured'),
        })
        .strict(),
    ],
    // Without this, a value that is neither form only says "Invalid input".
    { error: 'expected a number, or { target: number, handler: name }' },
  );
}

/** The target and, when scoped, the handler of a scopable check. */
export function unscope(value: Scoped): { target: number; handler?: string } {
  return typeof value === 'number' ? { target: value } : value;
}

/** The handler a check value is scoped to, if any (for validating it against `handlers`). */
export function handlerOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || !('handler' in value)) return undefined;
  return typeof value.handler === 'string' ? value.handler : undefined;
}

/** The per-request figures a scoped check reads. */
export interface ScopeFigures {
  requests: number;
  /** Simulated latency percentiles (ms). */
  latency: { p50: number; p95: number; max: number };
  /** The most queries, rows and bytes any one request had. */
  maxQueries: number;
  maxRows: number;
  maxBytes: number;
  /** The most table rows any one request's statements read. */
  maxRowsRead: number;
}

/**
 * The figures of every request, or of `handler`'s only; `undefined` when no request of that
 * handler ran (a scoped check then cannot be measured).
 */
export function figuresOf(pass: PassSummary, handler?: string): ScopeFigures | undefined {
  if (handler === undefined) {
    return {
      requests: pass.requests,
      latency: pass.latency,
      maxQueries: pass.queries.maxPerRequest,
      // The busiest request of the pass is the busiest request of some handler.
      maxRows: Math.max(0, ...pass.handlers.map((one) => one.rows.max)),
      maxBytes: Math.max(0, ...pass.handlers.map((one) => one.bytes.max)),
      maxRowsRead: Math.max(0, ...pass.handlers.map((one) => one.rowsRead.max)),
    };
  }
  const one = pass.handlers.find((summary) => summary.name === handler);
  if (!one || one.requests === 0) return undefined;
  return { requests: one.requests, latency: one.latency, maxQueries: one.queries.maxPerRequest, maxRows: one.rows.max, maxBytes: one.bytes.max, maxRowsRead: one.rowsRead.max };
}

/** "getFeed request" for a check scoped to getFeed, "request" otherwise: "median getFeed request". */
export function requestWord(handler?: string): string {
  return handler === undefined ? 'request' : `${handler} request`;
}

/** The verdict of a scoped check whose handler served no request (in either pass). */
export function noRequestsOf(handler: string, target: number): CheckVerdict {
  return { passed: false, measured: null, target, message: `No ${handler} request ran, so this could not be measured.` };
}
