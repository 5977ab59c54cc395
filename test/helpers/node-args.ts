/**
 * Starting a Node process the way `npm run` scripts do, for the tests of the CLIs. V8's code-page
 * protection crashes PGlite's WebAssembly now and then on this kind of machine ("Check failed:
 * jit_page.has_value()", nodejs/node#64500), so it is turned off wherever PGlite runs. Even so the
 * crash was seen twice in about ten full runs, in a CLI the tests started: a run that dies of
 * exactly that is started once more. Any other failure, a second crash included, stays a failure.
 */
import { spawnSync, type SpawnSyncOptionsWithStringEncoding, type SpawnSyncReturns } from 'node:child_process';

export const NODE_ARGS = ['--no-memory-protection-keys'];

const V8_JIT_PAGE_CRASH = 'Check failed: jit_page.has_value()';

/** `spawnSync` of Node with `args` (after NODE_ARGS); once more if V8 crashed as described above. */
export function spawnNodeSync(args: string[], options: SpawnSyncOptionsWithStringEncoding): SpawnSyncReturns<string> {
  const run = () => spawnSync(process.execPath, [...NODE_ARGS, ...args], options);
  const first = run();
  const crashed = first.signal === 'SIGTRAP' && `${first.stderr}${first.stdout}`.includes(V8_JIT_PAGE_CRASH);
  if (!crashed) return first;
  console.warn(`A CLI process crashed inside V8 (${V8_JIT_PAGE_CRASH}); starting it once more.`);
  return run();
}
