// In a real browser: a seller sends an inbound shipment notice to the fulfilment centre; hub staff
// receive it with a barcode scanner (one unit short, one damaged — the seller sees it), put it
// away; an order paid for that stock is picked, packed (the label PDF fetched) and dispatched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { HUB_LOCATIONS } from '../../src/modules/inventory/index.ts';
import { signedInUser } from '../../src/modules/catalog/testing.ts';
import { addDays, hubWorker, paidOrder } from '../../src/modules/hub/testing.ts';
import { DESKTOP, launchBrowser, PHONE, screenshot } from './browser.ts';
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

const FC = HUB_LOCATIONS.domesticFulfilment.id;

async function signedIn(cookie: string, viewport = PHONE): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport });
  const [name, value] = cookie.split('=');
  await context.addCookies([{ name, value, url: m.baseUrl }]);
  return { context, page: await context.newPage() };
}

/** A scanner types the code into the focused box and presses Enter. */
async function scan(page: Page, label: string | RegExp, code: string, opts: { click?: boolean } = {}) {
  const box = page.getByLabel(label);
  await box.waitFor();
  if (opts.click) await box.click(); // after typing a quantity elsewhere, back to the scan box
  await expect.poll(() => box.evaluate((el) => el === (globalThis as any).document.activeElement)).toBe(true);
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
}

async function check(page: Page, name: string) {
  await screenshot(page, name);
  await expectAccessible(page, name);
  await expectNoSideways(page, name);
}

