/**
 * Where a lesson's database snapshot is: `scripts/build-snapshots.ts` names each file after a hash
 * of its contents and lists the names in `manifest.json`, which lesson pages read at build time.
 * Beside it, `source.json` says which lessons folder the snapshots were built from, so a site built
 * from one folder never serves the snapshots of another (the same slug may hold other data there).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file beside `manifest.json` that names the lessons folder the snapshots came from. */
export const SOURCE_FILE = 'source.json';

/** What `source.json` holds. */
export interface SnapshotSource {
  /** `folderKey()` of the lessons folder: a hash, so the published file does not show the builder's paths. */
  lessons: string;
}

/** A short key for an absolute lessons folder path: the first 12 hex digits of its SHA-256. */
export function folderKey(lessonsDir: string): string {
  return createHash('sha256').update(lessonsDir).digest('hex').slice(0, 12);
}

/**
 * The snapshot file name of lesson `slug` in `dir` (e.g. `01-n-plus-one.3f2a9c1b7d4e.tar.gz`).
 * @param lessonsDir the lessons folder the site is built from; the snapshots must come from it
 * @throws Error saying how to make the snapshots when they are missing or from another folder
 */
export function snapshotFileOf(dir: string, slug: string, lessonsDir: string): string {
  const manifestPath = join(dir, 'manifest.json');
  const missing = `No database snapshot for lesson ${slug} in ${manifestPath}. Run \`npm run snapshots\` (npm run dev and npm run build do it first).`;
  if (!existsSync(manifestPath)) throw new Error(missing);
  const sourcePath = join(dir, SOURCE_FILE);
  const source = existsSync(sourcePath) ? (JSON.parse(readFileSync(sourcePath, 'utf8')) as Partial<SnapshotSource>) : {};
  if (source.lessons !== folderKey(lessonsDir)) {
    throw new Error(
      `The database snapshots in ${dir} were built from another lessons folder than ${lessonsDir}. Run \`npm run snapshots\` with the same FASTPATH_LESSONS as the build (npm run dev and npm run build do it first).`,
    );
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, string>;
  const file = manifest[slug];
  if (!file || !existsSync(join(dir, file))) throw new Error(missing);
  return file;
}
