/**
 * A new, empty PGlite with the grading extensions, booted from a copy of a freshly initialised
 * cluster when there is one. initdb takes 3-5 s here and loading the copy about 1 s, and every
 * grading process, test file, CLI run and lesson snapshot boots one. The first boot runs initdb and
 * keeps the copy in node_modules/.cache/fastpath/, named by PGlite's version and the initdb
 * arguments: it holds only what initdb wrote.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pgliteExtensions } from '../engine/pass/pglite-extensions.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Where the copy of a fresh cluster is kept for this PGlite version and these initdb arguments
 * (`--wal-segsize=1` gives `...-initdb-wal-segsize-1.tar.gz`).
 */
export function freshClusterFile(initdbArgs: readonly string[] = []): string {
  const { version } = JSON.parse(readFileSync(join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string };
  const args = initdbArgs.map((arg) => `-${arg.replace(/[^\w]+/g, '-').replace(/^-+|-+$/g, '')}`).join('');
  return join(root, 'node_modules', '.cache', 'fastpath', `pglite-${version}-initdb${args}.tar.gz`);
}

/**
 * `PGlite.create({ extensions })` for grading, without running initdb when a copy is kept;
 * `initdbArgs` are passed to initdb (PGlite's `initDbStartParams`) when it runs.
 */
export async function freshPGlite(initdbArgs: readonly string[] = []): Promise<PGlite> {
  const file = freshClusterFile(initdbArgs);
  if (existsSync(file)) {
    try {
      return await PGlite.create({ loadDataDir: new Blob([readFileSync(file)], { type: 'application/x-gzip' }), extensions: pgliteExtensions });
    } catch {
      // A copy cut short or from another build: made again below.
      rmSync(file, { force: true });
    }
  }
  const pg = await PGlite.create({ extensions: pgliteExtensions, ...(initdbArgs.length ? { initDbStartParams: [...initdbArgs] } : {}) });
  const dump = await pg.dumpDataDir('gzip');
  mkdirSync(dirname(file), { recursive: true });
  // Written whole, then renamed: another process never reads half a copy.
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, file);
  return pg;
}
