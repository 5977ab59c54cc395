/**
 * Every lesson of the curriculum, as a learner meets it: the starter misses a goal in the browser,
 * the lesson's solution meets them all. The first three lessons have tests of their own
 * (playground.test.ts and lesson-page.test.ts); this covers the rest, in one browser context.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { hasBrowser, launch } from '../../scripts/chromium.ts';
import { buildSiteIfStale, serveSite } from '../../scripts/static-site.ts';
import { COURSE_LESSONS_DIR, listLessonSlugs } from '../../src/lessons/lessons-dir.ts';
import { freshContext, gotoLesson, pasteCode, runAndWait } from '../helpers/lesson-page.ts';

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

  // A Run near a goal is measured three times, so a lesson can take a minute on a slow machine.
  it.each(slugs)('%s: the starter misses a goal, the solution meets every one', { timeout: 120_000 }, async (slug) => {
    const page = await context!.newPage();
    await gotoLesson(page, site.url, slug);
    const news = page.locator('.run-news');

    await runAndWait(page);
    await expect.poll(() => news.innerText(), { timeout: 60_000 }).toMatch(/^Run finished: \d+ of \d+ checks passed\.$/);
    const [, passed, total] = /(\d+) of (\d+)/.exec(await news.innerText())!.map(Number);
    expect(passed).toBeLessThan(total);

    const folder = join(COURSE_LESSONS_DIR, slug);
    await pasteCode(page, 'handler.ts', readFileSync(join(folder, 'solution.ts'), 'utf8'));
    if (existsSync(join(folder, 'solution.sql'))) await pasteCode(page, 'migration.sql', readFileSync(join(folder, 'solution.sql'), 'utf8'));
    await page.getByRole('button', { name: 'Run' }).click();
    // The news of the first Run stays until this one ends: wait for the one that says all passed.
    await expect.poll(() => news.innerText(), { timeout: 60_000 }).toBe(`Run finished: ${total} of ${total} checks passed.`);
    await page.getByRole('region', { name: 'Solved' }).waitFor();
    await page.close();
  });
});
