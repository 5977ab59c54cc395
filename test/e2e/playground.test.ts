import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hasBrowser, launch } from '../../scripts/chromium.ts';
import { buildSiteIfStale, serveSite } from '../../scripts/static-site.ts';
import { freshContext, gotoLesson, pasteCode, runAndWait, savedFile } from '../helpers/lesson-page.ts';

describe.skipIf(!hasBrowser)('a lesson page in a real browser (static build)', () => {
  let browser: Browser;
  let site: Awaited<ReturnType<typeof serveSite>>;
  let page: Page;

  let context: BrowserContext | undefined;
  beforeAll(async () => {
    buildSiteIfStale();
    site = await serveSite();
    browser = await launch();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await site?.stop();
  });

  /**
   * Opens a lesson in a browser context of its own, as a first visit (nothing saved), and waits
   * for Ready: every test starts from there, so one failing does not leave the next a broken page.
   */
  const open = async (slug: string) => {
    await context?.close();
    context = await freshContext(browser);
    page = await context.newPage();
    await gotoLesson(page, site.url, slug);
  };
  const solution = readFileSync(new URL('../../lessons/01-n-plus-one/solution.ts', import.meta.url), 'utf8');
  const starter = readFileSync(new URL('../../lessons/01-n-plus-one/starter.ts', import.meta.url), 'utf8');
  const setCode = (file: string, text: string) => pasteCode(page, file, text);
  /**
   * Line `index` (0-based) as the first editor shows it: found through its line number, because
   * Monaco reuses its line elements in any DOM order. Monaco draws spaces as no-break spaces.
   */
  const lineIn = async (tab: Page, index: number) => {
    // Only the lines in view are drawn: go to the top first.
    await tab.locator('.monaco-host[data-ready]').first().click();
    await tab.keyboard.press('ControlOrMeta+Home');
    return tab
      .locator('.monaco-host')
      .first()
      .evaluate((host, number) => {
        const numbered = [...host.querySelectorAll('.line-numbers')].find((element) => element.textContent?.trim() === String(number));
        const top = (numbered?.parentElement as HTMLElement | undefined)?.style.top;
        const line = [...host.querySelectorAll<HTMLElement>('.view-line')].find((element) => top !== undefined && element.style.top === top);
        return (line?.innerText ?? '').replace(/\u00a0/g, ' ');
      }, index + 1);
  };
  const lineText = (index: number) => lineIn(page, index);
  const savedCode = (slug: string, file: string) => savedFile(page, slug, file);
  const run = () => runAndWait(page);

  it('boots lesson 1 from its snapshot, fails the starter on a check, and shows a wrong answer beside the expected one', async () => {
    await open('01-n-plus-one');
    await run();
    const checks = page.getByRole('list', { name: 'Checks' }).getByRole('listitem');
    await expect.poll(() => checks.count()).toBe(3);
    await expect.poll(() => checks.filter({ hasText: 'At most 3 queries per request: failed' }).count()).toBe(1);
    await expect.poll(() => checks.filter({ hasText: 'Same answers as the reference: passed' }).count()).toBe(1);
    // Screen readers hear how the run went, once.
    expect(await page.locator('.run-news').innerText()).toBe('Run finished: 1 of 3 checks passed.');
    expect(await page.locator('.run-news').getAttribute('aria-live')).toBe('polite');
    const table = page.getByRole('region', { name: 'Before and after' }).getByRole('row', { name: /Queries per request/ });
    expect(await table.innerText()).toMatch(/Queries per request \(most\)\s+41\s+41/);
    // App CPU is measured and on the clock: a figure, never "0.00 ms" (a coarse clock says "< 0.1 ms").
    const before = page.getByRole('region', { name: 'Before and after' });
    const cpu = await before.getByRole('row', { name: /App CPU, measured/ }).innerText();
    expect(cpu).toMatch(/App CPU, measured \(all requests\)\s+(<\s)?\d[\d.]* ms\s+(<\s)?\d[\d.]* ms/);
    expect(cpu).not.toMatch(/\s0\.00 ms/);
    expect(await before.locator('.legend').innerText()).toMatch(
      /app CPU \(measured\)\s+database \(measured\)\s+waiting for a connection \(simulated\)\s+network \(simulated\)/,
    );
    const queries = page.getByRole('region', { name: 'Queries' });
    expect(await queries.innerText()).toMatch(/select name from users where id=\?\s*N\+1: 20x in one request\s+400x/);
    // The line a shape ran from is one click away: the editor gets the focus, with the cursor there.
    await queries.getByRole('row', { name: /select name from users/ }).getByRole('button', { name: 'line 29' }).click();
    await expect.poll(() => page.locator('.monaco-host .line-numbers.active-line-number').first().innerText()).toBe('29');
    expect(await page.evaluate(() => document.activeElement?.closest('.monaco-host') !== null)).toBe(true);
    await page.screenshot({ path: join(tmpdir(), 'fastpath-e2e-starter-run.png'), fullPage: true });
    // The same page, a fix that gets the order wrong: the first mismatch, beside what was expected.
    await setCode('handler.ts', solution.replace('ORDER BY p.created_at DESC, p.id DESC`', 'ORDER BY p.id ASC`'));
    await run();
    const mismatch = page.getByRole('region', { name: 'First mismatch' });
    await mismatch.waitFor({ timeout: 30_000 });
    expect(await mismatch.innerText()).toContain('The same items, in a different order: the order matters here.');
  });

  it('type-checks as you type, knowing the handler API from fastpath, and marks an SQL syntax error after Run', async () => {
    await open('01-n-plus-one');
    await setCode('handler.ts', starter.replace('const posts = await db.query(', 'const posts = await db.qurey('));
    // Exactly one squiggle, on the typo: it is only caught because db is typed by the fastpath
    // declarations (without them db is any and nothing is marked).
    // Monaco draws only the lines in view: bring the typo's line (19) into view.
    await page.keyboard.press('ControlOrMeta+Home');
    for (let line = 1; line < 19; line++) await page.keyboard.press('ArrowDown');
    const squiggles = page.locator('.monaco-host .squiggly-error');
    await expect.poll(() => squiggles.count(), { timeout: 30_000 }).toBe(1);
    // An SQL syntax error is found by running: marked on its line, and listed.
    const code = "export async function getFeed(input, { db }) {\n  return db.query('SELEC id FROM posts');\n}\n";
    await setCode('handler.ts', code);
    // Let the type checker mark what it marks (implicit any) before counting.
    await page.waitForTimeout(1500);
    const typeErrors = await squiggles.count();
    await run();
    // The run's error is marked in the editor too: one more squiggle than the type checker's.
    await expect.poll(() => squiggles.count(), { timeout: 30_000 }).toBe(typeErrors + 1);
    const errors = page.getByRole('list', { name: 'Errors' }).getByRole('listitem');
    await expect.poll(() => errors.allInnerTexts(), { timeout: 30_000 }).toEqual(['handler.ts:2: syntax error at or near "SELEC" (20 times)']);
    // Editing away the marked line must not break the page (the marker belongs to the old text).
    await setCode('handler.ts', 'export {};');
    await expect.poll(() => savedCode('01-n-plus-one', 'handler.ts')).toBe('export {};');
    expect(await page.getByRole('button', { name: 'Run' }).count()).toBe(1);
  });

  it('keeps an edit and the hints shown across a reload', async () => {
    await open('01-n-plus-one');
    const edited = `// my attempt\n${starter}`;
    await setCode('handler.ts', edited);
    await expect.poll(() => savedCode('01-n-plus-one', 'handler.ts')).toBe(edited);
    // The hints come one at a time, the one shown gets the focus.
    const hints = page.getByRole('region', { name: 'Hints' }).getByRole('listitem', { includeHidden: true });
    expect(await hints.count()).toBe(3);
    await expect.poll(() => hints.filter({ visible: true }).count()).toBe(0);
    await page.getByRole('button', { name: 'Show hint 1 of 3' }).click();
    expect(await hints.filter({ visible: true }).allInnerTexts()).toEqual([expect.stringMatching(/^Open the query log/)]);
    expect(await hints.first().evaluate((item) => item === document.activeElement)).toBe(true);
    await page.reload();
    await page.getByRole('status').filter({ hasText: 'Ready' }).waitFor({ timeout: 60_000 });
    await page.locator('.monaco-host[data-ready]').waitFor({ timeout: 60_000 });
    expect(await lineText(0)).toBe('// my attempt');
    expect(await savedCode('01-n-plus-one', 'handler.ts')).toBe(edited);
    await expect.poll(() => hints.filter({ visible: true }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Show hint 2 of 3' }).isVisible()).toBe(true);
  });

  it('shows an edit made in another tab of the same lesson', async () => {
    await open('01-n-plus-one');
    const other = await context!.newPage();
    await other.goto(`${site.url}/lessons/01-n-plus-one/`);
    await other.locator('.monaco-host[data-ready]').waitFor({ timeout: 60_000 });
    try {
      const edited = `// typed in the first tab\n${starter}`;
      await setCode('handler.ts', edited);
      const otherFirstLine = () => lineIn(other, 0);
      // Each look clicks into the other tab, which takes over a second on a busy machine.
      await expect.poll(otherFirstLine, { timeout: 15_000 }).toBe('// typed in the first tab');
      // Typing on in the first tab keeps every keystroke, and the second tab keeps following.
      await page.keyboard.press('ControlOrMeta+Home');
      await page.keyboard.type('// and more ');
      await expect.poll(() => savedCode('01-n-plus-one', 'handler.ts')).toBe(`// and more ${edited}`);
      await page.waitForTimeout(500);
      expect(await savedCode('01-n-plus-one', 'handler.ts')).toBe(`// and more ${edited}`);
      await expect.poll(otherFirstLine, { timeout: 15_000 }).toBe('// and more // typed in the first tab');
    } finally {
      await other.close();
    }
  });


  it('stops an infinite loop, says so, and keeps the code', async () => {
    await open('01-n-plus-one');
    const loop = 'export async function getFeed() {\n  while (true) {}\n}\n';
    await setCode('handler.ts', loop);
    await page.keyboard.press('ControlOrMeta+Enter');
    await page.getByRole('list', { name: 'Errors' }).getByText('Your code ran longer than 10 s, an infinite loop?').waitFor({ timeout: 30_000 });
    expect(await page.locator('.run-news').innerText()).toBe('The run did not finish: see the error below.');
    expect(await savedCode('01-n-plus-one', 'handler.ts')).toBe(loop);
    expect(await lineText(1)).toBe('  while (true) {}');
    await page.getByRole('status').filter({ hasText: 'Ready' }).waitFor({ timeout: 60_000 });
  });

  it('resets to the starter only when confirmed, and can undo the reset', async () => {
    await open('01-n-plus-one');
    const before = `// my work\n${starter}`;
    await setCode('handler.ts', before);
    await expect.poll(() => savedCode('01-n-plus-one', 'handler.ts')).toBe(before);
    // From the keyboard: the question takes the focus (on Cancel), Escape gives it back.
    const focused = () => page.evaluate(() => document.activeElement?.textContent?.trim());
    await page.getByRole('button', { name: 'Reset to starter' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('Cancel');
    await page.keyboard.press('Escape');
    await expect.poll(focused).toBe('Reset to starter');
    await page.getByRole('button', { name: 'Reset to starter' }).click();
    await page.getByRole('button', { name: 'Cancel' }).click();
    expect(await savedCode('01-n-plus-one', 'handler.ts')).toBe(before);
    await page.getByRole('button', { name: 'Reset to starter' }).click();
    await page.getByRole('button', { name: 'Yes, reset' }).click();
    await expect.poll(() => savedCode('01-n-plus-one', 'handler.ts')).toBe(starter);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => savedCode('01-n-plus-one', 'handler.ts')).toBe(before);
    // The editor's own undo takes a reset back too.
    await page.getByRole('button', { name: 'Reset to starter' }).click();
    await page.getByRole('button', { name: 'Yes, reset' }).click();
    await expect.poll(() => savedCode('01-n-plus-one', 'handler.ts')).toBe(starter);
    await page.locator('.monaco-host[data-ready]').click();
    await page.keyboard.press('ControlOrMeta+Z');
    await expect.poll(() => savedCode('01-n-plus-one', 'handler.ts')).toBe(before);
    // Once the replacement is edited, Undo goes away rather than throw that work away.
    await page.getByRole('button', { name: 'Reset to starter' }).click();
    await page.getByRole('button', { name: 'Yes, reset' }).click();
    await expect.poll(() => savedCode('01-n-plus-one', 'handler.ts')).toBe(starter);
    await setCode('handler.ts', `// new work\n${starter}`);
    await expect.poll(() => page.getByRole('button', { name: 'Undo' }).count()).toBe(0);
  });

  it('shows the solution beside the code, uses it only when asked, solves with it, runs it under another round trip, and marks the lesson solved on the map', async () => {
    await open('01-n-plus-one');
    expect(await page.getByRole('button', { name: 'Show solution' }).count()).toBe(0); // not before a first run
    const before = `// my attempt\n${starter}`;
    await setCode('handler.ts', before);
    await run();
    await page.getByRole('button', { name: 'Show solution' }).click();
    await page.getByRole('figure', { name: 'Solution: handler.ts' }).locator('.monaco-diff-editor').waitFor({ timeout: 30_000 });
    expect(await savedCode('01-n-plus-one', 'handler.ts')).toBe(before);
    await page.getByRole('button', { name: 'Use solution' }).click();
    await expect.poll(() => savedCode('01-n-plus-one', 'handler.ts')).toBe(solution);
    expect(await lineText(0)).toBe(solution.split('\n')[0]);

    // The solution passes every check.
    await page.getByRole('button', { name: 'Run' }).click();
    const checks = page.getByRole('list', { name: 'Checks' }).getByRole('listitem');
    await expect.poll(() => checks.filter({ hasText: ': passed' }).count(), { timeout: 30_000 }).toBe(3);
    const table = page.getByRole('region', { name: 'Before and after' }).getByRole('row', { name: /Queries per request/ });
    expect(await table.innerText()).toMatch(/Queries per request \(most\)\s+41\s+1/);
    expect(await page.getByRole('region', { name: 'Solved' }).innerText()).toContain('Every query pays a round trip');

    // Under another simulated round trip, on request: said so, not graded, and kept in the history.
    await page.getByLabel('Round trip').selectOption('20');
    await page.getByRole('button', { name: 'Run' }).click();
    const model = page.getByRole('region', { name: 'Before and after' }).locator('.model');
    await expect.poll(() => model.innerText(), { timeout: 30_000 }).toMatch(/round trips \(20 ms each\)/);
    expect(await page.getByText('The goals count only at the lesson’s setting').count()).toBe(1);
    expect(await page.getByRole('region', { name: 'Solved' }).count()).toBe(0);
    const history = page.getByRole('region', { name: 'Your runs' }).getByRole('listitem');
    expect(await history.first().innerText()).toMatch(/3\/3 goals, median \d+\.\d+ ms, 1 queries per request \(round trip 20 ms\)/);
    // The starter is measured once per page; on request, again, with a run of the code beside it.
    const runsBefore = await history.count();
    await page.getByRole('button', { name: 'Measure the starter again' }).click();
    await expect.poll(() => history.count(), { timeout: 30_000 }).toBe(runsBefore + 1);

    // The course map says solved.
    await page.goto(`${site.url}/`);
    const card = page.getByRole('listitem').filter({ hasText: 'The feed that asks 41 questions' });
    expect(await card.innerText()).toContain('solved');
    expect(await page.getByRole('listitem').filter({ hasText: 'Cache it, then keep it true' }).innerText()).not.toContain('solved');
    // The map's sections are the tracks of lessons/tracks.yaml that have lessons, by their order,
    // then the learner's progress.
    expect(await page.getByRole('heading', { level: 2 }).allInnerTexts()).toEqual(['Round trips', 'Moving less data', 'Indexes and plans', 'Caching', 'Work outside the database', 'Your progress']);
  });

  it("shows the sequential scan in the index lesson's plan, and passes after a CREATE INDEX in migration.sql", async () => {
    await open('02-missing-index');
    await run();
    const plan = page.getByRole('figure', { name: 'Your plan' });
    await plan.waitFor({ timeout: 30_000 });
    expect(await plan.innerText()).toMatch(/Seq Scan on orders[\s\S]*Sequential scan on orders read \d+ rows/);
    // The files are tabs: the arrow keys move between them.
    await page.getByRole('tab', { name: 'handler.ts' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('tab', { name: 'migration.sql' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.getByRole('tabpanel', { name: 'handler.ts' }).isHidden()).toBe(true);
    await setCode('migration.sql', "CREATE INDEX ON orders (customer_id) WHERE status = 'open';");
    await run();
    const checks = page.getByRole('list', { name: 'Checks' }).getByRole('listitem');
    await expect.poll(() => checks.filter({ hasText: ': passed' }).count(), { timeout: 30_000 }).toBe(4);
    // Postgres counted the rows each request read: the whole table before, a few dozen after.
    const rowsRead = await page.getByRole('region', { name: 'Before and after' }).getByRole('row', { name: /Table rows read by Postgres/ }).innerText();
    expect(rowsRead).toMatch(/10000105\s+\d{2,3}$/);
  });

  const cacheStarter = readFileSync(new URL('../../lessons/03-cache-aside/starter.ts', import.meta.url), 'utf8');

  it("flags a query nobody awaited, with its line one click away, then shows the solution's cache panel and the flash sale's timeline", async () => {
    await open('03-cache-aside');
    const sent = "  await db.query('UPDATE products";
    const line = cacheStarter.split('\n').findIndex((text) => text.startsWith(sent)) + 1;
    await setCode('handler.ts', cacheStarter.replace(sent, "  db.query('UPDATE products"));
    await run();
    const activeLine = () => page.locator('.monaco-host .line-numbers.active-line-number').first().innerText();
    const error = page.getByRole('list', { name: 'Errors' }).getByRole('listitem').filter({ hasText: 'still running' });
    expect(await error.innerText()).toMatch(new RegExp(`^handler\\.ts:${line}: updatePrice\\(\\) returned while the query from line ${line}`));
    const update = page.getByRole('region', { name: 'Queries' }).getByRole('row', { name: /update products/ });
    expect(await update.innerText()).toMatch(/not awaited: \d+x/);
    await update.getByRole('button', { name: `line ${line}` }).click();
    await expect.poll(activeLine, { timeout: 10_000 }).toBe(String(line));
    await page.keyboard.press('ControlOrMeta+Home'); // away, so the next click is what brings the cursor back
    await expect.poll(activeLine, { timeout: 10_000 }).toBe('1');
    await error.getByRole('button', { name: `handler.ts:${line}` }).click();
    await expect.poll(activeLine, { timeout: 10_000 }).toBe(String(line));
    expect(await page.evaluate(() => document.activeElement?.closest('.monaco-host') !== null)).toBe(true);
    // The lesson's solution: its cache in figures, and the flash sale on the clock.
    await setCode('handler.ts', readFileSync(new URL('../../lessons/03-cache-aside/solution.ts', import.meta.url), 'utf8'));
    const news = page.locator('.run-news');
    const previous = await news.innerText();
    await page.getByRole('button', { name: 'Run' }).click();
    // This run's news: it says "Running..." first, and the last one differed (an error ended it).
    const finished = async () => {
      const text = await news.innerText();
      return text !== previous && text.startsWith('Run finished') ? text : `(not yet) ${text}`;
    };
    await expect.poll(finished, { timeout: 60_000 }).toMatch(/^Run finished/);
    const cache = page.getByRole('region', { name: 'Cache' });
    await cache.waitFor({ timeout: 60_000 });
    // The crawler's 210 first visits miss in any cache.
    expect(await cache.getByRole('row', { name: /Hit rate/ }).innerText()).toMatch(/Hit rate\s+67%/);
    expect(await cache.getByRole('row', { name: /Stale reads/ }).innerText()).toMatch(/Stale reads\s+0/);
    // The flash sale is concurrent traffic: its requests on the clock, the starter's beside them.
    const timeline = page.getByRole('region', { name: 'Concurrent traffic' });
    const summary = /^220 requests over 5\.0 s; p95 (< )?\d[\d.]* ms; \d+ waited for a connection/;
    for (const side of ['Starter', 'Yours']) {
      const caption = await timeline.getByRole('figure', { name: new RegExp(`^${side}:`) }).locator('figcaption').innerText();
      expect(caption.slice(side.length + 2)).toMatch(summary);
    }
    // Three handlers: each one's figures, so the cheap writes do not hide the reads under test.
    const before = page.getByRole('region', { name: 'Before and after' });
    expect(await before.getByRole('row', { name: /^getProductSummary\(\): Queries per request/ }).innerText()).toMatch(/\s3\s+0\.\d\d$/);
    expect(await before.getByRole('row', { name: /^updatePrice\(\): p95/ }).count()).toBe(1);
  });
});
