/** Lesson pages find their snapshot, and only one built from the lessons folder the site is built from. */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { folderKey, snapshotFileOf, SOURCE_FILE } from '../src/lessons/snapshot-manifest.ts';

/** A snapshots folder as build-snapshots.ts leaves it, built from `lessonsDir` (no source.json when undefined). */
function snapshots(lessonsDir: string | undefined): string {
  const dir = mkdtempSync(join(tmpdir(), 'fastpath-snapshots-'));
  writeFileSync(join(dir, '01-tiny.0123456789ab.tar.gz'), '');
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ '01-tiny': '01-tiny.0123456789ab.tar.gz' }));
  if (lessonsDir !== undefined) writeFileSync(join(dir, SOURCE_FILE), JSON.stringify({ lessons: folderKey(lessonsDir) }));
  return dir;
}

describe('snapshotFileOf', () => {
  it("gives the lesson's file when the snapshots come from the same lessons folder", () => {
    expect(snapshotFileOf(snapshots('/work/acme/lessons'), '01-tiny', '/work/acme/lessons')).toBe('01-tiny.0123456789ab.tar.gz');
  });

  it('refuses snapshots built from another lessons folder, or from an unknown one', () => {
    for (const source of ['/work/fastpath/lessons', undefined]) {
      const dir = snapshots(source);
      expect(() => snapshotFileOf(dir, '01-tiny', '/work/acme/lessons')).toThrow(
        `The database snapshots in ${dir} were built from another lessons folder than /work/acme/lessons. Run \`npm run snapshots\``,
      );
    }
  });

  it('says how to make a snapshot that is missing', () => {
    expect(() => snapshotFileOf(snapshots('/l'), '02-other', '/l')).toThrow(/^No database snapshot for lesson 02-other in .*manifest\.json\. Run `npm run snapshots`/);
  });

  it('keeps the path out of the published source.json', () => {
    expect(folderKey('/home/alice/acme/lessons')).toMatch(/^[0-9a-f]{12}$/);
    expect(folderKey('/home/alice/acme/lessons')).not.toBe(folderKey('/home/alice/acme/lessons2'));
  });
});
