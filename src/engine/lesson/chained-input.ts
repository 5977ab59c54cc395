/**
 * Chained requests: a workload step whose `input` is a function of earlier answers (keyset
 * pagination's "the page after the last row I saw"). The oracle's pass computes the inputs from its
 * own answers; every other pass is given the oracle's inputs, so all passes send the same requests
 * and a wrong answer cannot steer the workload.
 */
import type { EarlierAnswers } from '../handler-api.ts';
import type { PlannedStep } from './workload-plan.ts';

/** Answers seen so far in a pass, by step and by step name. */
export interface AnswerBook {
  byStep: Map<number, unknown>;
  byName: Map<string, unknown>;
}

/** A chained step's input function threw: the lesson's workload is at fault. */
export class ChainedInputError extends Error {}

/**
 * The input of request step `index`: given as data, taken from the oracle's pass, or computed from
 * this pass's earlier answers (in the oracle's own pass).
 */
export function chainedInput(step: Extract<PlannedStep, { kind: 'request' }>, index: number, oracleInputs: Map<number, unknown> | undefined, answers: AnswerBook): unknown {
  if (typeof step.input !== 'function') return step.input;
  if (oracleInputs?.has(index)) return oracleInputs.get(index);
  let last: unknown;
  for (let i = index - 1; i >= 0; i--) {
    if (answers.byStep.has(i)) {
      last = answers.byStep.get(i);
      break;
    }
  }
  const earlier: EarlierAnswers = { last, answer: (name) => answers.byName.get(name) };
  try {
    return (step.input as (earlier: EarlierAnswers) => unknown)(earlier);
  } catch (error) {
    throw new ChainedInputError(`The input function of step ${index} threw: ${error instanceof Error ? error.message : String(error)}`);
  }
}
