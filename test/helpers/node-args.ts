/**
 * Starting a Node process the way `npm run` scripts do, for the tests of the CLIs: with the flags
 * every process that runs PGlite gets, and once more if V8 itself crashed it (src/node/v8-crash.ts).
 * Any other failure, a second crash included, stays a failure.
 */
import { spawnSync, type SpawnSyncOptionsWithStringEncoding, type SpawnSyncReturns } from 'node:child_process';
import { PGLITE_NODE_ARGS, v8CrashOf } from '../../src/node/v8-crash.ts';

export const NODE_ARGS = PGLITE_NODE_ARGS;

/** `spawnSync` of Node with `args` (after NODE_ARGS); once more if V8 crashed it. */
export function spawnNodeSync(args: string[], options: SpawnSyncOptionsWithStringEncoding): SpawnSyncReturns<string> {
  const run = () => spawnSync(process.execPath, [...NODE_ARGS, ...args], options);
  const first = run();
  const crash = v8CrashOf(first.signal, `${first.stderr}${first.stdout}`);
  if (!crash) return first;
  console.warn(`A CLI process crashed inside V8 (${crash}); starting it once more.`);
  return run();
}
