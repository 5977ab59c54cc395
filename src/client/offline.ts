/**
 * The course map's "Make this track available offline" buttons. Each track's box lists the URLs
 * of its lesson pages and snapshots (`data-offline-files`); a click waits for the service worker
 * to have the site's shell, then saves every one of those files not saved yet, showing progress.
 * Whether a track is available offline is read from the caches themselves, so it survives reloads
 * and stops being claimed once the files are gone (a browser clearing storage, an update that
 * changed a lesson).
 */
import { runtimeCacheName } from '../offline/offline-manifest.ts';
import { siteScope, whenShellSaved } from './service-worker.ts';

/** Shows each track's button where offline use is possible (built site, a browser with caches). */
export function setUpOfflineButtons(): void {
  if (import.meta.env.DEV || !('serviceWorker' in navigator) || !('caches' in window)) return;
  for (const box of document.querySelectorAll<HTMLElement>('[data-offline-files]')) void setUp(box);
}

async function setUp(box: HTMLElement): Promise<void> {
  const files = JSON.parse(box.dataset.offlineFiles ?? '[]') as string[];
  const button = box.querySelector('button')!;
  // The live region speaks each step once; the figures beside it change with every chunk, silently.
  const status = box.querySelector<HTMLElement>('.offline-status')!;
  const progress = box.querySelector<HTMLElement>('.offline-progress')!;
  const show = (step: string, figures = '') => {
    if (status.textContent !== step) status.textContent = step;
    progress.textContent = figures;
  };
  box.hidden = false;
  if (await isSaved(files)) {
    button.hidden = true;
    return show('Available offline');
  }
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const bytes = await saveFiles(files, show);
      button.hidden = true;
      show('Available offline', `(${megabytes(bytes)} downloaded)`);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      show(`Could not make this track available offline: ${reason}. Check the connection and try again.`);
    } finally {
      button.disabled = false;
    }
  });
}

/** True when the service worker is active (its shell complete) and every file is in a cache. */
async function isSaved(files: string[]): Promise<boolean> {
  const registration = await navigator.serviceWorker.getRegistration(siteScope());
  if (!registration?.active) return false;
  const hits = await Promise.all(files.map((url) => caches.match(url)));
  return hits.every(Boolean);
}

/** Saves each file not in a cache yet into the runtime cache, which the service worker reads; resolves with the bytes downloaded. */
async function saveFiles(files: string[], show: (step: string, figures?: string) => void): Promise<number> {
  show('Saving the site’s files first…');
  await whenShellSaved();
  // Ask the browser not to clear the cache when the disk fills up: this device is meant to work offline.
  void navigator.storage?.persist?.().catch(() => false);
  const cache = await caches.open(runtimeCacheName(siteScope()));
  let bytes = 0;
  for (const [index, url] of files.entries()) {
    const progress = () => show('Saving this track…', `${index + 1} of ${files.length} files, ${megabytes(bytes)}`);
    progress();
    if (await caches.match(url)) continue;
    const body = await download(url, (chunk) => {
      bytes += chunk;
      progress();
    });
    await cache.put(url, body);
  }
  return bytes;
}

/** The response for `url`, read to the end (reporting each chunk's size), ready to cache. */
async function download(url: string, onChunk: (bytes: number) => void): Promise<Response> {
  try {
    const response = await fetch(url);
    if (!response.ok || !response.body) throw new Error(`${url} answered HTTP ${response.status}`);
    const chunks: Uint8Array[] = [];
    const reader = response.body.getReader();
    for (let read = await reader.read(); !read.done; read = await reader.read()) {
      chunks.push(read.value);
      onChunk(read.value.byteLength);
    }
    return new Response(new Blob(chunks as BlobPart[]), { headers: response.headers });
  } catch (error) {
    // fetch() and the reader fail with a bare TypeError ("Failed to fetch") when the network drops.
    throw error instanceof TypeError ? new Error('the connection dropped') : error;
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
