// In a real browser at 360 px, in Thai: a shop subscribes an endpoint to topics in the seller
// centre; a private address is refused with the reason in Thai; a public one is saved with its own
// whsec_ secret and can be disabled. (The resolver is the test's: nothing leaves the machine.)
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhooksModule } from '../../src/modules/webhooks/index.ts';
import { launchBrowser, PHONE, screenshot } from './browser.ts';
import { expectAccessible, expectNoSideways, hydrated } from './flows.ts';
import { type MarketApp, startMarketApp } from './market-app.ts';

let m: MarketApp;
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  m = await startMarketApp();
  m.app.platform.runtime(webhooksModule).resolve = async (host) =>
    host === 'hooks.orchard.example' ? ['93.184.216.34'] : ['10.0.0.7'];
});
afterAll(async () => {
  await browser?.close();
  await m?.close();
});

describe('webhooks in the seller centre', () => {
  it('refuses a private address, saves a public endpoint with its secret, disables it', async () => {
    const shop = m.market.durian.seller;
    const context = await browser.newContext({ viewport: PHONE, locale: 'th-TH', isMobile: true, hasTouch: true });
    const session = shop.cookie
      .split('; ')
      .find((c) => c.startsWith('talad_session='))
      ?.split('=')[1];
    await context.addCookies([{ name: 'talad_session', value: session!, url: m.baseUrl }]);
    const page = await context.newPage();
    await page.goto(`${m.baseUrl}/seller/${shop.sellerId}/webhooks`);
    await hydrated(page);
    await page.getByRole('heading', { name: 'Webhook ไปยังระบบของร้าน' }).waitFor();
    await page.getByText('ยังไม่มีปลายทาง').waitFor();

    await page.getByLabel('ที่อยู่ปลายทาง (https://…)').fill('http://intranet.orchard.example/hook');
    await page.getByRole('button', { name: 'เพิ่มปลายทาง' }).click();
    await page
      .getByText(/ใช้ที่อยู่นี้รับ webhook ไม่ได้ \(private\)/)
      .first()
      .waitFor();

    await page.getByLabel('ที่อยู่ปลายทาง (https://…)').fill('https://hooks.orchard.example/talad');
    await page.getByLabel('คำอธิบาย').fill('ระบบสต็อกของสวน');
    await page.getByLabel('สต็อกใกล้หมด', { exact: true }).check();
    await page.getByRole('button', { name: 'เพิ่มปลายทาง' }).click();
    const endpoint = page.locator('[data-endpoint]');
    await endpoint.getByText('https://hooks.orchard.example/talad').waitFor();
    expect(await endpoint.getByText('ชำระเงินแล้ว · จัดส่งแล้ว · คืนเงินแล้ว · สต็อกใกล้หมด').count()).toBe(1);
    expect(await endpoint.locator('code').textContent()).toMatch(/^whsec_[A-Za-z0-9+/=]{44}$/);
    await expectAccessible(page, 'webhooks');
    await expectNoSideways(page, 'webhooks');
    await screenshot(page, 'webhooks-phone-01-endpoint');

    await endpoint.getByRole('button', { name: 'ปิดใช้งาน' }).click();
    await expect.poll(() => endpoint.getAttribute('data-endpoint')).toBe('disabled');
    await endpoint.getByText('ประวัติการส่ง').click();
    await endpoint.getByText('ยังไม่มีการส่ง').waitFor();
    await context.close();
  });
});
