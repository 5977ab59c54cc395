/** `correct: true`: every answer equals the oracle's. */
import { z } from 'zod';
import type { CheckKind } from './check-kind.ts';

const schema = z
  .literal(true)
  .describe('Every answer must equal the oracle\'s answer for the same request on the same data. Always on.');

/** Every answer matches the oracle's answer at the same step. */
export const correctCheck = {
  id: 'correct',
  schema,
  required: true,
  label: () => 'Same answers as the reference',
  evaluate(_target, { mismatches }) {
    const { count, compared, first } = mismatches;
    return {
      passed: count === 0,
      measured: `${compared - count}/${compared}`,
      target: 'all',
      message:
        count === 0
          ? `All ${compared} answers match.`
          : `${count} of ${compared} answers differ from the reference; the first, at step ${first?.step}: ${first?.difference}`,
    };
  },
  docs: {
    syntax: 'correct',
    passesWhen: 'every answer matches',
    computed: 'All requests are compared with the oracle\'s request at the same step.',
  },
} satisfies CheckKind<'correct', typeof schema>;
