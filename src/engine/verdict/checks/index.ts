/**
 * The registry of check kinds, in the order a lesson's goals are listed. The frontmatter schema
 * (`checksSchema`), the labels, the grading and the docs tables are all built from this list.
 */
import type { z } from 'zod';
import type { CheckKind } from './check-kind.ts';
import { correctCheck } from './correct.ts';
import { maxQueriesPerRequestCheck } from './max-queries-per-request.ts';
import { noSeqScanCheck } from './no-seq-scan.ts';
import { speedupCheck } from './speedup.ts';
import { minCacheHitRateCheck } from './min-cache-hit-rate.ts';
import { staleReadsCheck } from './stale-reads.ts';
import { maxCacheEntriesCheck } from './max-cache-entries.ts';
import { maxRowsPerRequestCheck } from './max-rows-per-request.ts';
import { maxBytesPerRequestCheck } from './max-bytes-per-request.ts';
import { p95SpeedupCheck } from './p95-speedup.ts';
import { maxP95MsCheck } from './max-p95-ms.ts';
import { maxRowsReadPerRequestCheck } from './max-rows-read-per-request.ts';
import { requirePlanNodeCheck } from './require-plan-node.ts';
import { forbidPlanNodeCheck } from './forbid-plan-node.ts';
import { maxHeapFetchesCheck } from './max-heap-fetches.ts';

/** Every check kind, in listing order. */
export const CHECK_KINDS = [
  correctCheck,
  maxQueriesPerRequestCheck,
  maxRowsPerRequestCheck,
  maxBytesPerRequestCheck,
  maxRowsReadPerRequestCheck,
  noSeqScanCheck,
  requirePlanNodeCheck,
  forbidPlanNodeCheck,
  maxHeapFetchesCheck,
  speedupCheck,
  p95SpeedupCheck,
  maxP95MsCheck,
  minCacheHitRateCheck,
  staleReadsCheck,
  maxCacheEntriesCheck,
] as const;

type Kind = (typeof CHECK_KINDS)[number];

/** Names of the checks a lesson can declare. */
export type CheckId = Kind['id'];

/** The fields of the frontmatter's `checks:` object: each kind's schema, optional unless the kind is required. */
export type ChecksShape = {
  [K in Kind as K['id']]: K extends { required: true } ? K['schema'] : z.ZodOptional<K['schema']>;
};

/** The registry as a list of the common shape, for code that loops over every kind. */
export const checkKinds: readonly CheckKind[] = CHECK_KINDS;

/** The `checks:` object's fields, built from the registry (see `checksSchema`). */
export function checksShape(): ChecksShape {
  const entries = CHECK_KINDS.map((kind) => [kind.id, 'required' in kind && kind.required ? kind.schema : kind.schema.optional()]);
  return Object.fromEntries(entries) as ChecksShape;
}

export type { CheckKind, CheckMeasurements, CheckVerdict, CheckDocs } from './check-kind.ts';
