// The storefront pages of this module as the server renders them: /cn for buyers in mainland China
// (Chinese by default, Thai and English on request) and the buyer's "My returns" list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drainOutbox } from '../../../test/db.ts';
import { startMarketApp, type MarketApp } from '../../../test/e2e/market-app.ts';
import { systemActor } from '../../platform/actor.ts';
import { newId } from '../../platform/ids.ts';
import { bondedProduct, freshRate } from '../crossborder/testing.ts';
import { paidOrder } from '../hub/testing.ts';
import { productInStock } from '../inventory/testing.ts';
import { advanceOrderByCarrier } from '../orders/index.ts';

let m: MarketApp;
beforeAll(async () => {
  m = await startMarketApp({ listen: false });
});
afterAll(async () => {
  await m?.close();
});
const get = (url: string, headers: Record<string, string> = {}) => m.app.inject({ url, headers });
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('/cn', () => {
  it('sends a buyer without a chosen language to the Chinese page, which lists what the bonded hub holds with landed CNY prices, the limits, Alipay and delivery', async () => {
    const seller = m.market.rice.seller;
    await freshRate(m.app.db);
    const held = await bondedProduct(m.app.db, seller.sellerId, { priceSatang: 40_000, stock: 7 });
    const none = await bondedProduct(m.app.db, seller.sellerId, { stock: 0, domesticStock: 3 });

    const first = await get('/cn');
    expect(first.statusCode).toBe(302);
    expect(first.headers.location).toBe('/zh/cn');

    const res = await get('/zh/cn');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<html lang="zh-Hans">');
    const shelf = (await get('/api/storefront/china', { 'accept-language': 'zh' })).json();
    const offer = shelf.items.find((i: { product: { id: string } }) => i.product.id === held.productId);
    expect(shelf.items.map((i: { product: { id: string } }) => i.product.id)).not.toContain(none.productId);
    const page = text(res.body);
    expect(page).toContain('泰国生产者的好物，跨境直送中国大陆');
    expect(page).toContain(`到手价（含税） ¥${(offer.landed.totalFen / 100).toFixed(2)}`);
    expect(page).toContain('保税仓现货 7 件');
    expect(page).toContain('单次交易限值 ¥5,000.00');
    expect(page).toContain('个人年度限值 ¥26,000.00');
    expect(page).toContain('支付宝付款');
    expect(page).toContain('保税仓发货');
    expect(page).toContain('可跨境购买的品类');
    expect(res.body).toContain(`href="/zh/p/${held.productId}"`);
    expect(res.body).not.toContain(`href="/zh/p/${none.productId}"`);
    // Links to the same page in Thai and English.
    expect(res.body).toContain('href="/lang/th?next=%2Fcn"');
    expect(res.body).toContain('href="/lang/en?next=%2Fen%2Fcn"');

    const en = text((await get('/en/cn')).body);
    expect(en).toContain('Cross-border limits');
    expect(en).toContain('At most CN¥5,000.00 per order');
    const th = await get('/cn', { cookie: 'talad_lang=th' });
    expect(th.statusCode).toBe(200);
    expect(text(th.body)).toContain('วงเงินซื้อข้ามพรมแดน');
  });
});

describe('My returns', () => {
  it("lists the buyer's return requests with their status, linked from the orders page", async () => {
    const shop = m.market.durian.seller;
    const p = await productInStock(m.app.db, shop.sellerId, { priceSatang: 30_000, stock: 10 });
    const o = await paidOrder(m.app, p.variantId, 1);
    await m.app.db.transaction(async (tx) => {
      await advanceOrderByCarrier(tx, systemActor('shipping'), o.orderId, 'shipped', 'EB000000015TH');
      await advanceOrderByCarrier(tx, systemActor('shipping'), o.orderId, 'delivered');
    });
    await drainOutbox(m.app);
    const asked = await m.app.inject({
      method: 'POST',
      url: `/api/orders/${o.orderId}/returns`,
      headers: { cookie: o.buyerCookie, 'idempotency-key': newId() },
      payload: { lineNo: 0, kind: 'return', reason: 'damaged', quantity: 1, note: 'กล่องบุบ' },
    });
    expect(asked.statusCode, asked.body).toBe(201);
    const returnId = asked.json().id;

    const orders = await get('/orders', { cookie: o.buyerCookie });
    expect(orders.body).toContain('href="/returns"');
    const mine = await get('/returns', { cookie: o.buyerCookie });
    expect(mine.statusCode).toBe(200);
    const html = text(mine.body);
    expect(html).toContain('คำขอคืนสินค้าของฉัน');
    expect(mine.body).toContain(`href="/returns/${returnId}"`);
    expect(mine.body).toContain(`data-return-status="${asked.json().status}"`);
    expect(html).toContain(asked.json().statusLabel);
    const zh = text((await get('/zh/returns', { cookie: o.buyerCookie })).body);
    expect(zh).toContain('我的退货申请');

    // Someone else sees none of it; a visitor is asked to sign in.
    const other = await paidOrder(m.app, p.variantId, 1);
    const theirs = await get('/returns', { cookie: other.buyerCookie });
    expect(theirs.body).not.toContain(returnId);
    expect(text(theirs.body)).toContain('ยังไม่มีคำขอคืนสินค้า');
    const guest = await get('/returns');
    expect([302, 401, 403]).toContain(guest.statusCode);
  });
});
