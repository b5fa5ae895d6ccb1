// In a real browser at 360 px: the buyer of a delivered durian order reviews it in Thai with her own
// Chinese translation and a photo; the review shows on the product page with the photo; a reader in
// Chinese sees the translation marked "translated" and can open the Thai original; the shop replies
// once from the seller centre; someone reports
// it and an operator hides it with a reason from the /ops queue, after which the page no longer shows it.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedInUser } from '../../src/modules/catalog/testing.ts';
import { paidOrder } from '../../src/modules/hub/testing.ts';
import { signIn } from '../../src/modules/identity/testing.ts';
import { advanceOrderByCarrier } from '../../src/modules/orders/index.ts';
import { systemActor } from '../../src/platform/actor.ts';
import { drainOutbox } from '../db.ts';
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

const phone = (cookie: string | null, locale = 'th-TH') => phoneContext(browser, m.baseUrl, cookie, locale);

const look = async (page: import('playwright-core').Page, name: string) => {
  await expectAccessible(page, name);
  await expectNoSideways(page, name);
  await screenshot(page, `reviews-phone-${name}`);
};

describe('a review after delivery', () => {
  it('is written with a photo, shown on the product page, marked translated for a Chinese reader, and hidden by an operator', async () => {
    const durian = m.market.durian;
    const order = await paidOrder(m.app, durian.variantIds[0], 1);
    await m.app.db.transaction(async (tx) => {
      await advanceOrderByCarrier(tx, systemActor('shipping'), order.orderId, 'shipped', 'EB000000029TH');
      await advanceOrderByCarrier(tx, systemActor('shipping'), order.orderId, 'delivered');
    });
    await drainOutbox(m.app);

    const buyer = await phone(order.buyerCookie);
    const page = await buyer.newPage();
    await page.goto(`${m.baseUrl}/orders/${order.orderId}`);
    await hydrated(page);
    await page.getByRole('link', { name: 'เขียนรีวิว' }).click();
    await page.getByRole('heading', { name: 'รีวิวสินค้า' }).waitFor();
    await hydrated(page);
    await page.getByLabel('4 ดาว').check();
    await page.getByLabel('รีวิวของคุณ').fill('ทุเรียนหมอนทองหวานมัน ส่งไว');
    await page.getByLabel('เพิ่มคำแปลของฉันเอง').check();
    await page.getByLabel('แปลเป็นภาษา').selectOption('zh');
    await page.getByLabel('คำแปล', { exact: true }).fill('金枕榴莲又甜又糯，发货快');
    await page.getByLabel('รูปถ่าย (ไม่เกิน 4 รูป: JPEG, PNG, WebP)').setInputFiles({
      name: 'durian.png',
      mimeType: 'image/png',
      buffer: PNG,
    });
    await look(page, '01-write');
    await page.getByRole('button', { name: 'ส่งรีวิว' }).click();
    await page.getByRole('heading', { name: 'ขอบคุณสำหรับรีวิว' }).waitFor();
    await page.getByRole('link', { name: 'ดูในหน้าสินค้า' }).click();
    const reviews = page.getByTestId('reviews');
    await reviews.getByText('ทุเรียนหมอนทองหวานมัน ส่งไว').waitFor();
    await reviews.getByRole('img', { name: 'รูปจากผู้ซื้อ 1' }).waitFor();
    await reviews.getByText('4.0 จาก 5 ดาว · 1 รีวิว').waitFor();
    const photoUrl = await reviews.getByRole('img', { name: 'รูปจากผู้ซื้อ 1' }).getAttribute('src');
    const photo = await page.request.get(`${m.baseUrl}${photoUrl}`);
    expect(photo.headers()['content-type']).toBe('image/png');
    await look(page, '02-product');

    // A reader in Chinese, not signed in: the buyer's translation, marked, and the original on a tap.
    const reader = await phone(null, 'zh-CN');
    const zh = await reader.newPage();
    await zh.goto(`${m.baseUrl}/zh/p/${durian.productId}`);
    const zhReviews = zh.getByTestId('reviews');
    await zhReviews.getByText('金枕榴莲又甜又糯，发货快').waitFor();
    await zhReviews.getByText('已翻译 — 评价者自译，原文为泰语').waitFor();
    await hydrated(zh);
    await zhReviews.getByRole('button', { name: '查看原文' }).click();
    await zhReviews.getByText('ทุเรียนหมอนทองหวานมัน ส่งไว').waitFor();
    await zhReviews.getByText('原文（泰语）').waitFor();
    await look(zh, '03-zh-reader');

    // The shop replies once, in public, from the seller centre.
    const shop = await (await phone(durian.seller.cookie)).newPage();
    await shop.goto(`${m.baseUrl}/seller/${durian.seller.sellerId}/reviews`);
    await shop.getByRole('heading', { name: 'รีวิวของร้าน' }).waitFor();
    await hydrated(shop);
    const mine = shop.getByTestId('shop-review').filter({ hasText: 'ทุเรียนหมอนทองหวานมัน ส่งไว' });
    await mine.getByLabel('ตอบรีวิว (ตอบได้ครั้งเดียว ทุกคนเห็น)').fill('ขอบคุณค่ะ แวะมาอุดหนุนอีกนะคะ');
    await mine.getByRole('button', { name: 'ส่งคำตอบ' }).click();
    await mine.getByText('ร้านตอบกลับ').waitFor();
    expect(await mine.getByRole('button', { name: 'ส่งคำตอบ' }).count()).toBe(0);
    await look(shop, '035-shop-reply');
    await page.reload();
    await page.getByTestId('reviews').getByText('ขอบคุณค่ะ แวะมาอุดหนุนอีกนะคะ').waitFor();

    // Someone reports it; an operator hides it from the queue, saying why.
    const reporter = await signedInUser(m.app.db);
    const reviewId = await zhReviews.locator('[data-review-id]').first().getAttribute('data-review-id');
    const reported = await m.app.inject({
      method: 'POST',
      url: `/api/reviews/${reviewId}/reports`,
      headers: { cookie: reporter.cookie },
      payload: { text: 'รีวิวนี้มีโฆษณาแฝง' },
    });
    expect(reported.statusCode).toBe(204);
    const opCookie = await signIn(m.app, m.market.operator.email, m.market.operator.password);
    const ops = await (await phone(opCookie)).newPage();
    await ops.goto(`${m.baseUrl}/ops/reviews`);
    await ops.getByRole('heading', { name: 'รีวิวที่ถูกแจ้ง' }).waitFor();
    await hydrated(ops);
    const queued = ops.getByTestId('reported-review').filter({ hasText: 'ทุเรียนหมอนทองหวานมัน ส่งไว' });
    await queued.getByText('รีวิวนี้มีโฆษณาแฝง').waitFor();
    await look(ops, '04-ops-queue');
    await queued.getByRole('button', { name: 'ซ่อนรีวิว' }).click();
    await ops.getByText('ต้องกรอก', { exact: false }).first().waitFor(); // no reason: nothing is hidden
    await queued.getByLabel('เหตุผล (ร้านค้าจะเห็น)').fill('โฆษณาแฝง ผิดนโยบายรีวิว');
    await queued.getByRole('button', { name: 'ซ่อนรีวิว' }).click();
    await ops.getByTestId('hidden-review').filter({ hasText: 'ซ่อนเพราะ: โฆษณาแฝง ผิดนโยบายรีวิว' }).waitFor();
    await look(ops, '05-ops-hidden');

    await page.reload();
    await page.getByTestId('reviews').getByText('ยังไม่มีรีวิว').waitFor();
    expect(await page.getByText('ทุเรียนหมอนทองหวานมัน ส่งไว').count()).toBe(0);
  });
});
