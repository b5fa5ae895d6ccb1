import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { drainOutbox, useTestApp } from '../../../test/db.ts';
import { PDF, PNG, multipart } from '../../../test/uploads.ts';
import { queryRows } from '../../platform/db.ts';
import { systemActor } from '../../platform/actor.ts';
import { newId } from '../../platform/ids.ts';
import { userOwner } from '../cart/index.ts';
import {
  categoryIdBySlug,
  productOnSale,
  seedCategories,
  shopWithOwner,
  signedInUser,
  type ShopFixture,
} from '../catalog/testing.ts';
import { completeServiceOrder, markGroupPaid, placeServiceOrder } from '../orders/index.ts';
import { moderateReview } from './service.ts';

const t = useTestApp();
const seller = systemActor('test');

// A delivered order with one line standing for a product (the line's product id is set directly:
// the test needs a delivered order, not the whole shipping flow).
async function deliveredOrder(deliver = true, on?: { shop: ShopFixture; productId: string }) {
  const db = t.database.db;
  const shop = on?.shop ?? (await shopWithOwner(db));
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
  const productId = on?.productId ?? newId();
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
    expect(seen.items[0]).toMatchObject({
      body: 'หวานมาก',
      language: 'th',
      otherLanguage: true,
      translated: false,
      shown: 'original',
      original: { language: 'th', body: 'หวานมาก' },
      translation: null,
    });
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
    const list = (cookie: string) =>
      t.app.inject({ url: `/api/sellers/${shop.sellerId}/reviews`, headers: { cookie } });
    expect((await list(otherShop.cookie)).statusCode).toBe(403);
    expect((await list(shop.cookie)).json().items).toMatchObject([{ id, reply: 'ขออภัยค่ะ', status: 'published' }]);
    const again = await post(`/api/reviews/${id}/reply`, shop.cookie, { text: 'อีกครั้ง' }, 'en');
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({
      code: 'review_already_replied',
      detail: 'The shop has already replied to this review (one reply only)',
    });
    expect((await post(`/api/reviews/${id}/reports`, shop.cookie, { text: 'rude' })).statusCode).toBe(204);
    await moderateReview(t.database.db, systemActor('operator'), id, { action: 'hide', reason: 'rude' });
    const seen = (await t.app.inject({ url: `/api/products/${productId}/reviews` })).json();
    expect(seen).toEqual({ rating: { average: null, count: 0 }, items: [] });
  });
});

const upload = (reviewId: string, cookie: string, data: Buffer, lang = 'th') => {
  const form = multipart([{ name: 'file', filename: 'mango.png', type: 'image/png', data }]);
  return t.app.inject({
    method: 'POST',
    url: `/api/reviews/${reviewId}/photos`,
    headers: { cookie, 'accept-language': lang, ...form.headers },
    payload: form.payload,
  });
};

describe('review photos and translations', () => {
  it('takes up to 4 photos from the buyer only, refuses a PDF, and shows them with the review', async () => {
    const { buyer, orderId, productId } = await deliveredOrder();
    const { id } = (
      await post('/api/reviews', buyer.cookie, { orderId, lineNo: 0, rating: 5, body: 'สวย', language: 'th' })
    ).json();
    const stranger = await signedInUser(t.database.db);
    expect((await upload(id, stranger.cookie, PNG)).statusCode).toBe(404);
    const pdf = await upload(id, buyer.cookie, PDF, 'zh');
    expect(pdf.statusCode).toBe(422);
    expect(pdf.json().code).toBe('document_not_supported');
    const tries = await Promise.all([1, 2, 3, 4, 5].map(() => upload(id, buyer.cookie, PNG, 'en')));
    expect(tries.map((r) => r.statusCode).sort()).toEqual([201, 201, 201, 201, 409]);
    expect(tries.find((r) => r.statusCode === 409)?.json().detail).toBe('A review has at most 4 photos');
    const seen = (await t.app.inject({ url: `/api/products/${productId}/reviews` })).json();
    expect(seen.items[0].photos).toHaveLength(4);
    const photo = await t.app.inject({ url: seen.items[0].photos[0].url });
    expect(photo.statusCode).toBe(200);
    expect(photo.headers['content-type']).toBe('image/png');
    expect(photo.rawPayload.equals(PNG)).toBe(true);
  });

  it('shows a reader in another language the buyer’s translation, marked, with the original kept', async () => {
    const { buyer, orderId, productId } = await deliveredOrder();
    const same = await post('/api/reviews', buyer.cookie, {
      orderId,
      lineNo: 0,
      rating: 4,
      body: 'หวานมาก ส่งเร็ว',
      language: 'th',
      translation: { language: 'th', body: 'x' },
    });
    expect(same.statusCode).toBe(422);
    const written = await post('/api/reviews', buyer.cookie, {
      orderId,
      lineNo: 0,
      rating: 4,
      body: 'หวานมาก ส่งเร็ว',
      language: 'th',
      translation: { language: 'zh', body: '很甜，发货快' },
    });
    expect(written.statusCode).toBe(201);
    const read = async (lang: string) =>
      (await t.app.inject({ url: `/api/products/${productId}/reviews`, headers: { 'accept-language': lang } })).json()
        .items[0];
    expect(await read('zh')).toMatchObject({
      shown: 'translation',
      translated: true,
      translation: { language: 'zh', body: '很甜，发货快', translatedBy: 'author' },
      original: { language: 'th', body: 'หวานมาก ส่งเร็ว' },
    });
    expect(await read('en')).toMatchObject({
      shown: 'original',
      translated: false,
      otherLanguage: true,
      translation: null,
    });
    expect(await read('th')).toMatchObject({ shown: 'original', otherLanguage: false, translation: null });
  });
});

