import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/db.ts';
import { systemActor } from '../../platform/actor.ts';
import { newId } from '../../platform/ids.ts';
import { userOwner } from '../cart/index.ts';
import { shopWithOwner, signedInUser } from '../catalog/testing.ts';
import { completeServiceOrder, markGroupPaid, placeServiceOrder } from '../orders/index.ts';
import { moderateReview } from './service.ts';

const t = useTestApp();
const seller = systemActor('test');

// A delivered order with one line standing for a product (the line's product id is set directly:
// the test needs a delivered order, not the whole shipping flow).
async function deliveredOrder(deliver = true) {
  const db = t.database.db;
  const shop = await shopWithOwner(db);
  const buyer = await signedInUser(db);
  const order = await db.transaction((tx) =>
    placeServiceOrder(tx, seller, {
      buyer: userOwner(buyer.userId),
      sellerId: shop.sellerId,
      contactPhone: '+66812345678',
      paymentDueAt: new Date(Date.now() + 15 * 60_000),
      lines: [
        {
          reference: `test:${newId()}`,
          sku: 'MANGO-1KG',
          title: { th: 'มะม่วง', zh: '芒果', en: 'Mango' },
          detail: [],
          unitPriceSatang: 10_000,
          quantity: 1,
        },
      ],
    }),
  );
  const productId = newId();
  await db.execute(sql`update order_lines set product_id = ${productId} where order_id = ${order.orderId}`);
  if (deliver) {
    await markGroupPaid(db, systemActor('payments'), order.groupId);
    await db.transaction((tx) => completeServiceOrder(tx, seller, order.orderId));
  }
  return { shop, buyer, orderId: order.orderId, productId };
}

const post = (url: string, cookie: string, payload: object, lang = 'th') =>
  t.app.inject({ method: 'POST', url, headers: { cookie, 'accept-language': lang }, payload });

describe('reviews', () => {
  it('lets the buyer of a delivered order review its line once, even with concurrent tries', async () => {
    const { buyer, orderId, productId } = await deliveredOrder();
    const review = { orderId, lineNo: 0, rating: 5, body: 'หวานมาก', language: 'th' };
    const tries = await Promise.all([1, 2, 3].map(() => post('/api/reviews', buyer.cookie, review)));
    expect(tries.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    expect(tries.find((r) => r.statusCode === 409)?.json().code).toBe('review_already_written');
    const seen = (
      await t.app.inject({ url: `/api/products/${productId}/reviews`, headers: { 'accept-language': 'en' } })
    ).json();
    expect(seen.rating).toEqual({ average: 5, count: 1 });
    expect(seen.items[0]).toMatchObject({ body: 'หวานมาก', language: 'th', otherLanguage: true, translated: false });
  });

  it('refuses a review before delivery and a bad rating, in the reader’s language', async () => {
    const { buyer, orderId } = await deliveredOrder(false);
    const early = await post(
      '/api/reviews',
      buyer.cookie,
      { orderId, lineNo: 0, rating: 4, body: 'x', language: 'th' },
      'zh',
    );
    expect(early.statusCode).toBe(409);
    expect(early.headers['content-type']).toContain('application/problem+json');
    expect(early.json().detail).toBe('订单送达后才能评价');
    const other = await signedInUser(t.database.db);
    const notYours = await post('/api/reviews', other.cookie, {
      orderId,
      lineNo: 0,
      rating: 4,
      body: 'x',
      language: 'th',
    });
    expect(notYours.statusCode).toBe(404);
  });

  it('lets the shop reply, anyone report, and the operator hide the review', async () => {
    const { shop, buyer, orderId, productId } = await deliveredOrder();
    const { id } = (
      await post('/api/reviews', buyer.cookie, { orderId, lineNo: 0, rating: 1, body: 'bad', language: 'en' })
    ).json();
    const otherShop = await shopWithOwner(t.database.db);
    expect((await post(`/api/reviews/${id}/reply`, otherShop.cookie, { text: 'no' })).statusCode).toBe(404);
    expect((await post(`/api/reviews/${id}/reply`, shop.cookie, { text: 'ขออภัยค่ะ' })).statusCode).toBe(204);
    expect((await post(`/api/reviews/${id}/reports`, shop.cookie, { text: 'rude' })).statusCode).toBe(204);
    await moderateReview(t.database.db, systemActor('operator'), id, true);
    const seen = (await t.app.inject({ url: `/api/products/${productId}/reviews` })).json();
    expect(seen).toEqual({ rating: { average: null, count: 0 }, items: [] });
  });
});
