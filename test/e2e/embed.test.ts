import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { hasBrowser, launch } from '../../scripts/chromium.ts';
import { buildSiteIfStale, serveSite } from '../../scripts/static-site.ts';

/** A docs page on another origin (localhost, where the site is on 127.0.0.1) embedding two exercises. */
function docsPage(site: string): string {
  return `<!doctype html><html><head><title>Our docs</title></head><body>
<h1>Indexes in our API</h1>
<fastpath-exercise id="one" lesson="01-n-plus-one" height="auto"></fastpath-exercise>
<div style="height: 3000px">Much prose.</div>
<fastpath-exercise id="two" lesson="02-missing-index" load="visible" theme="dark"></fastpath-exercise>
<script>
  window.heard = [];
  for (const type of ['fastpath:ready', 'fastpath:run', 'fastpath:result'])
    document.addEventListener(type, (event) => heard.push({ type, id: event.target.id, detail: event.detail }));
</script>
<script src="${site}/embed.js" async></script>
</body></html>`;
}

describe.skipIf(!hasBrowser)('exercises embedded in another site', () => {
  let browser: Browser;
  let site: Awaited<ReturnType<typeof serveSite>>;
  let docs: Server;
  let docsUrl: string;
  beforeAll(async () => {
    buildSiteIfStale();
    site = await serveSite();
    browser = await launch();
    docs = createServer((_, response) => response.writeHead(200, { 'content-type': 'text/html' }).end(docsPage(site.url)));
    await new Promise<void>((resolve) => docs.listen(0, '127.0.0.1', resolve));
    docsUrl = `http://localhost:${(docs.address() as { port: number }).port}/`;
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await site?.stop();
    await new Promise((resolve) => docs?.close(resolve));
  });
  const heard = (page: Page) => page.evaluate(() => (window as unknown as { heard: { type: string; id: string; detail: unknown }[] }).heard);
  /** The iframe's height in the docs page, and its document's height inside (another origin: asked there). */
  const frameHeights = async (page: Page, id: string) => {
    const element = page.locator(`#${id} iframe`);
    const frame = (await (await element.elementHandle())!.contentFrame())!;
    return { frame: (await element.boundingBox())!.height, content: await frame.evaluate(() => document.documentElement.getBoundingClientRect().height) };
  };

  it('boots only what is in view, reports the run and its result, and follows its content in height', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(docsUrl);
    expect(new URL(page.url()).origin).not.toBe(site.url);
    await expect.poll(() => heard(page), { timeout: 60_000 }).toContainEqual({ type: 'fastpath:ready', id: 'one', detail: null });
    // The second exercise is far below: no frame, no database yet.
    expect(await page.locator('#two iframe').count()).toBe(0);
    // A message that did not come from the exercise's frame is not news: no event for it.
    await page.evaluate(() => postMessage({ fastpath: 1, type: 'result', passed: true, checks: [] }, '*'));
    const one = page.frameLocator('#one iframe');
    const before = await page.locator('#one iframe').boundingBox();
    await one.getByRole('button', { name: 'Run' }).click();
    await expect.poll(async () => (await heard(page)).filter((event) => event.type === 'fastpath:result').length, { timeout: 60_000 }).toBe(1);
    const events = await heard(page);
    expect(events.map((event) => `${event.type} ${event.id}`)).toEqual(['fastpath:ready one', 'fastpath:run one', 'fastpath:result one']);
    const result = events[2].detail as { passed: boolean; checks: { id: string; passed: boolean; measured: unknown; target: unknown }[] };
    expect(result.passed).toBe(false);
    expect(result.checks.find((check) => check.id === 'maxQueriesPerRequest')).toEqual({ id: 'maxQueriesPerRequest', label: 'At most 3 queries per request', passed: false, measured: 41, target: 3 });
    // The frame grew with the results, to their height: no inner scroll bar.
    const fits = async () => {
      const { frame, content } = await frameHeights(page, 'one');
      return frame >= content && frame - content <= 6; // its border, and rounding up
    };
    await expect.poll(fits).toBe(true);
    expect((await page.locator('#one iframe').boundingBox())!.height).toBeGreaterThan(before!.height + 200);
    await context.close();
  });

  it('runs one database at a time: starting the second pauses the first, which resumes when asked', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(docsUrl);
    await expect.poll(() => heard(page), { timeout: 60_000 }).toContainEqual({ type: 'fastpath:ready', id: 'one', detail: null });
    await page.locator('#two').scrollIntoViewIfNeeded();
    const two = page.frameLocator('#two iframe');
    // In view, but another exercise runs: it waits for the visitor instead of booting a second database.
    await two.getByRole('status').filter({ hasText: 'runs a real PostgreSQL in your browser once started' }).waitFor({ timeout: 30_000 });
    expect(await two.locator('html').getAttribute('data-theme')).toBe('dark');
    await two.getByRole('button', { name: 'Start the exercise' }).click();
    await expect.poll(() => heard(page), { timeout: 60_000 }).toContainEqual({ type: 'fastpath:ready', id: 'two', detail: null });
    const one = page.frameLocator('#one iframe');
    await one.getByRole('status').filter({ hasText: 'Paused: another exercise on this page is using the database' }).waitFor();
    await one.getByRole('button', { name: 'Resume' }).click();
    await expect.poll(async () => (await heard(page)).filter((event) => event.type === 'fastpath:ready' && event.id === 'one').length, { timeout: 60_000 }).toBe(2);
    await two.getByRole('status').filter({ hasText: 'Paused' }).waitFor();
    await context.close();
  });
});
