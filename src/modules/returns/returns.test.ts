import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { drainOutbox, useTestApp } from '../../../test/db.ts';
import { PDF, PNG, multipart } from '../../../test/uploads.ts';
import { systemActor } from '../../platform/actor.ts';
import { queryRows } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import { shopWithOwner, signedInUser } from '../catalog/testing.ts';
import { paidOrder } from '../hub/testing.ts';
import { productInStock } from '../inventory/testing.ts';
import { advanceOrderByCarrier } from '../orders/index.ts';
import { deliverDue, dispatchRefund, paymentsRuntime } from '../payments/testing.ts';
import { advanceCarrierSandbox, sandboxShipping } from '../shipping/testing.ts';

const t = useTestApp();

/** A paid (sandbox QR) order of `quantity` units at `price`, shipped by the shop and delivered. */
async function deliveredOrder(quantity = 1, price = 25_000) {
  const shop = await shopWithOwner(t.app.db);
  const p = await productInStock(t.app.db, shop.sellerId, { priceSatang: price, stock: 100 });
  const o = await paidOrder(t.app, p.variantId, quantity);
  await t.app.db.transaction(async (tx) => {
    await advanceOrderByCarrier(tx, systemActor('shipping'), o.orderId, 'shipped', 'EB000000015TH');
    await advanceOrderByCarrier(tx, systemActor('shipping'), o.orderId, 'delivered');
  });
  await drainOutbox(t.app);
  return { shop, ...o };
}

const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: object, lang = 'th') =>
  t.app.inject({
    method,
    url,
    headers: { cookie, 'accept-language': lang, 'idempotency-key': newId() },
    ...(payload ? { payload } : {}),
  });

const ask = (orderId: string, cookie: string, body: object = {}, lang = 'th') =>
  call(
    'POST',
    `/api/orders/${orderId}/returns`,
    cookie,
    {
      lineNo: 0,
      kind: 'return',
      reason: 'damaged',
      quantity: 1,
      note: 'กล่องบุบ',
      ...body,
    },
    lang,
  );

const refundsOf = (orderId: string) =>
  queryRows<{ amount: number; status: string }>(
    t.app.db,
    sql`select amount::int as amount, status from refunds where order_id = ${orderId}::uuid order by created_at`,
  );

