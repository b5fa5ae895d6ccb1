// In a real browser at 360 px, in Thai: a delivered durian order; the buyer asks for a return with a
// photo, the shop accepts, the buyer gets the return label (a real PDF, read back) and posts the
// parcel, the carrier sandbox delivers it back to the shop, the refund follows, and the buyer sees
// "refunded" with the amount.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { paidOrder } from '../../src/modules/hub/testing.ts';
import { advanceOrderByCarrier } from '../../src/modules/orders/index.ts';
import { advanceCarrierSandbox, sandboxShipping } from '../../src/modules/shipping/testing.ts';
import { systemActor } from '../../src/platform/actor.ts';
import { drainOutbox } from '../db.ts';
import { pdfToText } from '../pdftotext.ts';
import { PNG } from '../uploads.ts';
import { launchBrowser, phoneContext, screenshot } from './browser.ts';
import { expectAccessible, expectNoSideways, hydrated } from './flows.ts';
import { type MarketApp, startMarketApp } from './market-app.ts';

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

const phone = (cookie: string) => phoneContext(browser, m.baseUrl, cookie);

const look = async (page: import('playwright-core').Page, name: string) => {
  await expectAccessible(page, name);
  await expectNoSideways(page, name);
  await screenshot(page, `returns-phone-${name}`);
};

describe('a return that is refunded', () => {
  it('goes from the buyer’s request with a photo to "refunded" with the amount', async () => {
    const durian = m.market.durian;
    const order = await paidOrder(m.app, durian.variantIds[0], 1);
    await m.app.db.transaction(async (tx) => {
      await advanceOrderByCarrier(tx, systemActor('shipping'), order.orderId, 'shipped', 'EB000000015TH');
      await advanceOrderByCarrier(tx, systemActor('shipping'), order.orderId, 'delivered');
    });
    await drainOutbox(m.app);

    const buyer = await phone(order.buyerCookie);
    const page = await buyer.newPage();
    await page.goto(`${m.baseUrl}/orders/${order.orderId}`);
    await hydrated(page);
    await page.getByRole('link', { name: 'ขอคืนสินค้า / คืนเงิน' }).click();
    await page.getByRole('heading', { name: 'ขอคืนสินค้าหรือคืนเงิน' }).waitFor();
    await hydrated(page);
    await page.getByLabel('เหตุผล').selectOption({ label: 'สินค้าเสียหาย' });
    await page.getByLabel('ส่งสินค้าคืนแล้วรับเงินคืน').check();
    await page.getByLabel('รายละเอียดเพิ่มเติม').fill('เปลือกแตก มีน้ำซึม');
    await page.getByLabel('รูปถ่ายสินค้า (JPEG, PNG หรือ WebP)').setInputFiles({
      name: 'durian.png',
      mimeType: 'image/png',
      buffer: PNG,
    });
    await look(page, '01-request');
    await page.getByRole('button', { name: 'ส่งคำขอ' }).click();
    const status = page.locator('[data-return-status]');
    await expect.poll(() => status.getAttribute('data-return-status')).toBe('requested');
    await page.getByTestId('return-status').getByText('รอร้านตอบ').waitFor();
    await page.getByRole('img', { name: 'รูปถ่าย' }).waitFor();
    const returnUrl = page.url();
    await look(page, '02-requested');

    const shop = await phone(durian.seller.cookie);
    const shopPage = await shop.newPage();
    await shopPage.goto(`${m.baseUrl}/seller/${durian.seller.sellerId}/returns`);
    await hydrated(shopPage);
    await shopPage.getByRole('link', { name: 'เปิดดู' }).click();
    await shopPage.getByRole('button', { name: 'ยอมรับ' }).waitFor();
    await hydrated(shopPage);
    await look(shopPage, '03-shop-decision');
    await shopPage.getByRole('button', { name: 'ยอมรับ' }).click();
    await expect
      .poll(() => shopPage.locator('[data-return-status]').getAttribute('data-return-status'))
      .toBe('awaiting_return');

    await page.goto(returnUrl);
    await hydrated(page);
    await page.getByRole('button', { name: 'ขอใบปะหน้าพัสดุส่งคืน' }).click();
    const label = page.getByRole('link', { name: 'ใบปะหน้า (PDF)' });
    await label.waitFor();
    const tracking = (await page.getByText(/^เลขพัสดุส่งคืน/).textContent())?.match(/E[A-Z]\d{9}TH/)?.[0];
    expect(tracking).toBeTruthy();
    const pdf = await page.evaluate(
      async (url) => {
        const res = await fetch(url);
        return { type: res.headers.get('content-type'), bytes: Array.from(new Uint8Array(await res.arrayBuffer())) };
      },
      (await label.getAttribute('href'))!,
    );
    expect(pdf.type).toContain('application/pdf');
    expect(pdfToText(Buffer.from(pdf.bytes), { flat: true })).toContain(tracking!);
    await look(page, '04-label');
    await page.getByRole('button', { name: 'ส่งพัสดุที่ไปรษณีย์แล้ว' }).click();
    await expect.poll(() => status.getAttribute('data-return-status')).toBe('in_transit');

    // The carrier sandbox brings the parcel back to the shop; the refund follows the delivery.
    await advanceCarrierSandbox(m.app.db, systemActor('test'), { hours: 200 }, sandboxShipping);
    await drainOutbox(m.app);
    await page.goto(returnUrl);
    await hydrated(page);
    const refunded = page.getByTestId('refunded');
    await refunded.waitFor();
    expect((await refunded.textContent())?.replace(/\s+/g, ' ')).toBe('คืนเงินแล้ว ฿1,290.00');
    await page.getByTestId('return-status').getByText('คืนเงินแล้ว').waitFor();
    await look(page, '05-refunded');
    await shop.close();
    await buyer.close();
  });
});
