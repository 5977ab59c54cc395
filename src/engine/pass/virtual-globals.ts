/** Timers, `Date` and `performance` bound to a pass's virtual clock. */
import type { Scheduler } from '../sim/scheduler.ts';
import type { SandboxGlobals } from './sandbox.ts';

/** Wall-clock time the virtual clock's zero maps to: fixed, so runs are deterministic. */
export const VIRTUAL_EPOCH_MS = Date.UTC(2026, 0, 1);

/**
 * Globals for learner code in one pass. Real timers would fire after the pass (or never stop, for
 * an interval), and real clocks would make TTLs depend on how fast this machine is.
 * @param onError receives anything a timer callback throws (it has no caller to throw to)
 */
export function createVirtualGlobals(scheduler: Scheduler, onError: (error: unknown) => void): SandboxGlobals {
  const RealDate = Date;
  const now = () => VIRTUAL_EPOCH_MS + scheduler.now;
  // A function, not a class: `Date()` without `new` must work and return a string, as it does.
  function VirtualDate(this: unknown, ...args: unknown[]) {
    if (!new.target) return new RealDate(now()).toString();
    return Reflect.construct(RealDate, args.length ? args : [now()], new.target);
  }
  VirtualDate.prototype = RealDate.prototype;
  Object.setPrototypeOf(VirtualDate, RealDate);
  VirtualDate.now = now;

  // A timer callback has no caller to throw to: what it throws, or the promise it returns rejects
  // with (an async callback), is reported instead of escaping as an unhandled rejection.
  const guarded = (callback: (...args: unknown[]) => unknown, args: unknown[]) => () => {
    try {
      const result = callback(...args);
      if (result && typeof (result as PromiseLike<unknown>).then === 'function') (result as PromiseLike<unknown>).then(undefined, onError);
    } catch (error) {
      onError(error);
    }
  };
  const cancel = (id: number | undefined) => {
    if (id !== undefined) scheduler.cancel(id);
  };
  return {
    setTimeout: (callback, ms, ...args) => scheduler.schedule(ms ?? 0, guarded(callback, args)),
    setInterval: (callback, ms, ...args) => scheduler.schedule(ms ?? 0, guarded(callback, args), true),
    setImmediate: (callback, ...args) => scheduler.soon(guarded(callback, args)),
    clearTimeout: cancel,
    clearInterval: cancel,
    clearImmediate: cancel,
    Date: VirtualDate as unknown as DateConstructor,
    performance: { now: () => scheduler.now },
  };
}