describe('returns', () => {
  it('returns goods: request with a photo, shop accepts, label, parcel back, refund through payments and the ledger', async () => {
    const o = await deliveredOrder(2);
    const req = await ask(o.orderId, o.buyerCookie);
    expect(req.statusCode).toBe(201);
    const ret = req.json();
    expect(ret).toMatchObject({ status: 'requested', requestedSatang: 25_000, reasonLabel: 'สินค้าเสียหาย' });

    const photo = multipart([{ name: 'file', filename: 'box.png', type: 'image/png', data: PNG }]);
    const up = await t.app.inject({
      method: 'POST',
      url: `/api/returns/${ret.id}/photos`,
      headers: { cookie: o.buyerCookie, ...photo.headers },
      payload: photo.payload,
    });
    expect(up.statusCode).toBe(201);
    const notPhoto = multipart([{ name: 'file', filename: 'x.png', type: 'image/png', data: PDF }]);
    const bad = await t.app.inject({
      method: 'POST',
      url: `/api/returns/${ret.id}/photos`,
      headers: { cookie: o.buyerCookie, 'accept-language': 'en', ...notPhoto.headers },
      payload: notPhoto.payload,
    });
    expect(bad.statusCode).toBe(422);
    const other = await shopWithOwner(t.app.db);
    expect((await call('GET', `/api/returns/${ret.id}`, other.cookie)).statusCode).toBe(404);
    expect(
      (await call('POST', `/api/returns/${ret.id}/decision`, other.cookie, { decision: 'accept' })).statusCode,
    ).toBe(404);

    const accepted = await call('POST', `/api/returns/${ret.id}/decision`, o.shop.cookie, { decision: 'accept' });
    expect(accepted.json().status).toBe('awaiting_return');
    const label = await call('POST', `/api/returns/${ret.id}/label`, o.buyerCookie);
    expect(label.json().shipment.trackingNumber).toMatch(/^EB\d{9}TH$/);
    const pdf = await call('GET', `/api/returns/${ret.id}/label.pdf`, o.buyerCookie);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    expect((await call('POST', `/api/returns/${ret.id}/handover`, o.buyerCookie)).json().status).toBe('in_transit');

    await advanceCarrierSandbox(t.app.db, systemActor('test'), { hours: 200 }, sandboxShipping);
    await drainOutbox(t.app);
    const done = (await call('GET', `/api/returns/${ret.id}`, o.buyerCookie, undefined, 'en')).json();
    expect(done).toMatchObject({
      status: 'refunded',
      statusLabel: 'Refunded',
      agreedSatang: 25_000,
      disposition: 'kept',
    });
    expect(done.steps.map((s: { step: string }) => s.step)).toEqual([
      'requested',
      'accepted',
      'label_booked',
      'handed_over',
      'received',
      'refunded',
    ]);
    // The order itself stays delivered; the refund is sent by the payments job, and the ledger posts it.
    await dispatchRefund(paymentsRuntime(t.app), done.refundId);
    await deliverDue(paymentsRuntime(t.app).sandbox!);
    await drainOutbox(t.app);
    expect(await refundsOf(o.orderId)).toEqual([{ amount: 25_000, status: 'succeeded' }]);
    const [ledger] = await queryRows<{ n: number }>(
      t.app.db,
      sql`select count(*)::int as n from ledger_transactions where source_key like ${`payment.refunded:${done.refundId}%`}`,
    );
    expect(ledger.n).toBeGreaterThan(0);
  });

  it('refuses outside the window, twice for one line (even at once), and explains in the reader’s language', async () => {
    const o = await deliveredOrder();
    const tries = await Promise.all([1, 2, 3].map(() => ask(o.orderId, o.buyerCookie, { kind: 'refund_only' })));
    expect(tries.map((r) => r.statusCode).sort()).toEqual([201, 409, 409]);
    expect(tries.find((r) => r.statusCode === 409)?.json().code).toBe('return_already_open');
    const stranger = await signedInUser(t.app.db);
    expect((await ask(o.orderId, stranger.cookie)).statusCode).toBe(404);

    const late = await deliveredOrder();
    await call('PUT', `/api/sellers/${late.shop.sellerId}/return-policy`, late.shop.cookie, { windowDays: 0 });
    await t.app.db.execute(
      sql`update orders set delivered_at = now() - interval '1 day' where id = ${late.orderId}::uuid`,
    );
    const closed = await ask(late.orderId, late.buyerCookie, {}, 'zh');
    expect(closed.statusCode).toBe(409);
    expect(closed.json().detail).toBe('已超过退货期限（本店支持收货后 0 天内退货）');
  });

  it('a partial offer refused by the buyer goes to the operator, who refunds; refunds never exceed what was paid', async () => {
    const o = await deliveredOrder(2);
    const ret = (await ask(o.orderId, o.buyerCookie, { kind: 'refund_only', quantity: 2 })).json();
    const offer = await call('POST', `/api/returns/${ret.id}/decision`, o.shop.cookie, {
      decision: 'offer',
      amountSatang: 10_000,
      reason: 'ส่วนใหญ่ยังดี',
    });
    expect(offer.json().status).toBe('offered');
    const declined = await call('POST', `/api/returns/${ret.id}/offer-answer`, o.buyerCookie, {
      accept: false,
      note: 'เสียทั้งหมด',
    });
    expect(declined.json().status).toBe('escalated');
    const operator = await signedInUser(t.app.db);
    await t.app.db.execute(sql`update users set is_operator = true where id = ${operator.userId}::uuid`);
    const queue = (await call('GET', '/api/operator/returns', operator.cookie)).json();
    expect(queue.items.map((r: { id: string }) => r.id)).toContain(ret.id);

    // Meanwhile the shop refunds most of the order by hand: the operator's refund must not pass what was paid.
    const manual = await call('POST', `/api/orders/${o.orderId}/refunds`, o.shop.cookie, {
      amount: 40_000,
      reason: 'goodwill',
    });
    expect(manual.statusCode).toBe(201);
    const [first, second] = await Promise.all([
      call('POST', `/api/operator/returns/${ret.id}/decision`, operator.cookie, {
        decision: 'refund',
        amountSatang: 50_000,
        note: 'รูปยืนยันว่าเสียหาย',
      }),
      call('POST', `/api/operator/returns/${ret.id}/decision`, operator.cookie, {
        decision: 'refund',
        amountSatang: 50_000,
        note: 'รูปยืนยันว่าเสียหาย',
      }),
    ]);
    const codes = [first, second].map((r) => r.json().code ?? r.statusCode);
    expect(codes).toContain('refund_exceeds_paid');
    const total = (await refundsOf(o.orderId)).reduce((s, r) => s + r.amount, 0);
    expect(total).toBeLessThanOrEqual(50_000);
    const ok = await call('POST', `/api/operator/returns/${ret.id}/decision`, operator.cookie, {
      decision: 'refund',
      amountSatang: 10_000,
      note: 'ส่วนที่เหลือ',
    });
    expect(ok.json()).toMatchObject({ status: 'refunded', agreedSatang: 10_000 });
    expect((await refundsOf(o.orderId)).reduce((s, r) => s + r.amount, 0)).toBe(50_000);
  });

  it('refund-only requests on two lines at once never pay out more than the order', async () => {
    const shop = await shopWithOwner(t.app.db);
    const a = await productInStock(t.app.db, shop.sellerId, { priceSatang: 30_000, stock: 10 });
    const o = await paidOrder(t.app, a.variantId, 3);
    await t.app.db.transaction(async (tx) => {
      await advanceOrderByCarrier(tx, systemActor('shipping'), o.orderId, 'shipped', 'EB000000015TH');
      await advanceOrderByCarrier(tx, systemActor('shipping'), o.orderId, 'delivered');
    });
    const ret = (await ask(o.orderId, o.buyerCookie, { kind: 'refund_only', quantity: 3 })).json();
    const accepts = await Promise.all(
      [1, 2, 3].map(() => call('POST', `/api/returns/${ret.id}/decision`, shop.cookie, { decision: 'accept' })),
    );
    expect(accepts.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(await refundsOf(o.orderId)).toEqual([{ amount: 90_000, status: expect.any(String) }]);
    const again = await ask(o.orderId, o.buyerCookie, { kind: 'refund_only' });
    expect(again.json().code).toBe('return_line_refunded');
  });
});
