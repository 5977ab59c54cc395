/** `setTimeout`, `Date` and `performance` bound to a pass's virtual clock. */
import type { Scheduler } from './scheduler.ts';
import type { SandboxGlobals } from './sandbox.ts';

/** Wall-clock time the virtual clock's zero maps to: fixed, so runs are deterministic. */
export const VIRTUAL_EPOCH_MS = Date.UTC(2026, 0, 1);

/**
 * Globals for learner code in one pass.
 * @param onError receives anything a timer callback throws (it has no caller to throw to)
 */
export function createVirtualGlobals(scheduler: Scheduler, onError: (error: unknown) => void): SandboxGlobals {
  const RealDate = Date;
  class VirtualDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(VIRTUAL_EPOCH_MS + scheduler.now);
      else super(...(args as [string]));
    }
    static now(): number {
      return VIRTUAL_EPOCH_MS + scheduler.now;
    }
  }
  return {
    setTimeout: (callback, ms, ...args) =>
      scheduler.schedule(ms ?? 0, () => {
        try {
          callback(...args);
        } catch (error) {
          onError(error);
        }
      }),
    clearTimeout: (id) => {
      if (id !== undefined) scheduler.cancel(id);
    },
    Date: VirtualDate as DateConstructor,
    performance: { now: () => scheduler.now },
  };
}
