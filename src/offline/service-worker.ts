/**
 * The service worker that keeps Fastpath usable offline (docs/architecture.md, "Offline"). Bundled
 * by `offline-integration.ts` into `dist/sw.js` after the build, behind the build's manifest.
 *
 * - Install: precache the shell (every page, the JS, CSS, PGlite's wasm and data, Monaco and its
 *   workers) into a cache named after the build's version, and the snapshots of lessons in use.
 * - Fetch: content-hashed files (`_astro/`, snapshots) cache-first; pages network-first, falling
 *   back to the saved copy when the network fails or is slow; snapshots saved as they are first used.
 * - Update: a new build's worker installs in the background and waits (no skipWaiting): it takes
 *   over only once no tab runs the old version, so no page has its files swapped mid-lesson. On
 *   activate it deletes the old version's cache and the snapshots the build no longer names.
 */
import { runtimeCacheName, shellCachePrefix, snapshotSlug, SNAPSHOT_DIR, type OfflineManifest } from './offline-manifest.ts';

// The few service-worker types used here (the project's TypeScript lib is the DOM's, not webworker's).
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(response: Promise<Response>): void;
}
interface ServiceWorkerScope {
  readonly registration: ServiceWorkerRegistration;
  readonly clients: {
    claim(): Promise<void>;
    matchAll(options: { type: 'window'; includeUncontrolled: boolean }): Promise<ReadonlyArray<{ readonly url: string }>>;
  };
  addEventListener(type: 'install' | 'activate', listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', listener: (event: FetchEvent) => void): void;
}
declare const self: ServiceWorkerScope;
/** Written in front of this code by the build. */
declare const FASTPATH_OFFLINE: OfflineManifest;

/** How long a page may take to come from the network before its saved copy is shown (bad wifi). */
const NETWORK_PATIENCE_MS = 3000;
/** Downloads at once while precaching: enough to fill a link, few enough to leave room for the page. */
const PARALLEL_DOWNLOADS = 3;

const manifest = FASTPATH_OFFLINE;
const scope = self.registration.scope;
const shellCache = `${shellCachePrefix(scope)}${manifest.version}`;
const runtimeCache = runtimeCacheName(scope);
const absolute = (path: string) => new URL(path, scope).href;
const shellUrls = new Set(manifest.shell.map(absolute));
const snapshotUrls = new Set(manifest.lessons.map((lesson) => absolute(lesson.snapshot)));
const immutableRoot = absolute(manifest.immutablePrefix);
const snapshotRoot = absolute(SNAPSHOT_DIR);

self.addEventListener('install', (event) => event.waitUntil(install()));
self.addEventListener('activate', (event) => event.waitUntil(activate()));
self.addEventListener('fetch', (event) => {
  const { request } = event;
  // Other origins, and other sites on this origin (another base path), are none of this worker's business.
  if (request.method !== 'GET' || !request.url.startsWith(scope)) return;
  const url = withoutQuery(request.url);
  if (request.mode === 'navigate') event.respondWith(page(request, url));
  else if (url.startsWith(snapshotRoot) && url.endsWith('.tar.gz')) event.respondWith(snapshot(event, request, url));
  else if (url.startsWith(immutableRoot) || shellUrls.has(url)) event.respondWith(cacheFirst(request, url));
});

async function install(): Promise<void> {
  const cache = await caches.open(shellCache);
  await inParallel([...shellUrls], (url) => save(cache, url, url.startsWith(immutableRoot)));
  await saveSnapshotsInUse();
}

/**
 * Keeps the snapshots this device uses through an update: those of lessons open in a tab (on a
 * first visit the lesson downloaded its snapshot before this worker existed) and of lessons with
 * a snapshot already cached (used before, or in a track made available offline), in this build's
 * version when it changed.
 */
async function saveSnapshotsInUse(): Promise<void> {
  const cache = await caches.open(runtimeCache);
  const cached = new Set((await cache.keys()).map((request) => snapshotSlug(request.url)));
  const open = new Set((await self.clients.matchAll({ type: 'window', includeUncontrolled: true })).map((client) => withoutQuery(client.url)));
  const wanted = manifest.lessons.filter((lesson) => open.has(absolute(lesson.page)) || cached.has(snapshotSlug(lesson.snapshot)));
  await inParallel(
    wanted.map((lesson) => absolute(lesson.snapshot)),
    (url) => save(cache, url, true),
  );
}

/** Puts `url` in `cache` unless there already (an install of this version that failed midway). */
async function save(cache: Cache, url: string, immutable: boolean): Promise<void> {
  if (await cache.match(url)) return;
  // A content-hashed file is the same in every version: an update copies what the last one saved
  // and downloads only what changed.
  const copy = immutable ? await caches.match(url) : undefined;
  if (copy) return cache.put(url, copy);
  // One the page has downloaded already comes from the HTTP cache; a page is revalidated, so the
  // cache holds this build's copy.
  const response = await fetch(url, { cache: immutable ? 'force-cache' : 'no-cache' });
  if (!response.ok) throw new Error(`Could not precache ${url}: HTTP ${response.status}`);
  // A redirected response cannot answer a navigation: keep the body and headers only.
  await cache.put(url, response.redirected ? new Response(response.body, response) : response);
}

async function activate(): Promise<void> {
  // Only now, with no page left on the old version (no skipWaiting), may its files go.
  const prefix = shellCachePrefix(scope);
  for (const name of await caches.keys()) if (name.startsWith(prefix) && name !== shellCache) await caches.delete(name);
  const runtime = await caches.open(runtimeCache);
  for (const request of await runtime.keys()) if (!snapshotUrls.has(request.url)) await runtime.delete(request);
  // On a first visit, serve the open page's later requests (Monaco's workers, a restarted lesson
  // worker) from the cache too; it is the build the cache was made from.
  await self.clients.claim();
}

/** Network first, so an online visit always gets the newest pages; the saved copy when offline or slow. */
async function page(request: Request, url: string): Promise<Response> {
  const network = fetch(request);
  const first = await Promise.race([network.catch(() => 'failed' as const), wait(NETWORK_PATIENCE_MS, 'slow' as const)]);
  if (first instanceof Response && first.status < 500) return first;
  const saved = await savedPage(url);
  if (saved) return saved;
  if (first instanceof Response) return first;
  return first === 'failed' ? notSaved() : network.catch(notSaved);
}

/** A page from this version's shell, or saved by "Make this track available offline" (runtime). */
async function savedPage(url: string): Promise<Response | undefined> {
  const candidates = url.endsWith('/') ? [url] : [url, `${url}/`];
  for (const name of [shellCache, runtimeCache]) {
    const cache = await caches.open(name);
    for (const candidate of candidates) {
      const hit = await cache.match(candidate);
      if (hit) return hit;
    }
  }
  return undefined;
}

/**
 * A content-hashed file (or the unhashed favicon) from the cache. A hashed file may come from any
 * version's cache: a page of a newer build, fetched online, may use files only the next worker,
 * still waiting, has saved.
 */
async function cacheFirst(request: Request, url: string): Promise<Response> {
  const cached = url.startsWith(immutableRoot) ? await caches.match(url) : await (await caches.open(shellCache)).match(url);
  return cached ?? fetch(request);
}

/** A snapshot, saved as it first streams to the lesson worker: the worker reads one copy, the cache the other. */
async function snapshot(event: FetchEvent, request: Request, url: string): Promise<Response> {
  const cache = await caches.open(runtimeCache);
  const cached = await cache.match(url);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) event.waitUntil(cache.put(url, response.clone()));
  return response;
}

function notSaved(): Response {
  const body = `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Offline · Fastpath</title>
<p>You are offline, and this page is not saved on this device. <a href="${scope}">The course map</a> says which tracks are.</p></html>`;
  return new Response(body, { status: 503, statusText: 'Offline', headers: { 'content-type': 'text/html; charset=utf-8' } });
}

function withoutQuery(url: string): string {
  const parsed = new URL(url);
  parsed.search = '';
  parsed.hash = '';
  return parsed.href;
}

function wait<T>(ms: number, value: T): Promise<T> {
  return new Promise((resolve) => setTimeout(() => resolve(value), ms));
}

/** Runs `task` on every item, PARALLEL_DOWNLOADS at a time; rejects with the first failure. */
async function inParallel<T>(items: T[], task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: PARALLEL_DOWNLOADS }, lane));
}
