// In a real browser: one account signed in on two phones. The second lists the account's devices
// (named by browser and system, last used in the Buddhist calendar), signs the first out, and the
// first is signed out on its next request. "Sign out everywhere else" ends every other device.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signUp, TEST_PASSWORD } from '../../src/modules/identity/testing.ts';
import { launchBrowser, PHONE, screenshot } from './browser.ts';
import { expectAccessible, expectNoSideways, hydrated } from './flows.ts';
import { type MarketApp, startMarketApp } from './market-app.ts';

const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';
const ANDROID =
  'Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36';
const WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0';

let m: MarketApp;
let browser: Browser;
const contexts: BrowserContext[] = [];
beforeAll(async () => {
  browser = await launchBrowser();
  m = await startMarketApp();
});
afterAll(async () => {
  for (const c of contexts) await c.close();
  await browser?.close();
  await m?.close();
});

/** A phone with its own browser, signed in through the sign-in page and sent on to the devices page. */
async function signedInPhone(email: string, userAgent: string, prefix = ''): Promise<Page> {
  const context = await browser.newContext({ viewport: PHONE, isMobile: true, userAgent, locale: 'th-TH' });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${m.baseUrl}${prefix}/signin?next=${encodeURIComponent(`${prefix}/account/sessions`)}`);
  await hydrated(page);
  await page.locator('input[name="identifier"]').fill(email);
  await page.locator('input[name="password"]').fill(TEST_PASSWORD);
  await page.locator('main form button[type="submit"]').click();
  await page.waitForURL(`**${prefix}/account/sessions`);
  await hydrated(page);
  return page;
}

const apiStatus = (page: Page) =>
  page.evaluate(async () => (await fetch('/api/auth/sessions', { credentials: 'same-origin' })).status);

describe('an account signs out its other devices', () => {
  it('lists the devices and revokes one; the revoked phone is signed out on its next request', async () => {
    const account = await signUp(m.app, { displayName: 'สมศรี มีสุข' });
    const iphone = await signedInPhone(account.email!, IPHONE);
    const android = await signedInPhone(account.email!, ANDROID);

    // The header leads a signed-in person to their account.
    await android.goto(`${m.baseUrl}/`);
    await hydrated(android);
    await android.getByRole('link', { name: 'บัญชีของฉัน' }).click();
    await android.getByRole('heading', { name: 'อุปกรณ์ที่เข้าสู่ระบบ' }).waitFor();
    await hydrated(android);
    const devices = android.locator('.device');
    // The in-process sign-up is a session too: three devices, this one first.
    await expect.poll(() => devices.count()).toBe(3);
    const first = await devices.first().textContent();
    expect(first).toContain('Chrome บน Android');
    expect(first).toContain('อุปกรณ์นี้');
    // Last used today, in the Buddhist era (2569 for 2026).
    expect(first).toContain(String(new Date().getFullYear() + 543));
    const theIphone = devices.filter({ hasText: 'Safari บน iPhone' });
    await expect.poll(() => theIphone.count()).toBe(1);
    await screenshot(android, 'sessions-01-devices-th');
    await expectAccessible(android, 'devices page (th)');
    await expectNoSideways(android, 'devices page (th)');

    expect(await apiStatus(iphone)).toBe(200);
    await theIphone.getByRole('button', { name: 'ออกจากระบบอุปกรณ์นี้' }).click();
    await android.getByRole('status').filter({ hasText: 'ออกจากระบบอุปกรณ์นั้นแล้ว' }).waitFor();
    await expect.poll(() => devices.count()).toBe(2);
    expect(await devices.filter({ hasText: 'iPhone' }).count()).toBe(0);

    // The iPhone's next API call is refused, and the page it opens next asks it to sign in.
    expect(await apiStatus(iphone)).toBe(401);
    await iphone.reload();
    await iphone.waitForURL('**/signin?next=**');
    await iphone.getByRole('heading', { name: 'เข้าสู่ระบบ' }).waitFor();
    expect(await iphone.getByRole('link', { name: 'บัญชีของฉัน' }).count()).toBe(0);
    // The Android phone is still signed in.
    expect(await apiStatus(android)).toBe(200);
  });

  it('signs out everywhere else, in Chinese and English too', async () => {
    const account = await signUp(m.app, { displayName: 'Li Wei', locale: 'zh' });
    const laptop = await signedInPhone(account.email!, WINDOWS, '/en');
    const phone = await signedInPhone(account.email!, ANDROID, '/zh');
    await phone.getByRole('heading', { name: '已登录的设备' }).waitFor();
    expect(await phone.locator('.device').first().textContent()).toContain('Android 上的 Chrome');
    await screenshot(phone, 'sessions-02-devices-zh');
    await expectNoSideways(phone, 'devices page (zh)');
    await laptop.reload();
    await hydrated(laptop);
    await laptop.getByRole('heading', { name: 'Signed-in devices' }).waitFor();
    expect(await laptop.locator('.device').first().textContent()).toContain('Edge on Windows');
    await screenshot(laptop, 'sessions-03-devices-en');
    await expectAccessible(laptop, 'devices page (en)');

    await phone.getByRole('button', { name: '退出除本设备外的所有设备' }).click();
    await phone.getByRole('status').filter({ hasText: '已将其他 2 台设备退出登录' }).waitFor();
    expect(await phone.locator('.device').count()).toBe(1);
    expect(await phone.getByText('此账号仅在本设备上登录').count()).toBe(1);
    expect(await apiStatus(laptop)).toBe(401);
    expect(await apiStatus(phone)).toBe(200);
    await laptop.reload();
    await laptop.waitForURL('**/en/signin?next=**');
  });
});
