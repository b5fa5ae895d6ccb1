// In a real browser: a buyer applies a platform voucher at checkout, sees the discount and the new
// total, and the order placed records the discount (on a 360 px phone, in Thai).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPlatformVoucher } from '../../src/modules/campaigns/service.ts';
import { systemActor } from '../../src/platform/actor.ts';
import { launchBrowser, PHONE } from './browser.ts';
import { expectAccessible, expectNoSideways, hydrated } from './flows.ts';
import { type MarketApp, startMarketApp } from './market-app.ts';

let m: MarketApp;
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
  m = await startMarketApp();
  await createPlatformVoucher(m.app.db, systemActor('test'), {
    code: 'TALAD100',
    name: { th: 'ลด 100 บาท', zh: '减 100 泰铢', en: '100 baht off' },
    kind: 'amount',
    amountSatang: 10_000,
    minSpendSatang: 50_000,
    perBuyerLimit: 1,
    totalLimit: 10,
    startsAt: new Date(Date.now() - 60_000).toISOString(),
    endsAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
});
afterAll(async () => {
  await browser?.close();
  await m?.close();
});

describe('a voucher at checkout', () => {
  it('shows the discount and the total, and the order records it', async () => {
    const context = await browser.newContext({ viewport: PHONE, locale: 'th-TH', isMobile: true, hasTouch: true });
    const page = await context.newPage();
    // The durian in the cart (as the product page's button does), then the checkout page.
    await page.goto(`${m.baseUrl}/`);
    const added = await page.evaluate(async (variantId) => {
      const res = await fetch('/api/cart/items', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ variantId, quantity: 1 }),
      });
      return res.status;
    }, m.market.durian.variantIds[0]);
    expect(added).toBe(201);
    await page.goto(`${m.baseUrl}/checkout`);
    await page.getByRole('heading', { name: 'ชำระเงิน' }).waitFor();
    await hydrated(page);
    // Durian 1,290 + shipping 50, before the voucher.
    await expect.poll(() => page.getByTestId('quote-total').textContent()).toBe('฿1,340.00');
    await page.getByLabel('โค้ดส่วนลด').fill('nope');
    await page.getByRole('button', { name: 'ใช้โค้ด' }).click();
    await page.getByRole('alert').getByText('ไม่พบโค้ดส่วนลด NOPE').waitFor();
    await page.getByLabel('โค้ดส่วนลด').fill('talad100');
    await page.getByRole('button', { name: 'ใช้โค้ด' }).click();
    await expect.poll(() => page.getByTestId('quote-total').textContent()).toBe('฿1,240.00');
    await expect.poll(() => page.getByTestId('discount').textContent()).toBe('−฿100.00');
    await expectAccessible(page, 'voucher-checkout');
    await expectNoSideways(page, 'voucher-checkout');

    await page.getByLabel('ชื่อ-นามสกุลผู้รับ').fill('สมหญิง ใจดี');
    await page.getByLabel('เบอร์โทรผู้รับ').fill('081-234-5678');
    await page.getByLabel('บ้านเลขที่').fill('99/1');
    await page.getByLabel('จังหวัด', { exact: true }).selectOption({ label: 'จันทบุรี' });
    const district = page.getByLabel('อำเภอ / เขต');
    await expect.poll(() => district.isEnabled()).toBe(true);
    await district.selectOption({ label: 'เมืองจันทบุรี' });
    await page.getByLabel('ตำบล / แขวง').selectOption({ label: 'ตลาด' });
    await expect.poll(() => page.getByLabel('รหัสไปรษณีย์').inputValue()).toBe('22000');
    await page.getByRole('button', { name: 'ยืนยันการสั่งซื้อ' }).click();
    await page.getByRole('heading', { name: /ขอบคุณ/ }).waitFor();

    const groupId = page.url().split('/').pop()!;
    const group: any = await page.evaluate(async (id) => (await fetch(`/api/order-groups/${id}`)).json(), groupId);
    expect(group.totalSatang).toBe(124_000);
    expect(group.orders[0].discounts).toEqual([
      expect.objectContaining({
        kind: 'platform_voucher',
        code: 'TALAD100',
        amountSatang: 10_000,
        fundedBy: 'platform',
      }),
    ]);
    await context.close();
  });
});
