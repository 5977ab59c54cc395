/**
 * Telling a crash of V8 itself from a failure of the code being graded. Node 24's V8 now and then
 * aborts while PGlite's WebAssembly code is created and freed ("Check failed: jit_page..." with
 * SIGTRAP, or SIGSEGV; nodejs/node#64500, still open). `--no-memory-protection-keys` made it rare
 * but not gone: the allocation registry that fails is kept whether or not the keys are used. The
 * bug is in the runtime, not in the lesson or the learner's code, so a process that dies of it is
 * started once more; a second crash is reported.
 */

/** Node flags for every process that runs PGlite (the reason is in vitest.config.ts). */
export const PGLITE_NODE_ARGS = ['--no-memory-protection-keys'];

/** Signals a V8 abort ends a process with: SIGTRAP for a failed CHECK, SIGSEGV for the crash in #64500. */
const V8_CRASH_SIGNALS = new Set(['SIGTRAP', 'SIGSEGV']);

/**
 * A one-line description when a process that ended with `signal` and printed `stderr` died of the
 * V8 bug above, otherwise undefined. Only signals nobody sent count: a timeout's SIGKILL is not one.
 */
export function v8CrashOf(signal: NodeJS.Signals | null, stderr: string): string | undefined {
  if (!signal || !V8_CRASH_SIGNALS.has(signal)) return undefined;
  const check = /Check failed: [^\n]*/.exec(stderr)?.[0];
  return `${signal}${check ? `, "${check.trim()}"` : ''}`;
}
