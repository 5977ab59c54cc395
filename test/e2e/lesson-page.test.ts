import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { hasBrowser, launch } from '../../scripts/chromium.ts';
import { buildSiteIfStale, serveSite } from '../../scripts/static-site.ts';
import { freshContext, gotoLesson, pasteCode, runAndWait, savedFile } from '../helpers/lesson-page.ts';

/** The page's layout, share links and progress files, in a real browser on the static build. */
describe.skipIf(!hasBrowser)('the lesson page', () => {
  let browser: Browser;
  let site: Awaited<ReturnType<typeof serveSite>>;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    buildSiteIfStale();
    site = await serveSite();
    browser = await launch();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });
  afterEach(async () => {
    for (const context of contexts.splice(0)) await context.close();
  });
  const newPage = async (viewport?: { width: number; height: number }): Promise<Page> => {
    const context = await freshContext(browser, { viewport });
    contexts.push(context);
    return context.newPage();
  };
  /** The part of an element inside the window, in px of height (0 when out of view). */
  const heightInView = (locator: Locator) =>
    locator.evaluate((element) => {
      const box = element.getBoundingClientRect();
      return Math.max(0, Math.min(box.bottom, innerHeight) - Math.max(box.top, 0));
    });
  const boxOf = async (page: Page, selector: string) => (await page.locator(selector).boundingBox())!;

  it('puts the prose beside the playground at 1280x800, and keeps the checks in view after Run', async () => {
    const page = await newPage({ width: 1280, height: 800 });
    await gotoLesson(page, site.url, '02-missing-index');
    const prose = await boxOf(page, '.lesson-prose');
    const work = await boxOf(page, '.lesson-work');
    expect(prose.x + prose.width).toBeLessThanOrEqual(work.x);
    expect(work.y).toBeLessThan(100); // the editor starts at the top, not under the story
    await runAndWait(page);
    const checks = page.getByRole('list', { name: 'Checks' });
    await expect.poll(() => checks.getByRole('listitem').count()).toBe(4);
    // The first checks and Run are on screen together, without scrolling the page.
    expect(await heightInView(checks)).toBeGreaterThan(100);
    expect(await heightInView(page.getByRole('button', { name: 'Run' }))).toBeGreaterThan(0);
    expect(await page.evaluate(() => scrollY)).toBe(0);
    // Each side scrolls on its own: scrolling the story leaves the results where they are.
    const checksTop = (await checks.boundingBox())!.y;
    await page.locator('.lesson-prose').evaluate((prose) => prose.scrollBy(0, 600));
    expect((await checks.boundingBox())!.y).toBe(checksTop);
  });

  it('moves the divider with the keyboard and remembers where it was; keeps one column on a narrow screen, the story first', async () => {
    const page = await newPage({ width: 1280, height: 800 });
    await gotoLesson(page, site.url, '01-n-plus-one');
    const divider = page.getByRole('separator', { name: 'Resize the lesson and the playground' });
    const before = (await boxOf(page, '.lesson-prose')).width;
    await divider.focus();
    for (let step = 0; step < 5; step++) await page.keyboard.press('ArrowRight');
    const after = (await boxOf(page, '.lesson-prose')).width;
    expect(after).toBeGreaterThan(before + 80);
    expect(Number(await divider.getAttribute('aria-valuenow'))).toBe(48);
    await page.reload();
    expect((await boxOf(page, '.lesson-prose')).width).toBeCloseTo(after, -1);
    // On a narrow screen (the width remembered or not): one column, no divider, the story first.
    await page.setViewportSize({ width: 800, height: 900 });
    await expect.poll(() => page.getByRole('separator').isVisible()).toBe(false);
    const prose = await boxOf(page, '.lesson-prose');
    expect((await boxOf(page, '.lesson-work')).y).toBeGreaterThanOrEqual(prose.y + prose.height);
  });

  describe('share links', () => {
    const slug = '01-n-plus-one';
    const solution = readFileSync(new URL(`../../lessons/${slug}/solution.ts`, import.meta.url), 'utf8');
    /** The first line the handler editor shows. */
    const firstLine = (page: Page) => page.locator('.monaco-host[data-ready] .view-lines').first().evaluate((lines) => (lines as HTMLElement).innerText.split('\n')[0].replace(/\u00a0/g, ' '));
    /** A share link of each code, copied from one page (each is pasted, then Copy link). */
    const copyLinks = async (...codes: string[]) => {
      const page = await newPage();
      await gotoLesson(page, site.url, slug);
      const links: string[] = [];
      const clipboard = () => page.evaluate(() => navigator.clipboard.readText());
      for (const code of codes) {
        await pasteCode(page, 'handler.ts', code);
        await page.getByRole('button', { name: 'Copy link' }).click();
        await page.getByText('Link copied').waitFor();
        // Pasting went through the clipboard too: wait for the link to replace the code there.
        await expect.poll(clipboard).toMatch(/#share=/);
        await expect.poll(clipboard).not.toBe(links.at(-1));
        links.push(await clipboard());
      }
      return links;
    };

    it('opens with the shared code beside the saved attempt, runs nothing, and keeps the attempt until asked; says a damaged link could not be read, and shows link text only as text', async () => {
      const [link, htmlLink] = await copyLinks(`// shared by a colleague\n${solution}`, '// <img src=x onerror="window.pwned = true"> <b>bold?</b>\n');
      expect(link).toMatch(new RegExp(`/lessons/${slug}/#share=[\\w-]+$`));
      const page = await newPage();
      await gotoLesson(page, site.url, slug);
      await pasteCode(page, 'handler.ts', '// my own attempt\n');
      await page.goto(link);
      const offer = page.getByRole('region', { name: 'Shared code' });
      await offer.getByRole('figure', { name: 'Shared code: handler.ts' }).waitFor();
      await page.getByRole('status').filter({ hasText: 'Ready' }).waitFor({ timeout: 60_000 });
      await page.locator('.monaco-host[data-ready]').first().waitFor();
      // Nothing ran, nothing was replaced: the editor and the saved file still hold the attempt.
      await page.waitForTimeout(1000);
      expect(await page.getByRole('list', { name: 'Checks' }).count()).toBe(0);
      expect(await page.locator('.run-news').innerText()).toBe('');
      expect(await savedFile(page, slug, 'handler.ts')).toBe('// my own attempt\n');
      expect(await firstLine(page)).toBe('// my own attempt');
      // Keeping mine forgets the link: a reload does not ask again.
      await offer.getByRole('button', { name: 'Keep my code' }).click();
      expect(await offer.count()).toBe(0);
      expect(new URL(page.url()).hash).toBe('');
      await page.reload();
      await page.getByRole('status').filter({ hasText: 'Ready' }).waitFor({ timeout: 60_000 });
      expect(await offer.count()).toBe(0);
      expect(await savedFile(page, slug, 'handler.ts')).toBe('// my own attempt\n');
      // Taking the shared code puts it in the editor (undoably), still without running it.
      await page.goto(link);
      await offer.getByRole('button', { name: 'Use the shared code' }).click();
      await expect.poll(() => savedFile(page, slug, 'handler.ts')).toBe(`// shared by a colleague\n${solution}`);
      await expect.poll(() => firstLine(page)).toBe('// shared by a colleague');
      expect(await page.getByRole('list', { name: 'Checks' }).count()).toBe(0);
      await page.getByRole('button', { name: 'Undo' }).click();
      await expect.poll(() => savedFile(page, slug, 'handler.ts')).toBe('// my own attempt\n');

      // A link cut short says so; a link's text is shown as text, never as HTML.
      const other = await newPage();
      await other.goto(`${htmlLink.slice(0, -12)}`);
      await other.getByRole('alert').filter({ hasText: 'This share link could not be read' }).waitFor();
      expect(await other.getByRole('alert').innerText()).toMatch(/cut short or changed\?\)\. Your own code is unchanged\./);
      expect(await other.getByRole('region', { name: 'Shared code' }).count()).toBe(0);
      await other.goto(htmlLink);
      await other.getByRole('figure', { name: 'Shared code: handler.ts' }).locator('.monaco-diff-editor').waitFor();
      expect(await other.locator('.shared-offer img, .shared-offer b').count()).toBe(0);
      expect(await other.evaluate(() => (window as { pwned?: boolean }).pwned)).toBeUndefined();
    });
  });
  it('exports progress to a file that restores it in a fresh browser', async () => {
    const page = await newPage();
    await gotoLesson(page, site.url, '01-n-plus-one');
    await pasteCode(page, 'handler.ts', readFileSync(new URL('../../lessons/01-n-plus-one/solution.ts', import.meta.url), 'utf8'));
    await runAndWait(page);
    await page.getByRole('region', { name: 'Solved' }).waitFor();
    await gotoLesson(page, site.url, '02-missing-index');
    await pasteCode(page, 'handler.ts', '// halfway there\n');
    await page.goto(`${site.url}/`);
    const card = (title: string) => page.getByRole('listitem').filter({ hasText: title });
    expect(await card('The feed that asks 41 questions').innerText()).toContain('· solved');
    expect(await card('Finding a needle').innerText()).toContain('· attempted');
    expect(await page.getByRole('link', { name: /^Next lesson: / }).innerText()).toBe("Next lesson: Orders, their lines, and each line's product");
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export progress' }).click()]);
    const saved = await download.path();

    const fresh = await newPage();
    await fresh.goto(`${site.url}/`);
    expect(await fresh.getByRole('link', { name: /^Start: / }).count()).toBe(1);
    await fresh.getByLabel('Import progress').setInputFiles(saved);
    const report = fresh.getByRole('status').filter({ hasText: 'Imported progress' });
    expect(await report.innerText()).toMatch(/1 lesson newly solved, 2 attempts restored/);
    const freshCard = (title: string) => fresh.getByRole('listitem').filter({ hasText: title });
    expect(await freshCard('The feed that asks 41 questions').innerText()).toContain('· solved');
    expect(await freshCard('Finding a needle').innerText()).toContain('· attempted');
    await gotoLesson(fresh, site.url, '02-missing-index');
    expect(await savedFile(fresh, '02-missing-index', 'handler.ts')).toBe('// halfway there\n');
    // A file that is not progress changes nothing and says why.
    await fresh.goto(`${site.url}/`);
    await fresh.getByLabel('Import progress').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"lessons": {}}') });
    expect(await fresh.getByRole('status').filter({ hasText: 'Nothing was imported' }).innerText()).toContain('not a Fastpath progress file');
  });
  it("says when the lesson's starter changed since the attempt began, keeps the code, and shows the change", async () => {
    const page = await newPage();
    const slug = '01-n-plus-one';
    await gotoLesson(page, site.url, slug);
    // An attempt begun from an older starter (the lesson was updated since).
    await page.evaluate((slug) => {
      localStorage.setItem(`fastpath:${slug}:handler.ts`, '// my attempt\n');
      localStorage.setItem(`fastpath:${slug}:starter`, '// the starter as it was last month\n');
    }, slug);
    await page.reload();
    const notice = page.getByRole('region', { name: 'The starter changed' });
    await notice.waitFor();
    expect(await savedFile(page, slug, 'handler.ts')).toBe('// my attempt\n');
    await notice.getByRole('button', { name: 'Show what changed' }).click();
    await notice.getByRole('figure', { name: 'Starter changes: handler.ts' }).locator('.monaco-diff-editor').waitFor();
    await notice.getByRole('button', { name: 'Got it' }).click();
    expect(await notice.count()).toBe(0);
    await page.reload();
    await page.getByRole('status').filter({ hasText: 'Ready' }).waitFor({ timeout: 60_000 });
    expect(await notice.count()).toBe(0);
    expect(await savedFile(page, slug, 'handler.ts')).toBe('// my attempt\n');
  });
});
