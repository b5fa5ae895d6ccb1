// The browser for the web tests: Debian's Chromium driven by playwright-core (never a downloaded
// browser). A machine without it fails the tests with a message saying how to install it.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const SCREENSHOTS = join(import.meta.dirname, '../../test-results/screenshots');

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM}: the browser tests need it. Install it with \`apt-get update && apt-get install -y chromium\` (or set CHROMIUM_PATH).`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export const PHONE = { width: 360, height: 780 };
export const DESKTOP = { width: 1280, height: 900 };

/** A 360 px touch phone in `locale`, signed in with the session of `cookie` (a Cookie header) if given. */
export async function phoneContext(
  browser: Browser,
  baseUrl: string,
  cookie?: string | null,
  locale = 'th-TH',
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: PHONE, locale, isMobile: true, hasTouch: true });
  const session = cookie
    ?.split('; ')
    .find((c) => c.startsWith('talad_session='))
    ?.split('=')[1];
  if (session) await context.addCookies([{ name: 'talad_session', value: session, url: baseUrl }]);
  return context;
}

/** Saves a full-page screenshot under test-results/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}
