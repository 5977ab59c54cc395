/**
 * Checked writes (docs/authoring.md, "Checked state"): the contents of the tables or queries a
 * lesson names, taken after each request that writes and at the end of the pass, and compared with
 * the oracle's at the same points. A write-only handler is gradable this way without a read handler.
 */
import type { PassDatabase } from '../pass/pass-database.ts';
import { stableStringify } from './compare.ts';
import { toPlain } from '../plain.ts';
import { messageOf } from '../errors.ts';

/** Rows kept as text for showing differences; past this only a hash is kept. */
const MAX_ROWS_KEPT = 5000;

/** One checked query's contents at one point of the pass. */
export interface StateSnapshot {
  /** The workload step after which it was taken; -1 for the end of the pass. */
  step: number;
  /** The query as the lesson wrote it (a table name stands for `SELECT * FROM` it). */
  query: string;
  count: number;
  /** Every row as canonical JSON, sorted, when there are at most `MAX_ROWS_KEPT`. */
  rows?: string[];
  /** A hash of all the rows, always present. */
  hash: string;
  /** Set when the query failed (a dropped column, say). */
  error?: string;
}

/** The SQL behind one `state` entry: a bare table name means the whole table. */
export function stateSql(entry: string): string {
  return /^[A-Za-z_][\w.]*$/.test(entry.trim()) ? `SELECT * FROM ${entry.trim()}` : entry;
}

/** Takes every checked query's contents now. */
export async function snapshotState(database: PassDatabase, entries: string[], step: number): Promise<StateSnapshot[]> {
  const snapshots: StateSnapshot[] = [];
  for (const query of entries) {
    try {
      const rows = await database.shadow((run) => run(stateSql(query)));
      const texts = rows.map((row) => stableStringify(toPlain(row))).sort();
      snapshots.push({ step, query, count: texts.length, rows: texts.length <= MAX_ROWS_KEPT ? texts : undefined, hash: hash(texts) });
    } catch (error) {
      snapshots.push({ step, query, count: 0, hash: '', error: messageOf(error) });
    }
  }
  return snapshots;
}

/** The first checked query whose contents differ from the oracle's, with the rows that differ. */
export interface StateDifference {
  step: number;
  query: string;
  /** Rows the oracle had and the learner's data lacks (first few). */
  missing: string[];
  /** Rows the learner's data has and the oracle's did not (first few). */
  extra: string[];
  /** One sentence for the learner. */
  message: string;
}

/** Compares snapshots taken at the same points; returns how many differ and the first difference. */
export function compareStates(expected: StateSnapshot[], actual: StateSnapshot[]): { compared: number; differing: number; first?: StateDifference } {
  let differing = 0;
  let first: StateDifference | undefined;
  const byPoint = new Map(actual.map((snapshot) => [`${snapshot.step}\u0000${snapshot.query}`, snapshot]));
  for (const want of expected) {
    const got = byPoint.get(`${want.step}\u0000${want.query}`);
    if (got && got.hash === want.hash && !got.error) continue;
    differing++;
    if (first) continue;
    const where = want.step === -1 ? 'at the end of the run' : `after step ${want.step}`;
    if (!got || got.error) {
      first = { step: want.step, query: want.query, missing: [], extra: [], message: `Checked state "${want.query}" could not be read ${where}: ${got?.error ?? 'the run stopped before it'}.` };
      continue;
    }
    const missing = want.rows && got.rows ? without(want.rows, got.rows) : [];
    const extra = want.rows && got.rows ? without(got.rows, want.rows) : [];
    const counts = want.rows && got.rows ? `${missing.length} row(s) missing, ${extra.length} unexpected` : `${want.count} rows expected, ${got.count} found`;
    const sample = missing[0] ? ` First missing: ${short(missing[0])}.` : extra[0] ? ` First unexpected: ${short(extra[0])}.` : '';
    first = {
      step: want.step,
      query: want.query,
      missing: missing.slice(0, 5),
      extra: extra.slice(0, 5),
      message: `The data in "${want.query}" differs from the reference's ${where}: ${counts}.${sample}`,
    };
  }
  return { compared: expected.length, differing, first };
}

function without(rows: string[], remove: string[]): string[] {
  const counts = new Map<string, number>();
  for (const row of remove) counts.set(row, (counts.get(row) ?? 0) + 1);
  return rows.filter((row) => {
    const left = counts.get(row) ?? 0;
    if (left > 0) counts.set(row, left - 1);
    return left === 0;
  });
}

function short(text: string): string {
  return text.length > 120 ? `${text.slice(0, 117)}...` : text;
}

/** FNV-1a over the row texts: enough to tell two table contents apart. */
function hash(texts: string[]): string {
  let h = 0x811c9dc5;
  for (const text of texts) {
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
    h = Math.imul(h ^ 10, 0x01000193);
  }
  return `${texts.length}:${(h >>> 0).toString(16)}`;
}
