/**
 * Drives a pass through its planned steps: one at a time, except the steps of one `concurrent`
 * group, which are all placed on the clock at their arrival times and driven together until every
 * one of them is done.
 */
import type { PlannedStep } from '../lesson/workload-plan.ts';
import type { Scheduler } from '../sim/scheduler.ts';
import type { LiveRequest, RequestRecord } from './request-runner.ts';
import { messageOf, type RunError } from '../errors.ts';

type RequestPlan = Extract<PlannedStep, { kind: 'request' }>;
type SqlPlan = Extract<PlannedStep, { kind: 'sql' }>;

/** What the pass does for each kind of step. */
export interface StepActions {
  /** Starts request step `index`, arriving at virtual time `at`. */
  start(index: number, at: number): LiveRequest;
  /** Runs a workload write now; throws when Postgres rejects it. */
  sql(step: SqlPlan, index: number): Promise<void>;
  /** After a step (or a concurrent group, `members`) is done: take checked state if due. */
  checkpoint(last: number, members: number[]): Promise<void>;
  /** After every drive: verdicts that wait for requests to settle. */
  settled(): Promise<void>;
}

/** Runs every step; returns the error that stopped the pass early, if any. */
export async function driveWorkload(steps: PlannedStep[], scheduler: Scheduler, file: string, actions: StepActions): Promise<RunError | undefined> {
  for (let index = 0; index < steps.length; ) {
    const step = steps[index];
    if (step.kind === 'advance') {
      scheduler.advance(step.advanceMs);
      index++;
      continue;
    }
    // Timers due while no request was being served (an expiry, an interval) run first.
    await scheduler.runDue();
    const members = step.group !== undefined ? groupAt(steps, index) : [index];
    const startedAt = scheduler.now;
    const started: LiveRequest[] = [];
    let sqlLeft = 0;
    let lessonError: RunError | undefined;
    const write = async (planned: SqlPlan, member: number) => {
      try {
        await actions.sql(planned, member);
      } catch (error) {
        lessonError ??= { kind: 'lesson', file: 'workload.ts', step: member, message: `The workload's SQL step ${member} failed: ${messageOf(error)}` };
      }
    };
    for (const member of members) {
      const planned = steps[member] as RequestPlan | SqlPlan;
      const at = startedAt + (planned.atMs ?? 0);
      if (planned.kind === 'request') started.push(actions.start(member, at));
      else if (members.length === 1) await write(planned, member);
      else {
        sqlLeft++;
        scheduler.writeAt(at, async () => {
          await write(planned, member);
          sqlLeft--;
        });
      }
    }
    const outcome = await scheduler.drive(() => sqlLeft === 0 && started.every((request) => request.done));
    await actions.settled();
    // The lesson's own write failed: the lesson is broken, whatever code is being graded.
    if (lessonError) return lessonError;
    if (outcome !== 'settled') return stuckError(outcome, (started.find((request) => !request.done) ?? started[0])?.record, scheduler, file);
    const last = members[members.length - 1];
    await actions.checkpoint(last, members);
    index = last + 1;
  }
  return undefined;
}

/** The planned steps of the concurrent traffic that starts at `index`. */
function groupAt(steps: PlannedStep[], index: number): number[] {
  const group = (steps[index] as { group?: number }).group;
  const members: number[] = [];
  for (let i = index; i < steps.length && (steps[i] as { group?: number }).group === group; i++) members.push(i);
  return members;
}

function stuckError(outcome: 'stuck' | 'runaway', record: RequestRecord | undefined, scheduler: Scheduler, file: string): RunError {
  const name = record?.handler ?? 'a request';
  if (outcome === 'runaway') {
    return { kind: 'timeout', file, step: record?.step, message: `${name}() was still running after 60 minutes of simulated time: a timer that keeps rescheduling itself?` };
  }
  return {
    kind: 'stuck',
    file,
    step: record?.step,
    message:
      scheduler.blockedQueries > 0
        ? `${name}() never finished: a query waited for a transaction that was still open. Inside db.transaction(...), use tx.query, not db.query.`
        : `${name}() never finished: it awaits a promise that nothing resolves.`,
  };
}
