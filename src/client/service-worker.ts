/**
 * The page's side of the offline service worker (src/offline/service-worker.ts, built into
 * `dist/sw.js`): every page of the built site registers it once loaded, under the site's base
 * path. `npm run dev` registers none (and its `sw.js` removes one left by `npm run preview`, see
 * src/offline/offline-integration.ts), so the dev server's pages always come from the dev server.
 */
import { siteUrl } from '../site/url.ts';

/** The service worker's scope: the site's root URL, with its base path. */
export function siteScope(): string {
  return new URL(siteUrl('/'), location.href).href;
}

/** Registers the service worker (built site only); `undefined` where there is none. */
export async function registerServiceWorker(): Promise<ServiceWorkerRegistration | undefined> {
  if (import.meta.env.DEV || !('serviceWorker' in navigator)) return undefined;
  return navigator.serviceWorker.register(siteUrl('/sw.js'), { scope: siteUrl('/') });
}

/**
 * Registers after the page's own load: precaching then does not compete with the page's first
 * requests. Not from a page marked `data-no-offline` (an exercise embedded in another site, whose
 * visitors did not come for 29 MB of course saved in the background).
 */
export function registerWhenLoaded(): void {
  if (document.body.hasAttribute('data-no-offline')) return;
  const register = () => registerServiceWorker().catch((error: unknown) => console.warn('Offline use is unavailable:', error));
  if (document.readyState === 'complete') void register();
  else addEventListener('load', () => void register(), { once: true });
}

/**
 * Resolves once a service worker is active for this site: by then every page and file of the
 * site's shell is in its cache (installing failed otherwise).
 * @throws Error saying why the site cannot be kept offline
 */
export async function whenShellSaved(): Promise<ServiceWorkerRegistration> {
  const registration = await registerServiceWorker();
  if (!registration) throw new Error('this browser cannot keep sites offline');
  const worker = registration.active ?? registration.waiting ?? registration.installing;
  if (!worker) throw new Error('the site’s service worker did not start');
  await new Promise<void>((resolve, reject) => {
    const check = () => {
      if (worker.state === 'activating' || worker.state === 'activated') resolve();
      // The installing worker gives up when a download fails: the shell is not complete.
      else if (worker.state === 'redundant') reject(new Error('the site’s files did not all download'));
    };
    worker.addEventListener('statechange', check);
    check();
  });
  return registration;
}
