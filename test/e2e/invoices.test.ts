// In a real browser, on a 360 px phone: a VAT-registered shop that never gave its registered
// address is told, on its invoices page, that it cannot issue tax invoices and that a paid order is
// waiting; it fills in the address from the Thai address lists, and the waiting tax invoice appears.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { drainOutbox } from '../db.ts';
import { pdfToText } from '../pdftotext.ts';
import { sellers } from '../../src/modules/sellers/testing.ts';
import { signUp } from '../../src/modules/identity/testing.ts';
import { paySandboxQr, startIntent } from '../../src/modules/payments/testing.ts';
import { addToCart, checkout } from '../shop.ts';
import { launchBrowser, PHONE, screenshot } from './browser.ts';
import { expectAccessible, expectNoSideways, hydrated } from './flows.ts';
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

describe("a VAT shop's registered address", () => {
  it('is asked for before tax invoices are issued, and the waiting one is issued once it is complete', async () => {
    const orchard = m.market.durian.seller;
    await m.app.db.update(sellers).set({ vatRegistered: true }).where(eq(sellers.id, orchard.sellerId));
    const buyer = await signUp(m.app, { displayName: 'สมหญิง ใจดี' });
    const { cookie } = await addToCart(m.app, m.market.durian.variantIds[0], 1, buyer.cookie);
    const placed = (await checkout(m.app, cookie, `invoice-e2e-${Date.now()}`)).json();
    const p = { groupId: placed.orderGroupId, buyer: { cookie } } as Parameters<typeof startIntent>[1];
    expect((await paySandboxQr(m.app, await startIntent(m.app, p, 'promptpay'))).statusCode).toBe(200);
    await drainOutbox(m.app);

    const context = await browser.newContext({ viewport: PHONE, locale: 'th-TH', isMobile: true, hasTouch: true });
    await context.addCookies([{ name: 'talad_session', value: orchard.cookie.split('=')[1], url: m.baseUrl }]);
    const page = await context.newPage();
    await page.goto(`${m.baseUrl}/seller/${orchard.sellerId}/invoices`);
    await page.getByRole('heading', { name: 'ใบกำกับภาษีและใบเสร็จ' }).waitFor();
    await hydrated(page);
    const alert = page.getByRole('alert');
    await alert.getByText('ยังออกใบกำกับภาษีไม่ได้ ที่อยู่ตามที่จดทะเบียนของร้านยังไม่ครบ', { exact: false }).waitFor();
    await alert.getByText('คำสั่งซื้อที่ชำระแล้ว 1 รายการรอใบกำกับภาษีอยู่', { exact: false }).waitFor();
    await page.getByText('ยังไม่มีเอกสาร').waitFor();
    await screenshot(page, 'invoices-phone-01-incomplete');
    await expectAccessible(page, 'the invoices page, address incomplete');
    await expectNoSideways(page, 'the invoices page, address incomplete');

    // Saving it half done says what is missing, beside each field.
    await page.getByLabel('บ้านเลขที่').fill('88');
    await page.getByRole('button', { name: 'บันทึก', exact: true }).click();
    await page.getByText('จำเป็นต้องกรอก').first().waitFor();

    await page.getByLabel('หมู่ที่').fill('3');
    await page.getByLabel('จังหวัด', { exact: true }).selectOption({ label: 'จันทบุรี' });
    const district = page.getByLabel('อำเภอ / เขต');
    await expect.poll(() => district.isEnabled()).toBe(true);
    await district.selectOption({ label: 'เมืองจันทบุรี' });
    await page.getByLabel('ตำบล / แขวง').selectOption({ label: 'พลับพลา' });
    await expect.poll(() => page.getByLabel('รหัสไปรษณีย์').inputValue()).toBe('22000');
    await page.getByRole('button', { name: 'บันทึก', exact: true }).click();
    await page.getByText('ออกใบกำกับภาษีที่รออยู่แล้ว 1 ฉบับ', { exact: false }).waitFor();
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);
    const link = page.getByRole('link', { name: /^ใบกำกับภาษี TI\d{4}-000001$/ });
    await link.waitFor();
    await screenshot(page, 'invoices-phone-02-issued');
    await expectAccessible(page, 'the invoices page, address complete');
    await expectNoSideways(page, 'the invoices page, address complete');

    // The tax invoice names the shop at its full address.
    const href = await link.getAttribute('href');
    const pdf = await m.app.inject({ url: href!, headers: { cookie: orchard.cookie } });
    expect(pdfToText(pdf.rawPayload, { flat: true })).toContain('88 หมู่ 3 ต.พลับพลา อ.เมืองจันทบุรี จ.จันทบุรี 22000');
    await context.close();
  });
});
