/**
 * Runs `callback` after the current macrotask, once every pending microtask has run. Node has
 * `setImmediate`; a browser worker gets a `MessageChannel` ping (real `setTimeout` is clamped to 4 ms).
 * Captured at load, so a learner's virtual timers never replace it.
 */
const schedule: (callback: () => void) => void = (() => {
  const immediate = (globalThis as { setImmediate?: (callback: () => void) => unknown }).setImmediate;
  if (typeof immediate === 'function') return (callback: () => void) => void immediate(callback);
  const channel = new MessageChannel();
  const callbacks: (() => void)[] = [];
  channel.port1.onmessage = () => callbacks.shift()?.();
  return (callback: () => void) => {
    callbacks.push(callback);
    channel.port2.postMessage(null);
  };
})();

/** Queues `callback` as a new macrotask. */
export function macrotask(callback: () => void): void {
  schedule(callback);
}
