import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hasBrowser, launch } from '../../scripts/chromium.ts';
import { buildSiteIfStale, serveSite } from '../../scripts/static-site.ts';

/**
 * Offline use in a real browser: the service worker precaches the shell, keeps a visited lesson's
 * snapshot, saves a whole track on request, and installs a new build without touching the open
 * page. The tests run in order in one browser context, as one learner's visits.
 */
describe.skipIf(!hasBrowser)('the site offline (static build, service worker)', () => {
  let browser: Browser;
  let site: Awaited<ReturnType<typeof serveSite>>;
  let context: BrowserContext;
  let page: Page;
  let online = true;

  beforeAll(async () => {
    buildSiteIfStale();
    site = await serveSite();
    browser = await launch();
    context = await browser.newContext();
    page = await context.newPage();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    if (online) await site?.stop();
  });

  const snapshots = () => JSON.parse(readFileSync(join(site.dist, 'snapshots', 'manifest.json'), 'utf8')) as Record<string, string>;
  /**
   * Cuts the network twice over: Chromium's offline mode does not reach service workers'
   * own fetches (microsoft/playwright#2311), so the server stops too.
   */
  const goOffline = async () => {
    await context.setOffline(true);
    await site.stop();
    online = false;
  };
  /** Serves the site again at the same origin: the service worker and caches belong to it. */
  const goOnline = async () => {
    if (online) return;
    site = await serveSite(site.port);
    await context.setOffline(false);
    online = true;
  };
  /** The page's service worker registration: which worker is in which state (page.waitForFunction would not await). */
  const workers = () =>
    page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return { active: registration?.active?.state, waiting: registration?.waiting?.state, controlled: navigator.serviceWorker.controller !== null };
    });
  /** Waits until a service worker is activated (its precache complete) and controls the page. */
  const serviceWorkerInCharge = () => expect.poll(workers, { timeout: 60_000 }).toMatchObject({ active: 'activated', controlled: true });
  const ready = () => page.getByRole('status').filter({ hasText: 'Ready' }).waitFor({ timeout: 60_000 });
  const isCached = (path: string) => page.evaluate(async (url) => (await caches.match(url)) !== undefined, `${site.url}/${path}`);

  it('keeps the course map and a visited lesson, which boots and runs offline', async () => {
    await page.goto(`${site.url}/`);
    await serviceWorkerInCharge();
    await page.goto(`${site.url}/lessons/01-n-plus-one/`);
    await ready();
    await expect.poll(() => isCached(`snapshots/${snapshots()['01-n-plus-one']}`), { timeout: 30_000 }).toBe(true);

    await goOffline();
    // Really offline: a lesson never opened has its page (the shell has every page) but no database.
    await page.goto(`${site.url}/lessons/03-cache-aside/`);
    await page.getByRole('status').filter({ hasText: 'The database could not start: Could not download the lesson database: the connection failed.' }).waitFor({ timeout: 30_000 });
    await page.goto(`${site.url}/`);
    expect(await page.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(['Round trips', 'Moving less data', 'Indexes and plans', 'Caching', 'Work outside the database', 'Your progress']);
    await page.goto(`${site.url}/lessons/01-n-plus-one/`);
    await ready();
    await page.getByRole('button', { name: 'Run' }).click();
    const checks = page.getByRole('list', { name: 'Checks' }).getByRole('listitem');
    await expect.poll(() => checks.count(), { timeout: 60_000 }).toBe(3);
    // The editor too: Monaco's chunks and workers came from the cache.
    await page.locator('.monaco-host[data-ready]').first().waitFor({ timeout: 30_000 });
  });

  it('makes a track available offline on request, and says so across a reload', async () => {
    await goOnline();
    await page.goto(`${site.url}/`);
    // Caching: one lesson, whose snapshot no page has downloaded yet.
    const track = page.getByRole('region', { name: 'Caching' });
    await track.getByRole('button', { name: 'Make this track available offline' }).click();
    await track.getByText('Available offline', { exact: true }).waitFor({ timeout: 60_000 });
    // Only the snapshot was missing: the page came with the site's shell.
    const snapshotMb = (readFileSync(join(site.dist, 'snapshots', snapshots()['03-cache-aside']!)).length / 1e6).toFixed(1);
    expect(await track.locator('.offline-progress').innerText()).toBe(`(${snapshotMb} MB downloaded)`);
    await page.reload();
    await track.getByText('Available offline', { exact: true }).waitFor();
    expect(await track.getByRole('button').count()).toBe(0);

    // A track not saved still offers it, and says so when the network is gone.
    await goOffline();
    const indexes = page.getByRole('region', { name: 'Indexes and plans' });
    await indexes.getByRole('button', { name: 'Make this track available offline' }).click();
    await indexes
      .getByText('Could not make this track available offline: the connection dropped. Check the connection and try again.')
      .waitFor({ timeout: 30_000 });
    await page.goto(`${site.url}/lessons/03-cache-aside/`);
    await ready();
  });

  it('installs a new build in the background and switches only once no page runs the old one', async () => {
    await goOnline();
    await page.goto(`${site.url}/lessons/01-n-plus-one/`);
    await ready();
    const shellCaches = () => page.evaluate(async () => (await caches.keys()).filter((name) => name.startsWith('fastpath-shell ')));
    const [before] = await shellCaches();
    const file = join(site.dist, 'sw.js');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace(/"version":"(\w+)"/, '"version":"next-build"'));
    try {
      // The browser finds the new sw.js and installs it beside the old one.
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
      await expect.poll(workers, { timeout: 60_000 }).toEqual({ active: 'activated', waiting: 'installed', controlled: true });
      // The open lesson keeps the old one: a Run later, the new one still waits, the old cache stays.
      await page.getByRole('button', { name: 'Run' }).click();
      await page.getByRole('list', { name: 'Checks' }).waitFor({ timeout: 60_000 });
      expect(await workers()).toEqual({ active: 'activated', waiting: 'installed', controlled: true });
      const next = before!.replace(/\S+$/, 'next-build');
      expect(new Set(await shellCaches())).toEqual(new Set([before, next]));
      // Once the lesson's tab has gone, the next visit runs the new build and the old cache is gone.
      // A page opened while the closed one is still going away is a client of the old worker, so
      // the new one keeps waiting (as the browser should): come back, a few times, until it has
      // taken over, as a learner returning later would find it.
      let after: Awaited<ReturnType<typeof workers>> | undefined;
      for (let visit = 0; visit < 10 && (after === undefined || after.waiting !== undefined); visit++) {
        await page.close();
        await new Promise((resolve) => setTimeout(resolve, 1000 * visit));
        page = await context.newPage();
        await page.goto(`${site.url}/`);
        await expect.poll(async () => (after = await workers()).active, { timeout: 30_000 }).toBe('activated');
      }
      expect(after).toEqual({ active: 'activated', waiting: undefined, controlled: true });
      await expect.poll(shellCaches, { timeout: 30_000 }).toEqual([next]);
    } finally {
      writeFileSync(file, original);
    }
  });
});