describe('the hub in the browser', () => {
  it('receives an inbound shipment with a discrepancy, puts it away, and picks, packs and dispatches a paid order', async () => {
    const { durian } = m.market;
    const seller = (await signedIn(durian.seller.cookie, DESKTOP)).page;
    await seller.goto(`${m.baseUrl}/en/seller/${durian.seller.sellerId}/inbound`);
    await seller.getByRole('heading', { name: 'Inbound shipments', level: 1 }).waitFor();
    await hydrated(seller);
    // The shop promises dispatch within 36 hours of payment.
    await seller.getByLabel('Handling time (hours after payment)').fill('36');
    await seller.getByRole('button', { name: 'Save' }).click();
    await seller.getByRole('status').filter({ hasText: 'Saved' }).waitFor();
    const hubOption = await seller.getByLabel('Hub').locator('option', { hasText: 'BKK-FC' }).getAttribute('value');
    await seller.getByLabel('Hub').selectOption(hubOption!);
    await seller.getByLabel('Cartons').fill('2');
    const sku = await seller.getByLabel('Product (SKU)').locator('option', { hasText: 'DURIAN' }).first();
    await seller.getByLabel('Product (SKU)').selectOption((await sku.getAttribute('value'))!);
    await seller.getByLabel('Quantity').fill('10');
    await seller.getByLabel('Lot').fill('CTB-2569-01');
    await seller.getByLabel('Produced').fill(addDays(-1));
    await seller.getByLabel('Expires').fill(addDays(6));
    await seller.getByRole('button', { name: 'Send the notice' }).click();
    const sent = await seller.getByText(/ASN-\d{6} sent/).textContent();
    const asnNumber = /ASN-\d{6}/.exec(sent!)![0];
    const skuCode = (await sku.textContent())!.split(' · ')[0];

    // Hub staff on a phone with a scanner.
    const staff = await hubWorker(m.app.db, FC, 'manager');
    const hub = (await signedIn(staff.cookie)).page;
    await hub.goto(`${m.baseUrl}/hub/${FC}/receive`);
    await hub.getByRole('heading', { name: 'รับสินค้า', level: 1 }).waitFor();
    await hydrated(hub);
    await check(hub, 'hub-01-receive-queue');
    await scan(hub, 'สแกนเลขใบแจ้งส่งสินค้า (ASN)', asnNumber);
    await hub.getByRole('heading', { name: new RegExp(asnNumber) }).waitFor();
    await hub.getByLabel('จำนวน').fill('8');
    await scan(hub, 'สแกน SKU หรือเลขล็อต', skuCode, { click: true });
    await hub.getByText(`รับ ${skuCode} แล้ว`).waitFor();
    await hub.getByLabel('นับเป็นสินค้าชำรุด').check();
    await scan(hub, 'สแกน SKU หรือเลขล็อต', 'CTB-2569-01', { click: true });
    await hub.locator('tr.discrepancy').waitFor();
    await hub.getByRole('button', { name: 'ปิดการรับสินค้า' }).click();
    await hub.getByText(new RegExp(`ปิดการรับ ${asnNumber} แล้ว พบความคลาดเคลื่อน 1 รายการ`)).waitFor();
    await check(hub, 'hub-02-received');

    // The seller sees what the hub found.
    await seller.reload();
    await seller.getByText('1 discrepancies').waitFor();
    const row = seller.locator('tr.discrepancy').first();
    expect(await row.locator('td').allTextContents()).toEqual([
      expect.stringContaining('CTB-2569-01'),
      '10',
      '8',
      '1',
      '1 / 0',
    ]);
    await screenshot(seller, 'hub-03-seller-discrepancy');

    // Put away into the suggested cold-room bin.
    await hub.goto(`${m.baseUrl}/hub/${FC}/putaway`);
    await hydrated(hub);
    await scan(hub, 'สแกน SKU หรือเลขล็อต', skuCode);
    const suggestion = await hub.getByText(/ช่องที่แนะนำ: BKK-C-\d+/).textContent();
    const bin = /BKK-C-\d+/.exec(suggestion!)![0];
    await check(hub, 'hub-04-putaway');
    await scan(hub, 'สแกนรหัสช่องเก็บ', bin);
    await hub.getByText(`เก็บ ${skuCode} เข้าช่อง ${bin} แล้ว`).waitFor();

    // A buyer pays for two durians: the units were reserved at the hub, so the hub fulfils it.
    const { orderId, buyerCookie } = await paidOrder(m.app, durian.variantIds[0], 2);

    await hub.goto(`${m.baseUrl}/hub/${FC}/pick`);
    await hydrated(hub);
    await hub.getByRole('button', { name: 'จัดสรรสินค้า (FEFO) และสร้างรอบหยิบ' }).click();
    await hub.getByText('จัดสรร 1 คำสั่งซื้อ สร้าง 1 รอบหยิบ').waitFor();
    await hub.getByRole('button', { name: /รอบ \d+: 1 คำสั่งซื้อ/ }).click();
    await hub.getByText(`ไปที่ช่อง ${bin} หยิบ 2 × ${skuCode}`).waitFor();
    await check(hub, 'hub-05-pick');
    await scan(hub, 'สแกนรหัสช่องเก็บ', 'BKK-A-01');
    await hub.getByText(`ช่องผิด ต้องหยิบจากช่อง ${bin}`).waitFor();
    await scan(hub, 'สแกนรหัสช่องเก็บ', bin);
    await scan(hub, 'สแกน SKU หรือเลขล็อต', skuCode);
    await hub.getByText('รอบนี้หยิบครบแล้ว').waitFor();
    // The list of waves follows the picking: a wave picked in full leaves it (it once still said one pick left).
    await expect.poll(() => hub.getByRole('button', { name: /รอบ \d+: 1 คำสั่งซื้อ/ }).count()).toBe(0);
    await hub.getByText('ไม่มีงานหยิบ').waitFor();

    const order = await m.app.inject({ url: `/api/orders/${orderId}`, headers: { cookie: buyerCookie } });
    expect(order.json().status).toBe('processing');
    const work = (
      await m.app.inject({
        url: `/api/hubs/${FC}/outbound/find?code=${order.json().number}`,
        headers: { cookie: staff.cookie },
      })
    ).json();
    expect(work.handlingHours).toBe(36);

    await hub.goto(`${m.baseUrl}/hub/${FC}/pack`);
    await hydrated(hub);
    const waiting = hub.locator('table', { hasText: order.json().number });
    await waiting.waitFor();
    await scan(hub, 'สแกนเลขคำสั่งซื้อหรือเลขพัสดุ', order.json().number);
    await hub.getByLabel('น้ำหนัก (กรัม)').fill('10400');
    await hub.getByLabel('ยาว (มม.)').fill('450');
    await hub.getByLabel('กว้าง (มม.)').fill('350');
    await hub.getByLabel('สูง (มม.)').fill('300');
    await hub.getByRole('button', { name: 'แพ็กและจองขนส่ง' }).click();
    const packed = await hub.getByText(/แพ็กแล้ว เลขพัสดุ [A-Z]{2}\d{9}TH/).textContent();
    const tracking = /[A-Z]{2}\d{9}TH/.exec(packed!)![0];
    // Packed, it is no longer listed among the picked orders waiting to be packed.
    await expect.poll(() => waiting.count()).toBe(0);
    await check(hub, 'hub-06-packed');
    const labelHref = await hub.getByRole('link', { name: 'พิมพ์ใบปะหน้า (PDF)' }).getAttribute('href');
    const label = await hub.request.get(`${m.baseUrl}${labelHref}`);
    expect(label.headers()['content-type']).toBe('application/pdf');
    expect((await label.body()).subarray(0, 4).toString()).toBe('%PDF');

    await hub.goto(`${m.baseUrl}/hub/${FC}/dispatch`);
    await hydrated(hub);
    await scan(hub, 'สแกนเลขคำสั่งซื้อหรือเลขพัสดุ', tracking);
    await hub.getByRole('button', { name: 'ส่งมอบให้ขนส่ง' }).click();
    await hub.getByText(`ส่งมอบ ${tracking} แล้ว`).waitFor();
    await check(hub, 'hub-07-dispatched');
    const shipped = await m.app.inject({ url: `/api/orders/${orderId}`, headers: { cookie: buyerCookie } });
    expect(shipped.json()).toMatchObject({ status: 'shipped', trackingNumber: tracking });

    // Someone who is not hub staff gets nothing from the hub's API.
    const nosy = await signedInUser(m.app.db);
    expect((await m.app.inject({ url: `/api/hubs/${FC}/outbound`, headers: { cookie: nosy.cookie } })).statusCode).toBe(
      403,
    );
  });
});
