/**
 * Where a lesson's database snapshot is: `scripts/build-snapshots.ts` names each file after a hash
 * of its contents and lists the names in `manifest.json`, which lesson pages read at build time.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The snapshot file name of lesson `slug` in `dir` (e.g. `01-n-plus-one.3f2a9c1b7d4e.tar.gz`).
 * @throws Error saying how to make the snapshots when they are missing
 */
export function snapshotFileOf(dir: string, slug: string): string {
  const manifestPath = join(dir, 'manifest.json');
  const missing = `No database snapshot for lesson ${slug} in ${manifestPath}. Run \`npm run snapshots\` (npm run dev and npm run build do it first).`;
  if (!existsSync(manifestPath)) throw new Error(missing);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, string>;
  const file = manifest[slug];
  if (!file || !existsSync(join(dir, file))) throw new Error(missing);
  return file;
}
