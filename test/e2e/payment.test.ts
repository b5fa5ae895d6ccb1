// In a real browser, on a 360 px phone: a buyer pays a checkout with the PromptPay QR in the
// sandbox; the page updates itself when the gateway's signed notification arrives, and the buyer
// downloads the shop's tax invoice (ใบกำกับภาษี) as a PDF.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { eq } from 'drizzle-orm';
import { startOutboxWorker } from '../../src/platform/outbox.ts';
import { sellers } from '../../src/modules/sellers/testing.ts';
import { signIn, signUp } from '../../src/modules/identity/testing.ts';
import { paySandboxQr, startIntent } from '../../src/modules/payments/testing.ts';
import { proveDelivery } from '../../src/modules/shipping/testing.ts';
import { addToCart, checkout } from '../shop.ts';
import { DESKTOP, launchBrowser, PHONE, screenshot } from './browser.ts';
import { expectAccessible, expectNoSideways, hydrated } from './flows.ts';
import { startMarketApp, type MarketApp } from './market-app.ts';

let m: MarketApp;
let browser: Browser;
let stopOutbox: () => void;
beforeAll(async () => {
  browser = await launchBrowser();
  m = await startMarketApp();
  // The worker that `npm start` runs: the ledger posts and the tax invoice is issued from the outbox.
  stopOutbox = startOutboxWorker(m.app.db, m.app.platform.handlers, m.app.log, 200);
});
afterAll(async () => {
  stopOutbox?.();
  await browser?.close();
  await m?.close();
});

