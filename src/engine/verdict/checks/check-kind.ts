/**
 * The shape every check kind has. A kind is one plain object, like a pglite extension
 * (`{ name, setup } satisfies Extension`): its frontmatter field, its label, how it is measured and
 * how it is documented live together, so adding a check is adding one file and one registry line.
 */
import type { z } from 'zod';
import type { PassSummary } from '../../measure/summarise.ts';
import type { MismatchReport } from '../mismatches.ts';

/**
 * What a check reads: both passes, summarised, and the answers compared. It deliberately leaves out
 * the lesson's `checks` (each kind gets its own target), so the kinds' types do not depend on the
 * schema that is built from them.
 */
export interface CheckMeasurements {
  starter: PassSummary;
  learner: PassSummary;
  mismatches: MismatchReport;
}

/** A check's outcome as its kind sees it; `evaluateChecks` adds the id, the label, and fails it for code that errored. */
export interface CheckVerdict {
  passed: boolean;
  /** What the run measured; `null` when it could not be measured. */
  measured: number | string | null;
  /** What the lesson asks for. */
  target: number | string;
  /** One sentence a learner understands. */
  message: string;
}

/** How a check kind is documented in docs/authoring.md (the tables are generated from these). */
export interface CheckDocs {
  /** The frontmatter line as the "Checks" table shows it, e.g. `speedup: X`. */
  syntax: string;
  /** When the check passes, in a few words. */
  passesWhen: string;
  /** How the figure is computed, for a lesson author. */
  computed: string;
}

/**
 * One kind of check.
 * @typeParam Id the frontmatter key under `checks:`
 * @typeParam Schema the schema of its value (not optional: the registry adds that)
 */
export interface CheckKind<Id extends string = string, Schema extends z.ZodType = z.ZodType> {
  /** The frontmatter key under `checks:`. */
  id: Id;
  /** The value's schema, with a `.describe()`; optional in the frontmatter unless `required`. */
  schema: Schema;
  /** True for a check every lesson declares (only `correct`). */
  required?: boolean;
  /**
   * For a check whose figure rests on measured time: which way is better (`higher` for a speedup,
   * `lower` for a latency). A verdict near the target is then confirmed by measuring again
   * (verdict/confirm.ts); counts and plans need no such care.
   */
  timed?: 'higher' | 'lower';
  /** The goal in a few words, listed before any run. */
  label(target: z.output<Schema>): string;
  /** Measures the learner's pass against the target; called even when the code failed (its figures are still shown). */
  evaluate(target: z.output<Schema>, input: CheckMeasurements): CheckVerdict;
  docs: CheckDocs;
}
