/**
 * Makes a seeded PGlite data directory small and quick to start before it is dumped: the browser
 * unpacks every byte of the snapshot into memory and Postgres replays the WAL after the last
 * checkpoint, so both cost boot time. Measured on lesson 1 (Node, PGlite 0.5.16): 7.4 MB gzip and
 * 1.3 s to `PGlite.create()` as dumped, 2.3 MB and about 0.5-0.7 s compacted.
 */
import type { PGlite } from '@electric-sql/pglite';

/**
 * initdb arguments for a snapshot database: 1 MB WAL segments instead of 16 MB, so the one segment
 * the snapshot must keep is small.
 */
export const COMPACT_INITDB_ARGS = ['--wal-segsize=1'];

/** A WAL segment file name: timeline, log and segment as 24 hex digits. */
const WAL_SEGMENT = /^[0-9A-F]{24}$/;

/**
 * Drops what a lesson never uses and checkpoints, so the snapshot holds the data files and the WAL
 * from the checkpoint on (one segment):
 * - template0 and template1 (two copies of the catalog; a lesson cannot CREATE DATABASE anyway:
 *   every pass runs inside a transaction);
 * - the WAL written by the seed, made obsolete by a checkpoint in a fresh segment;
 * - segments Postgres pre-allocated for later, which it creates again when it needs them.
 */
export async function compactDataDir(pg: PGlite): Promise<void> {
  for (const template of ['template0', 'template1']) {
    await pg.exec(`UPDATE pg_database SET datistemplate = false WHERE datname = '${template}'`);
    await pg.exec(`DROP DATABASE ${template}`);
  }
  await pg.exec('CHECKPOINT');
  await pg.query('SELECT pg_switch_wal()');
  await pg.exec('CHECKPOINT');
  // Recovery reads from the last checkpoint's redo point to the end of the WAL: keep those segments
  // (one, in practice) and drop the older ones and the ones pre-allocated after them.
  const { rows } = await pg.query<{ dir: string; redo: string; current: string }>(
    `SELECT current_setting('data_directory') || '/pg_wal' AS dir,
            pg_walfile_name(redo_lsn) AS redo, pg_walfile_name(pg_current_wal_lsn()) AS current
       FROM pg_control_checkpoint()`,
  );
  const { dir, redo, current } = rows[0];
  const fs = pg.Module.FS;
  for (const file of fs.readdir(dir)) {
    if (WAL_SEGMENT.test(file) && (file < redo || file > current)) fs.unlink(`${dir}/${file}`);
  }
}