describe('moderation', () => {
  it('queues reported reviews for operators only; hide and restore need a reason and are kept', async () => {
    const { buyer, orderId, productId } = await deliveredOrder();
    const { id } = (
      await post('/api/reviews', buyer.cookie, { orderId, lineNo: 0, rating: 1, body: 'spam spam', language: 'en' })
    ).json();
    const reporter = await signedInUser(t.database.db);
    await post(`/api/reviews/${id}/reports`, reporter.cookie, { text: 'advertising' });
    const operator = await signedInUser(t.database.db, { isOperator: true });
    const queue = (cookie: string) => t.app.inject({ url: '/api/operator/reviews/reports', headers: { cookie } });
    expect((await queue(reporter.cookie)).statusCode).toBe(403);
    const listed = (await queue(operator.cookie)).json();
    expect(listed.items.find((r: { id: string }) => r.id === id)).toMatchObject({
      body: 'spam spam',
      reports: [{ reason: 'advertising' }],
      status: 'published',
    });
    const moderate = (body: object, cookie = operator.cookie) =>
      post(`/api/operator/reviews/${id}/moderation`, cookie, body);
    expect((await moderate({ action: 'hide', reason: '' })).statusCode).toBe(422);
    expect((await moderate({ action: 'hide', reason: 'x' }, reporter.cookie)).statusCode).toBe(403);
    expect((await moderate({ action: 'hide', reason: 'โฆษณา' })).statusCode).toBe(204);
    const after = (await queue(operator.cookie)).json();
    expect(after.items.some((r: { id: string }) => r.id === id)).toBe(false);
    expect(after.hidden.find((r: { id: string }) => r.id === id)).toMatchObject({ moderationReason: 'โฆษณา' });
    expect((await t.app.inject({ url: `/api/products/${productId}/reviews` })).json().items).toEqual([]);
    expect((await moderate({ action: 'restore', reason: 'ผู้ขายชี้แจงแล้ว' })).statusCode).toBe(204);
    expect((await t.app.inject({ url: `/api/products/${productId}/reviews` })).json().items).toHaveLength(1);
    const steps = await queryRows<{ action: string; reason: string }>(
      t.database.db,
      sql`select action, reason from review_moderations where review_id = ${id}::uuid order by created_at`,
    );
    expect(steps).toEqual([
      { action: 'hide', reason: 'โฆษณา' },
      { action: 'restore', reason: 'ผู้ขายชี้แจงแล้ว' },
    ]);
  });
});

describe('ratings in search', () => {
  it('a review, through its event, lifts the product in search; hiding it puts the product back', async () => {
    const db = t.database.db;
    await seedCategories(db);
    const rice = await categoryIdBySlug(db, 'jasmine-rice');
    const shop = await shopWithOwner(db);
    const product = (sku: string) =>
      productOnSale(t.app, shop, rice, {
        title: { th: 'ข้าวไรซ์เบอร์รีวิวค้นหา' },
        variants: [{ sku, optionValues: [{ th: '1 กก.' }], priceSatang: 6_000, weightGrams: 1000 }],
      });
    const first = await product('RB-A');
    const second = await product('RB-B');
    await drainOutbox(t.app, 20);
    const order = async () =>
      (await t.app.inject({ url: `/api/search?q=${encodeURIComponent('ข้าวไรซ์เบอร์รีวิวค้นหา')}` }))
        .json()
        .items.map((i: { id: string }) => i.id);
    // Both sell 3 (units sold rank after the rating); `later` loses the tie on its id until reviewed.
    const later = [first.productId, second.productId].sort()[1];
    const earlier = [first.productId, second.productId].sort()[0];
    const orders = [];
    for (const productId of [earlier, earlier, earlier, later, later, later])
      orders.push(await deliveredOrder(true, { shop, productId }));
    await drainOutbox(t.app, 20);
    expect(await order()).toEqual([earlier, later]);
    const reviewIds: string[] = [];
    for (const o of orders.filter((x) => x.productId === later)) {
      const r = await post('/api/reviews', o.buyer.cookie, {
        orderId: o.orderId,
        lineNo: 0,
        rating: 5,
        body: 'ดีมาก',
        language: 'th',
      });
      reviewIds.push(r.json().id);
    }
    await drainOutbox(t.app, 20);
    expect(await order()).toEqual([later, earlier]);
    const scores = async () =>
      new Map(
        (
          await queryRows<{ id: string; score: number }>(
            db,
            sql`select product_id as id, rating_score::int as score from search_documents where seller_id = ${shop.sellerId}::uuid`,
          )
        ).map((r) => [r.id, r.score]),
      );
    // (10 × 3.5 + 15) / 13 for the reviewed one; its sibling gets a little of the shop's reputation.
    expect(await scores()).toEqual(
      new Map([
        [later, 38],
        [earlier, 36],
      ]),
    );
    for (const id of reviewIds)
      await moderateReview(db, systemActor('operator'), id, { action: 'hide', reason: 'test' });
    await drainOutbox(t.app, 20);
    expect(await order()).toEqual([earlier, later]);
    expect(await scores()).toEqual(
      new Map([
        [later, 35],
        [earlier, 35],
      ]),
    );
  });
});
