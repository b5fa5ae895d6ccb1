// In a real browser: a new Thai buyer buys the durian, on a desktop and on a 360 px phone.
import { afterAll, beforeAll, describe, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { uniqueEmail } from '../../src/modules/identity/testing.ts';
import { DESKTOP, launchBrowser, PHONE } from './browser.ts';
import { buyDurian } from './flows.ts';
import { startMarketApp, type MarketApp } from './market-app.ts';

let m: MarketApp;
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  m = await startMarketApp();
});
afterAll(async () => {
  await browser?.close();
  await m?.close();
});

describe('a new Thai buyer', () => {
  it('signs up, finds the durian, buys it with a Thai address and sees the order (desktop)', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, locale: 'th-TH' });
    await buyDurian(await context.newPage(), m.baseUrl, {
      label: 'buyer-desktop',
      phone: false,
      email: uniqueEmail('buyer'),
    });
    await context.close();
  });

  it('does the same on a 360 px phone, never scrolling sideways', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'th-TH', isMobile: true, hasTouch: true });
    await buyDurian(await context.newPage(), m.baseUrl, {
      label: 'buyer-phone',
      phone: true,
      email: uniqueEmail('phone'),
    });
    await context.close();
  });
});
