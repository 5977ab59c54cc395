/**
 * The real browser for end-to-end tests: Debian's Chromium through playwright-core. Without one,
 * the tests are skipped with a notice saying how to install it, except under CI, where a missing
 * browser is a failure.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Where Debian installs Chromium (`apt-get install chromium`). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** True when end-to-end tests can run here. */
export const hasBrowser = existsSync(CHROMIUM);

if (!hasBrowser) {
  const notice = `\n*** End-to-end tests SKIPPED: no Chromium at ${CHROMIUM}. Install it with: apt-get update && apt-get install -y chromium ***\n`;
  if (process.env.CI) throw new Error(`${notice}CI is set, so a missing browser is a failure.`);
  console.warn(notice);
}

/** Launches headless Chromium with the flags this sandbox needs. */
export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
}
