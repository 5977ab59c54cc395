/**
 * Every lesson of the curriculum, as a learner meets it: the starter misses a goal in the browser,
 * the lesson's solution meets them all. The first three lessons have tests of their own
 * (playground.test.ts and lesson-page.test.ts); this covers the rest, in one browser context.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hasBrowser, launch } from '../../scripts/chromium.ts';
import { buildSiteIfStale, serveSite } from '../../scripts/static-site.ts';
import { COURSE_LESSONS_DIR, listLessonSlugs } from '../../src/lessons/lessons-dir.ts';
import { readLesson } from '../../src/lessons/read-lessons.ts';
import { freshContext, gotoLesson, pasteCode, runAndWait, waitForReady } from '../helpers/lesson-page.ts';

const COVERED_ELSEWHERE = new Set(['01-n-plus-one', '02-missing-index', '03-cache-aside']);
const slugs = listLessonSlugs(COURSE_LESSONS_DIR).filter((slug) => !COVERED_ELSEWHERE.has(slug));

describe.skipIf(!hasBrowser || slugs.length === 0)('each lesson of the curriculum in a real browser', () => {
  let browser: Browser;
  let site: Awaited<ReturnType<typeof serveSite>>;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    buildSiteIfStale();
    site = await serveSite();
    browser = await launch();
    // One context for every lesson: each keeps its own files (keys by slug), and later lessons reuse
    // what the first one downloaded and compiled (Postgres, the editor) as a returning learner would.
    context = await freshContext(browser);
  }, 300_000);
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await site?.stop();
  });

  /** The solution's files pasted into the page's editors. */
  async function pasteSolution(page: Page, slug: string): Promise<void> {
    const folder = join(COURSE_LESSONS_DIR, slug);
    await pasteCode(page, 'handler.ts', readFileSync(join(folder, 'solution.ts'), 'utf8'));
    if (existsSync(join(folder, 'solution.sql'))) await pasteCode(page, 'migration.sql', readFileSync(join(folder, 'solution.sql'), 'utf8'));
  }

  /**
   * The data-scale control, once, on the first lesson that offers other sizes: at its largest, the
   * page seeds that size, runs the solution ungraded and says so; back at 1x it is Ready again.
   */
  const scaled = slugs.find((slug) => readLesson(COURSE_LESSONS_DIR, slug).frontmatter.scales);
  async function exploreOtherSize(page: Page, slug: string): Promise<void> {
    const largest = Math.max(...readLesson(COURSE_LESSONS_DIR, slug).frontmatter.scales!);
    const news = page.locator('.run-news');
    const size = page.getByRole('group', { name: 'Data size' });
    await size.getByLabel('Rows').selectOption(String(largest));
    await page.getByRole('status').filter({ hasText: `Seeding ${largest}x the lesson's data` }).waitFor({ timeout: 10_000 });
    await waitForReady(page);
    await expect.poll(() => size.innerText(), { timeout: 30_000 }).toMatch(new RegExp(`Runs now use ${largest}x the lesson's data: for exploring, not graded\\. \\w+: [\\d,]+ rows`));
    await page.getByRole('button', { name: 'Run' }).click();
    await expect.poll(() => news.innerText(), { timeout: 90_000 }).toMatch(new RegExp(`^Run finished at ${largest}x the lesson's data \\(not graded: the goals count at its own size\\): \\d+ of \\d+ checks passed`));
    expect(await page.getByRole('region', { name: 'Solved' }).count()).toBe(0);
    await size.getByLabel('Rows').selectOption('1');
    await size.getByText('The goals count only at 1x.').waitFor();
    await waitForReady(page);
  }

  // A Run near a goal is measured three times, so a lesson can take a minute on a slow machine.
  it.each(slugs)('%s: the starter misses a goal, the solution meets every one', { timeout: 180_000 }, async (slug) => {
    const page = await context!.newPage();
    await gotoLesson(page, site.url, slug);
    const news = page.locator('.run-news');

    await runAndWait(page);
    await expect.poll(() => news.innerText(), { timeout: 60_000 }).toMatch(/^Run finished: \d+ of \d+ checks passed\.$/);
    const [, passed, total] = /(\d+) of (\d+)/.exec(await news.innerText())!.map(Number);
    expect(passed).toBeLessThan(total);

    await pasteSolution(page, slug);
    await page.getByRole('button', { name: 'Run' }).click();
    // The news of the first Run stays until this one ends: wait for the one that says all passed.
    await expect.poll(() => news.innerText(), { timeout: 60_000 }).toBe(`Run finished: ${total} of ${total} checks passed.`);
    await page.getByRole('region', { name: 'Solved' }).waitFor();
    if (slug === scaled) await exploreOtherSize(page, slug);
    await page.close();
  });
});
