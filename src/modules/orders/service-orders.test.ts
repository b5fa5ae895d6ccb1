import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { drainOutbox, useTestApp } from '../../../test/db.ts';
import { systemActor } from '../../platform/actor.ts';
import { queryRows } from '../../platform/db.ts';
import { userOwner } from '../cart/index.ts';
import { shopWithOwner, signedInUser } from '../catalog/testing.ts';
import { completeServiceOrder, placeServiceOrder } from './service-orders.ts';
import { expireUnpaidOrders, markGroupPaid } from './service.ts';

const t = useTestApp();
const tourism = systemActor('tourism');
const line = (reference: string) => ({
  reference,
  sku: 'SILK-CLASS-HALF',
  title: { th: 'เรียนทอผ้าไหมครึ่งวัน', zh: '半日丝绸编织课', en: 'Half-day silk weaving class' },
  detail: [{ th: 'ผู้ใหญ่', zh: '成人', en: 'Adult' }],
  unitPriceSatang: 120_000,
  quantity: 2,
});

async function placed(opts: { dueInMs?: number } = {}) {
  const shop = await shopWithOwner(t.database.db);
  const buyer = await signedInUser(t.database.db);
  const order = await t.database.db.transaction((tx) =>
    placeServiceOrder(tx, tourism, {
      buyer: userOwner(buyer.userId),
      sellerId: shop.sellerId,
      contactPhone: '+66812345678',
      paymentDueAt: new Date(Date.now() + (opts.dueInMs ?? 15 * 60_000)),
      lines: [line('tourism.booking:01900000-0000-7000-8000-00000000b001')],
    }),
  );
  return { shop, buyer, order };
}

const get = (url: string, cookie: string) => t.app.inject({ url, headers: { cookie, 'accept-language': 'zh' } });

describe('a service order (an experience, a trade milestone)', () => {
  it('is the buyer’s order with its lines, paid and posted like any other, and completed by its seller module', async () => {
    const { shop, buyer, order } = await placed();
    expect(order).toMatchObject({ totalSatang: 240_000, number: expect.stringMatching(/^TLD-\d{8}$/) });
    const seen = (await get(`/api/orders/${order.orderId}`, buyer.cookie)).json();
    expect(seen).toMatchObject({ status: 'pending_payment', totalSatang: 240_000, shippingSatang: 0 });
    expect(seen.lines[0]).toMatchObject({ title: '半日丝绸编织课', quantity: 2, unitPriceSatang: 120_000 });

    await markGroupPaid(t.database.db, systemActor('payments'), order.groupId);
    // A service ships nothing: the shop cannot mark it processing or shipped.
    const shipped = await t.app.inject({
      method: 'POST',
      url: `/api/orders/${order.orderId}/transitions`,
      headers: { cookie: shop.cookie },
      payload: { to: 'processing' },
    });
    expect(shipped.statusCode).toBe(409);
    expect(shipped.json().code).toBe('order_not_shippable');

    await t.database.db.transaction((tx) => completeServiceOrder(tx, tourism, order.orderId));
    await t.database.db.transaction((tx) => completeServiceOrder(tx, tourism, order.orderId)); // again: no change
    expect((await get(`/api/orders/${order.orderId}`, buyer.cookie)).json().status).toBe('delivered');

    await drainOutbox(t.app);
    const topics = await queryRows<{ topic: string; kind: string | null }>(
      t.database.db,
      sql`select topic, payload->>'kind' as kind from outbox where aggregate_id = ${order.orderId} order by id`,
    );
    expect(topics.map((r) => r.topic)).toEqual(['order.placed', 'order.paid', 'order.delivered']);
    expect(topics[0].kind).toBe('service');
    // The ledger booked the sale: the shop's payable, the commission and its VAT.
    const [posted] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from ledger_transactions where source_key = ${`order.paid:${order.orderId}`}`,
    );
    expect(posted.n).toBe(1);
  });

  it('lapses when unpaid by its time, and only the seller module may place or complete one', async () => {
    const { buyer, order } = await placed({ dueInMs: -1000 });
    expect(await expireUnpaidOrders(t.database.db)).toBeGreaterThan(0);
    expect((await get(`/api/orders/${order.orderId}`, buyer.cookie)).json().status).toBe('cancelled');

    const asBuyer = { kind: 'user' as const, userId: buyer.userId, isOperator: false, guestTokenHash: null };
    await expect(
      t.database.db.transaction((tx) =>
        placeServiceOrder(tx, asBuyer, {
          buyer: userOwner(buyer.userId),
          sellerId: order.orderId,
          paymentDueAt: new Date(),
          lines: [line('x')],
        }),
      ),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      t.database.db.transaction((tx) => completeServiceOrder(tx, asBuyer, order.orderId)),
    ).rejects.toMatchObject({ status: 403 });
  });
});
