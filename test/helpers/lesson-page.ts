/**
 * What the end-to-end tests do on a lesson page, as a person would: open it in a fresh browser
 * context and wait for Ready, paste code into an editor, click Run and wait for the results.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';

/** Options of a fresh context: the clipboard (how the tests put code into Monaco), a viewport. */
export interface OpenOptions {
  viewport?: { width: number; height: number };
}

/**
 * A new context (nothing saved: a first visit) whose clipboard the page may use. No service worker:
 * its precaching would share the cores with timed checks (test/e2e/offline.test.ts tests it).
 */
export function freshContext(browser: Browser, { viewport }: OpenOptions = {}): Promise<BrowserContext> {
  return browser.newContext({ serviceWorkers: 'block', permissions: ['clipboard-read', 'clipboard-write'], ...(viewport ? { viewport } : {}) });
}

/** Goes to a lesson page and waits until its status says Ready. */
export async function gotoLesson(page: Page, siteUrl: string, slug: string, hash = ''): Promise<void> {
  await page.goto(`${siteUrl}/lessons/${slug}/${hash}`);
  await waitForReady(page);
}

/** Waits for the database to be up. */
export async function waitForReady(page: Page): Promise<void> {
  await page.getByRole('status').filter({ hasText: 'Ready' }).waitFor({ timeout: 60_000 });
}

/** Replaces the text of an editor (Monaco once loaded) by pasting it. */
export async function pasteCode(page: Page, file: string, text: string): Promise<void> {
  await page.getByRole('tab', { name: file }).click();
  const editor = page.getByRole('tabpanel', { name: file }).locator('.monaco-host[data-ready]');
  await editor.waitFor({ timeout: 60_000 });
  await page.evaluate((value) => navigator.clipboard.writeText(value), text);
  await editor.click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('ControlOrMeta+V');
}

/** Clicks Run and waits for the checks (or the errors) of the run. */
export async function runAndWait(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Run' }).click();
  await page.getByRole('list', { name: /Checks|Errors/ }).first().waitFor({ timeout: 60_000 });
}

/** The text the page saved for a learner's file. */
export function savedFile(page: Page, slug: string, file: string): Promise<string | null> {
  return page.evaluate((key) => localStorage.getItem(key), `fastpath:${slug}:${file}`);
}
