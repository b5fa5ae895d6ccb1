// In a real browser, on 360 px phones: a shop ships an order itself with a Thailand Post number
// (a wrong check digit is refused first, in Thai), and the buyer watches the carrier sandbox's
// timeline move to delivered on the order page, with Buddhist-era dates.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { systemActor } from '../../src/platform/actor.ts';
import { signUp } from '../../src/modules/identity/testing.ts';
import { markGroupPaid } from '../../src/modules/orders/index.ts';
import { advanceCarrierSandbox, sandboxShipping } from '../../src/modules/shipping/testing.ts';
import { s10Number } from '../../src/modules/shipping/index.ts';
import { addToCart, checkout } from '../shop.ts';
import { PNG } from '../uploads.ts';
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

async function phoneAs(cookie: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: PHONE, locale: 'th-TH', isMobile: true, hasTouch: true });
  const session = cookie
    .split('; ')
    .find((c) => c.startsWith('talad_session='))!
    .split('=')[1];
  await context.addCookies([{ name: 'talad_session', value: session, url: m.baseUrl }]);
  return context;
}

describe('a shop ships an order itself and the buyer tracks it', () => {
  it('refuses a wrong check digit, ships with the right number, and the buyer sees the sandbox deliver it', async () => {
    const orchard = m.market.durian.seller;
    const buyer = await signUp(m.app, { displayName: 'สมหญิง ใจดี' });
    const { cookie } = await addToCart(m.app, m.market.durian.variantIds[0], 1, buyer.cookie);
    const placed = await checkout(m.app, cookie, `ship-e2e-${Date.now()}`);
    expect(placed.statusCode).toBe(201);
    const order = placed.json().orders[0];
    await markGroupPaid(m.app.db, systemActor('payments'), placed.json().orderGroupId);
    const processing = await m.app.inject({
      method: 'POST',
      url: `/api/orders/${order.id}/transitions`,
      headers: { cookie: orchard.cookie },
      payload: { to: 'processing' },
    });
    expect(processing.statusCode).toBe(200);

    // The shop, in its seller centre.
    const shopContext = await phoneAs(orchard.cookie);
    const shop = await shopContext.newPage();
    await shop.goto(`${m.baseUrl}/seller/${orchard.sellerId}/orders`);
    await hydrated(shop);
    const card = shop.locator('li', { has: shop.getByRole('heading', { name: new RegExp(order.number) }) });
    await card.getByRole('button', { name: 'แจ้งจัดส่ง' }).click();
    await card.getByLabel('บริษัทขนส่ง').selectOption('thailand-post');
    await card.getByText('รูปแบบ: ตัวอักษร 2 ตัว ตัวเลข 9 หลัก และ TH').waitFor();
    const good = s10Number('EE', 20_261_122);
    const bad = `${good.slice(0, 10)}${(Number(good[10]) + 1) % 10}TH`;
    await card.getByLabel('เลขพัสดุ').fill(bad);
    await card.locator('form').getByRole('button', { name: 'แจ้งจัดส่ง' }).click();
    await card.getByText(`ควรเป็น ${good[10]}`).waitFor();
    await screenshot(shop, 'shipping-phone-01-wrong-check-digit');
    await expectAccessible(shop, 'the seller orders page with a refused tracking number');
    await expectNoSideways(shop, 'the seller orders page with a refused tracking number');
    await card.getByLabel('เลขพัสดุ').fill(good);
    await card.locator('form').getByRole('button', { name: 'แจ้งจัดส่ง' }).click();
    await card.getByText('จัดส่งแล้ว', { exact: true }).first().waitFor();
    await card.locator('.timeline').getByText('ร้านส่งพัสดุกับ ไปรษณีย์ไทย').waitFor();
    await screenshot(shop, 'shipping-phone-02-shipped');

    // The buyer, on the order page: the sandbox says so, and the timeline moves by itself.
    const buyerContext = await phoneAs(cookie);
    const page = await buyerContext.newPage();
    await page.goto(`${m.baseUrl}/orders/${order.id}`);
    await hydrated(page);
    const tracking = page.locator('section.tracking');
    await tracking.getByRole('heading', { name: 'การจัดส่ง' }).waitFor();
    await tracking.getByText(good).waitFor();
    await tracking.getByText(/SANDBOX/).waitFor();
    await advanceCarrierSandbox(m.app.db, systemActor('test'), { hours: 23 }, sandboxShipping);
    await tracking.locator('li.current', { hasText: 'กำลังนำจ่าย' }).waitFor({ timeout: 15_000 });
    const when = await tracking.locator('li.current time').innerText();
    expect(when).toContain(`${new Date().getFullYear() + 543}`); // the Buddhist era
    await screenshot(page, 'shipping-phone-03-out-for-delivery');
    await expectAccessible(page, 'the order page with its tracking timeline');
    await expectNoSideways(page, 'the order page with its tracking timeline');

    await advanceCarrierSandbox(m.app.db, systemActor('test'), { hours: 100 }, sandboxShipping);
    await tracking.locator('li.current', { hasText: 'นำจ่ายสำเร็จ ผู้รับได้รับพัสดุแล้ว' }).waitFor({ timeout: 15_000 });
    const codes = await tracking.locator('li').evaluateAll((items) => items.map((li) => (li as any).dataset.code));
    expect(codes.at(0)).toBe('delivered');
    expect(codes.at(-1)).toBe('shipped_by_seller');
    expect(codes).toContain('accepted');
    // The order itself is delivered now: the page reloads its data when the parcel arrives.
    await expect.poll(() => page.locator('span.status-delivered').count(), { timeout: 10_000 }).toBe(2);
    await screenshot(page, 'shipping-phone-04-delivered');
    const after = await m.app.inject({ url: `/api/orders/${order.id}`, headers: { cookie } });
    expect(after.json().status).toBe('delivered');

    // The page a label's QR code opens: anyone can follow the parcel, without names or addresses.
    const anyone = await browser.newContext({ viewport: PHONE, locale: 'en-GB', isMobile: true, hasTouch: true });
    const track = await anyone.newPage();
    await track.goto(`${m.baseUrl}/en/track/${good}`);
    await track.getByRole('heading', { name: `Track parcel ${good}` }).waitFor();
    await track.locator('li.current', { hasText: 'Delivered' }).waitFor();
    expect(await track.locator('main').innerText()).not.toContain('สมหญิง');
    await expectAccessible(track, 'the public tracking page');
    await expectNoSideways(track, 'the public tracking page');
    await anyone.close();
    await shopContext.close();
    await buyerContext.close();
  });
  it('lets a shop prove its own delivery with a photo, every missing field said at once, and the buyer sees it', async () => {
    const orchard = m.market.durian.seller;
    const buyer = await signUp(m.app, { displayName: 'วิไล ส่งถึง' });
    const { cookie } = await addToCart(m.app, m.market.durian.variantIds[0], 1, buyer.cookie);
    const placed = await checkout(m.app, cookie, `proof-e2e-${Date.now()}`);
    const order = placed.json().orders[0];
    await markGroupPaid(m.app.db, systemActor('payments'), placed.json().orderGroupId);
    for (const payload of [
      { to: 'processing' },
      { to: 'shipped', carrier: 'kerry-express', trackingNumber: `KEX${Date.now() % 1_000_000_000_000}` },
    ]) {
      const res = await m.app.inject({
        method: 'POST',
        url: `/api/orders/${order.id}/transitions`,
        headers: { cookie: orchard.cookie },
        payload,
      });
      expect(res.statusCode).toBe(200);
    }
    const shopContext = await phoneAs(orchard.cookie);
    const shop = await shopContext.newPage();
    await shop.goto(`${m.baseUrl}/seller/${orchard.sellerId}/orders`);
    await hydrated(shop);
    const card = shop.locator('li', { has: shop.getByRole('heading', { name: new RegExp(order.number) }) });
    await card.getByRole('button', { name: 'ส่งหลักฐานการส่งถึง' }).click();
    const form = card.getByRole('form', { name: 'หลักฐานการส่งถึง' });
    await form.getByRole('button', { name: 'ส่งหลักฐานและยืนยันการส่งถึง' }).click();
    // No picture, no name: both fields say so, beside themselves, in Thai.
    await expect.poll(() => form.locator('.field.has-error').count()).toBe(2);
    expect(await form.locator('.field.has-error .error').allInnerTexts()).toEqual(['จำเป็นต้องกรอก', 'จำเป็นต้องกรอก']);
    await form
      .getByLabel('รูปภาพ (JPEG, PNG หรือ WebP)')
      .setInputFiles({ name: 'door.png', mimeType: 'image/png', buffer: PNG });
    await form.getByLabel('ชื่อผู้รับ').fill('วิไล ส่งถึง');
    await form.getByRole('button', { name: 'ส่งหลักฐานและยืนยันการส่งถึง' }).click();
    await card
      .locator('figure.delivery-proof-card')
      .getByText('ผู้รับ' + ': วิไล ส่งถึง', { exact: false })
      .waitFor();
    expect(await card.getByRole('button', { name: 'ส่งหลักฐานการส่งถึง' }).count()).toBe(0);
    await screenshot(shop, 'shipping-phone-05-proof-sent');
    await expectNoSideways(shop, 'the seller orders page with a proof of delivery');

    const buyerContext = await phoneAs(cookie);
    const page = await buyerContext.newPage();
    await page.goto(`${m.baseUrl}/orders/${order.id}`);
    await hydrated(page);
    const proof = page.locator('figure.delivery-proof-card');
    await proof.getByText('หลักฐานการส่งถึง').waitFor();
    // The picture is fetched after the page: wait for it to load (or fail) before reading its size.
    const img = proof.locator('img');
    const loaded = await img.evaluate(async (el) => {
      const i = el as unknown as { complete: boolean; naturalWidth: number; src: string; decode(): Promise<void> };
      await i.decode().catch(() => undefined);
      return { width: i.naturalWidth, src: i.src };
    });
    expect(loaded.width, loaded.src).toBeGreaterThan(0);
    await expectAccessible(page, 'the order page with its proof of delivery');
    await expectNoSideways(page, 'the order page with its proof of delivery');
    await shopContext.close();
    await buyerContext.close();
  });
});
