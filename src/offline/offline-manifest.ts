/**
 * What the service worker keeps for offline use, shared by the three places that need it: the
 * build (`offline-integration.ts` writes the manifest into `sw.js`), the service worker itself, and
 * the course map's "Make this track available offline" buttons (`src/client/offline.ts`). Plain
 * functions on strings, so the build can run them in Node and the browser in a worker or a page.
 *
 * Paths are relative to the site's root (`base` in astro.config.mjs) and resolved against the
 * service worker's scope, so one `sw.js` works under any base path.
 */

/** One lesson that can be used offline: its page and its database snapshot. */
export interface OfflineLesson {
  /** The lesson page, e.g. `lessons/01-n-plus-one/`. */
  page: string;
  /** Its snapshot, e.g. `snapshots/01-n-plus-one.f7926514838d.tar.gz`. */
  snapshot: string;
}

/** The build's list of what to keep, written into `sw.js` (a new build gives a new `sw.js`). */
export interface OfflineManifest {
  /** A hash of every precached file's contents and of the snapshot names. */
  version: string;
  /** Precached at install: the course map, every lesson page, and the JS, CSS, wasm and fonts. */
  shell: string[];
  /** Files under this folder have a content hash in their names (Astro's `build.assets`). */
  immutablePrefix: string;
  /** Every lesson; a snapshot is cached when first used, or for a track made available offline. */
  lessons: OfflineLesson[];
}

/** Where the snapshots are published (`public/snapshots/`, see scripts/build-snapshots.ts). */
export const SNAPSHOT_DIR = 'snapshots/';

/**
 * The URL paths to precache, from the relative paths of the files in `dist/`: every file but the
 * service worker, the snapshots (too big to take all of them unasked: cached when used instead)
 * and the benchmark pages (`src/pages/bench/`, for `npm run bench` only). `x/index.html` is
 * requested as `x/`, the way pages link to each other.
 */
export function shellPaths(distFiles: string[], serviceWorkerFile: string): string[] {
  return distFiles
    .filter((file) => file !== serviceWorkerFile && !file.startsWith(SNAPSHOT_DIR) && !file.startsWith('bench/') && !file.endsWith('.map'))
    .map((file) => (file === 'index.html' ? '' : file.replace(/(^|\/)index\.html$/, '$1')))
    .sort();
}

/**
 * The lesson a snapshot belongs to: snapshots are named `<slug>.<hash>.tar.gz`, and slugs have no
 * dots (src/lessons/parse-lesson.ts). Used to fetch a lesson's new snapshot when an older one of
 * it is cached.
 */
export function snapshotSlug(path: string): string | undefined {
  return /(?:^|\/)([^/.]+)\.[0-9a-f]+\.tar\.gz$/.exec(path)?.[1];
}

/**
 * The cache of the site served at `scope` (an absolute URL ending in `/`) that holds the files
 * kept at runtime: snapshots. Not versioned, as snapshot names carry a content hash; the service
 * worker drops the ones a new build no longer names. The scope is part of every cache name: two
 * Fastpath sites on one origin (under two base paths) share its caches, and neither may delete
 * the other's.
 */
export function runtimeCacheName(scope: string): string {
  return `fastpath-runtime ${scope}`;
}

/** The start of the names of the site's precache, one per version: `<prefix><version>`. */
export function shellCachePrefix(scope: string): string {
  return `fastpath-shell ${scope} `;
}
