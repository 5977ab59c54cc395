/**
 * A new, empty PGlite with the grading extensions, booted from a copy of a freshly initialised
 * cluster when there is one. initdb takes about 3 s here and loading the copy about 1 s, and every
 * grading process, test file and CLI run boots one. The first boot runs initdb and keeps the copy
 * in node_modules/.cache/fastpath/, named by PGlite's version: it holds only what initdb wrote.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pgliteExtensions } from '../engine/pass/pglite-extensions.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Where the copy of a fresh cluster is kept for this PGlite version. */
export function freshClusterFile(): string {
  const { version } = JSON.parse(readFileSync(join(root, 'node_modules/@electric-sql/pglite/package.json'), 'utf8')) as { version: string };
  return join(root, 'node_modules', '.cache', 'fastpath', `pglite-${version}-initdb.tar.gz`);
}

/** `PGlite.create({ extensions })` for grading, without running initdb when a copy is kept. */
export async function freshPGlite(): Promise<PGlite> {
  const file = freshClusterFile();
  if (existsSync(file)) {
    try {
      return await PGlite.create({ loadDataDir: new Blob([readFileSync(file)], { type: 'application/x-gzip' }), extensions: pgliteExtensions });
    } catch {
      // A copy cut short or from another build: made again below.
      rmSync(file, { force: true });
    }
  }
  const pg = await PGlite.create({ extensions: pgliteExtensions });
  const dump = await pg.dumpDataDir('gzip');
  mkdirSync(dirname(file), { recursive: true });
  // Written whole, then renamed: another process never reads half a copy.
  const partial = `${file}.${process.pid}.partial`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, file);
  return pg;
}