describe('paying with PromptPay in the sandbox', () => {
  it('shows the QR with amount, reference and expiry, updates itself when paid, and gives the tax invoice', async () => {
    // The orchard is VAT-registered and has told the platform its registered address and branch.
    const orchard = m.market.durian.seller;
    await m.app.db.update(sellers).set({ vatRegistered: true }).where(eq(sellers.id, orchard.sellerId));
    const profile = await m.app.inject({
      method: 'PUT',
      url: `/api/sellers/${orchard.sellerId}/tax-profile`,
      headers: { cookie: orchard.cookie },
      payload: {
        address: {
          houseNumber: '88',
          moo: '3',
          subdistrict: 'พลับพลา',
          district: 'เมืองจันทบุรี',
          provinceCode: '22',
          postcode: '22000',
        },
        branch: '00000',
      },
    });
    expect(profile.statusCode).toBe(200);

    // A buyer has checked out one durian (the checkout itself is the buyer test's subject).
    const buyer = await signUp(m.app, { displayName: 'สมหญิง ใจดี' });
    const { cookie } = await addToCart(m.app, m.market.durian.variantIds[0], 1, buyer.cookie);
    const placed = await checkout(m.app, cookie, `pay-e2e-${Date.now()}`);
    expect(placed.statusCode).toBe(201);
    const groupId = placed.json().orderGroupId;

    const context = await browser.newContext({
      viewport: PHONE,
      locale: 'th-TH',
      isMobile: true,
      hasTouch: true,
      acceptDownloads: true,
    });
    const session = cookie
      .split('; ')
      .find((c) => c.startsWith('talad_session='))!
      .split('=')[1];
    await context.addCookies([{ name: 'talad_session', value: session, url: m.baseUrl }]);
    const page = await context.newPage();
    await page.goto(`${m.baseUrl}/checkout/done/${groupId}`);
    await hydrated(page);
    await page.getByRole('link', { name: 'ชำระเงินตอนนี้' }).click();
    await page.getByRole('heading', { name: 'ชำระค่าสินค้า' }).waitFor();
    await hydrated(page);
    // The sandbox says so, before anything else.
    await page.getByText('ระบบทดลอง (sandbox)').first().waitFor();
    await page.getByRole('radio', { name: 'พร้อมเพย์ QR (บาท)' }).check();
    await page.getByRole('button', { name: 'ชำระเงิน', exact: true }).click();

    const qr = page.getByRole('img', { name: /QR พร้อมเพย์ สำหรับชำระ ฿1,340\.00 เลขอ้างอิง TLD/ });
    await qr.waitFor();
    await expect
      .poll(() => qr.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
      .toBeGreaterThan(100);
    const facts = await page.locator('.qr-pay .facts').innerText();
    expect(facts).toContain('฿1,340.00');
    expect(facts).toMatch(/TLD[A-Z2-9]{10}/);
    expect(facts).toContain(`${new Date().getFullYear() + 543}`); // the expiry, in the Buddhist era
    await page.getByText('กำลังรอการยืนยันจากธนาคาร').waitFor();
    await screenshot(page, 'payment-phone-01-qr');
    await expectAccessible(page, 'the payment page with its QR');
    await expectNoSideways(page, 'the payment page with its QR');

    // The sandbox banking app pays; the page is not reloaded: it notices by itself.
    await page.getByRole('button', { name: 'จำลองการสแกนจ่าย QR นี้' }).click();
    await page.getByText('ได้รับการชำระเงินแล้ว ขอบคุณค่ะ').waitFor({ timeout: 15_000 });
    // Nothing is "due" once paid (a stale "amount due" asked the buyer to pay again).
    await page.getByText('ยอดที่ชำระแล้ว:').waitFor();
    expect(await page.getByText('ยอดที่ต้องชำระ').count()).toBe(0);
    const invoiceLink = page.getByRole('link', { name: /^ดาวน์โหลดใบกำกับภาษี TI\d{4}-000001 \(PDF\)$/ });
    await invoiceLink.waitFor({ timeout: 15_000 });
    await screenshot(page, 'payment-phone-02-paid');
    await expectAccessible(page, 'the payment page, paid');
    await expectNoSideways(page, 'the payment page, paid');

    const [download] = await Promise.all([page.waitForEvent('download'), invoiceLink.click()]);
    expect(download.suggestedFilename()).toMatch(/^TI\d{4}-000001\.pdf$/);
    const pdf = readFileSync((await download.path())!);
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/Sarabun/);
    await context.close();
  });

  it('lets the shop see its money and invoices, and an operator pay it out with a CSV for the bank', async () => {
    const orchard = m.market.durian.seller;
    // Another durian bought, paid through the sandbox and delivered.
    const buyer = await signUp(m.app, { displayName: 'หลี่ เหว่ย' });
    const { cookie } = await addToCart(m.app, m.market.durian.variantIds[0], 1, buyer.cookie);
    const placed = (await checkout(m.app, cookie, `pay-e2e-2-${Date.now()}`)).json();
    const p = { groupId: placed.orderGroupId, buyer: { cookie } } as Parameters<typeof startIntent>[1];
    expect((await paySandboxQr(m.app, await startIntent(m.app, p, 'promptpay'))).statusCode).toBe(200);
    for (const to of ['processing', 'shipped']) {
      const res = await m.app.inject({
        method: 'POST',
        url: `/api/orders/${placed.orders[0].id}/transitions`,
        headers: { cookie: orchard.cookie },
        payload: to === 'shipped' ? { to, trackingNumber: 'EE123456785TH' } : { to },
      });
      expect(res.statusCode).toBe(200);
    }
    await proveDelivery(m.app, placed.orders[0].id, orchard.cookie);
    const balance = async () =>
      (
        await m.app.inject({ url: `/api/sellers/${orchard.sellerId}/balance`, headers: { cookie: orchard.cookie } })
      ).json();
    // The ledger posts from the outbox, a moment after payment: wait for this order's own entry (the
    // shop may already have earned from an earlier order).
    const thisOrdersEntry = async () => {
      const entries = (
        await m.app.inject({
          url: `/api/sellers/${orchard.sellerId}/ledger-entries`,
          headers: { cookie: orchard.cookie },
        })
      ).json();
      return entries.items.find((e: any) => e.orderId === placed.orders[0].id && e.kind === 'order_paid');
    };
    await expect.poll(thisOrdersEntry, { timeout: 15_000 }).toBeTruthy();
    const payable = (await thisOrdersEntry()).amount;
    const before = await balance();
    const owed = before.balance;
    const baht = (satang: number) => `฿${(satang / 100).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;

    const shopContext = await browser.newContext({ viewport: DESKTOP, locale: 'th-TH' });
    await shopContext.addCookies([{ name: 'talad_session', value: orchard.cookie.split('=')[1], url: m.baseUrl }]);
    const shop = await shopContext.newPage();
    await shop.goto(`${m.baseUrl}/seller/${orchard.sellerId}/money`);
    await shop.getByRole('heading', { name: 'การเงินของร้าน' }).waitFor();
    expect(await shop.locator('main').innerText()).toContain(baht(owed));
    await screenshot(shop, 'payment-desktop-03-shop-money');
    await expectAccessible(shop, "the shop's money");
    await shop.getByRole('link', { name: 'ใบกำกับภาษี', exact: true }).click();
    await shop.getByRole('heading', { name: 'ใบกำกับภาษีและใบเสร็จ' }).waitFor();
    await expect
      .poll(() => shop.getByRole('link', { name: /^ใบกำกับภาษี TI\d{4}-00000\d$/ }).count())
      .toBeGreaterThanOrEqual(1);
    await expectAccessible(shop, "the shop's invoices");

    const opsContext = await browser.newContext({ viewport: DESKTOP, locale: 'th-TH', acceptDownloads: true });
    const opCookie = await signIn(m.app, m.market.operator.email, m.market.operator.password);
    await opsContext.addCookies([{ name: 'talad_session', value: opCookie.split('=')[1], url: m.baseUrl }]);
    const ops = await opsContext.newPage();
    await ops.goto(`${m.baseUrl}/ops/payouts`);
    await ops.getByRole('heading', { name: 'รอบการโอนเงินให้ร้านค้า' }).waitFor();
    await hydrated(ops);
    await ops.getByLabel('ระยะพักเงินหลังส่งถึง (วัน)').fill('0');
    await ops.getByRole('button', { name: 'สร้างรอบการโอน' }).click();
    await ops.getByText(/สร้างรอบที่ \d+ แล้ว: 1 ร้าน/).waitFor();
    const [csv] = await Promise.all([
      ops.waitForEvent('download'),
      ops.getByRole('link', { name: 'ดาวน์โหลด CSV สำหรับธนาคาร' }).first().click(),
    ]);
    const lines = readFileSync((await csv.path())!, 'utf8');
    expect(lines).toContain('สวนทุเรียนจันทบุรี');
    await ops.getByRole('button', { name: 'ธนาคารโอนแล้ว' }).first().click();
    await ops.getByText(/บันทึกว่ารอบที่ \d+ โอนแล้ว/).waitFor();
    await screenshot(ops, 'payment-desktop-04-payouts');
    await expectAccessible(ops, 'payout batches');
    // The delivered order's payable went out; what is left is owed for orders not yet delivered.
    expect(await balance()).toMatchObject({ paidOut: before.paidOut + payable, balance: owed - payable });
    await shopContext.close();
    await opsContext.close();
  });
});
