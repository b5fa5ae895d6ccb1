import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db.ts';
import { useTestApp } from '../../../test/db.ts';
import { addToCart, checkout } from '../../../test/shop.ts';
import { shopWithOwner, signedInUser } from '../catalog/testing.ts';
import { productInStock, stockOf } from '../inventory/testing.ts';
import { systemActor, type Actor } from '../../platform/actor.ts';
import type { AppError } from '../../platform/errors.ts';
import { expireUnpaidOrders, markGroupPaid } from './service.ts';

const t = useTestApp();
let operator: { cookie: string };
beforeAll(async () => {
  operator = await signedInUser(t.database.db, { isOperator: true });
});

async function placedOrder(stock = 10, quantity = 2) {
  const shop = await shopWithOwner(t.database.db);
  const p = await productInStock(t.database.db, shop.sellerId, { stock });
  const buyer = await signedInUser(t.database.db);
  const { cookie } = await addToCart(t.app, p.variantId, quantity, buyer.cookie);
  const res = await checkout(t.app, cookie, `k-${p.variantId}`);
  expect(res.statusCode).toBe(201);
  return { shop, p, buyer: { ...buyer, cookie }, group: res.json(), order: res.json().orders[0] };
}

const move = (id: string, cookie: string, body: Record<string, unknown>, lang = 'th') =>
  t.app.inject({
    method: 'POST',
    url: `/api/orders/${id}/transitions`,
    headers: { cookie, 'accept-language': lang },
    payload: body,
  });
// Payment is confirmed by the payments module (a system actor); nobody else may mark a group paid.
const markPaid = async (groupId: string, actor: Actor = systemActor('payments')) => {
  try {
    await markGroupPaid(t.database.db, actor, groupId);
    return { statusCode: 200, code: null };
  } catch (err) {
    return { statusCode: (err as AppError).status, code: (err as AppError).code };
  }
};
const orderGroup = (groupId: string) =>
  t.app.inject({ url: `/api/order-groups/${groupId}`, headers: { cookie: operator.cookie } });

describe('an order from payment to delivery', () => {
  it('goes paid -> processing -> shipped -> delivered, each step by whom it belongs to', async () => {
    const { shop, p, buyer, group, order } = await placedOrder(10, 2);
    expect(
      (
        await markPaid(group.orderGroupId, {
          kind: 'user',
          userId: buyer.userId,
          isOperator: false,
          guestTokenHash: null,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await markPaid(group.orderGroupId, {
          kind: 'user',
          userId: buyer.userId,
          isOperator: true,
          guestTokenHash: null,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/order-groups/${group.orderGroupId}/mark-paid`,
          headers: { cookie: operator.cookie },
        })
      ).statusCode,
    ).toBe(404);
    expect((await markPaid(group.orderGroupId)).statusCode).toBe(200);
    expect((await orderGroup(group.orderGroupId)).json().orders[0].status).toBe('paid');
    expect(await stockOf(t.database.db, p.variantId)).toEqual({ onHand: 8, reserved: 0 });

    expect((await move(order.id, buyer.cookie, { to: 'processing' })).statusCode).toBe(403);
    expect((await move(order.id, shop.cookie, { to: 'processing' })).json().status).toBe('processing');
    const shipped = await move(order.id, shop.cookie, { to: 'shipped', trackingNumber: 'EE123456785TH' });
    expect(shipped.json()).toMatchObject({ status: 'shipped', trackingNumber: 'EE123456785TH' });
    const late = await move(order.id, buyer.cookie, { to: 'cancelled' }, 'en');
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({
      code: 'invalid_transition',
      detail: 'An order cannot go from "shipped" to "cancelled"',
    });
    // The shop's word is not proof of delivery: it sends a photo or signature (shipping's
    // delivery-proof test) or the carrier reports it. An operator may decide it, with a reason.
    const unproven = await move(order.id, shop.cookie, { to: 'delivered' }, 'en');
    expect(unproven.statusCode).toBe(409);
    expect(unproven.json().code).toBe('delivery_proof_required');
    const noReason = await move(order.id, operator.cookie, { to: 'delivered' }, 'en');
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().errors).toEqual([expect.objectContaining({ field: 'reason', code: 'required' })]);
    const decided = await move(order.id, operator.cookie, { to: 'delivered', reason: 'buyer confirmed by phone' });
    expect(decided.json().status).toBe('delivered');

    const steps = await queryRows<{ from_status: string; to_status: string }>(
      t.database.db,
      sql`
      select from_status, to_status from order_transitions where order_id = ${order.id}::uuid order by created_at, id`,
    );
    expect(steps.map((s) => `${s.from_status}>${s.to_status}`)).toEqual([
      'pending_payment>paid',
      'paid>processing',
      'processing>shipped',
      'shipped>delivered',
    ]);
    const events = await queryRows<{ topic: string }>(
      t.database.db,
      sql`select topic from outbox where aggregate_id = ${order.id}::uuid order by id`,
    );
    expect(events.map((e) => e.topic)).toEqual([
      'order.placed',
      'order.paid',
      'order.processing',
      'order.shipped',
      'order.delivered',
    ]);
  });

  it('gives the stock back when an order is cancelled before or after payment', async () => {
    const unpaid = await placedOrder(10, 3);
    expect(await stockOf(t.database.db, unpaid.p.variantId)).toEqual({ onHand: 10, reserved: 3 });
    const cancelled = await move(unpaid.order.id, unpaid.buyer.cookie, { to: 'cancelled', reason: 'เปลี่ยนใจ' });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', cancelReason: 'เปลี่ยนใจ' });
    expect(await stockOf(t.database.db, unpaid.p.variantId)).toEqual({ onHand: 10, reserved: 0 });
    expect((await markPaid(unpaid.group.orderGroupId)).code).toBe('order_expired');

    const paid = await placedOrder(10, 4);
    await markPaid(paid.group.orderGroupId);
    expect(await stockOf(t.database.db, paid.p.variantId)).toEqual({ onHand: 6, reserved: 0 });
    await move(paid.order.id, paid.shop.cookie, { to: 'cancelled', reason: 'สินค้าเสียหาย' });
    expect(await stockOf(t.database.db, paid.p.variantId)).toEqual({ onHand: 10, reserved: 0 });
  });

  it('shows each order only to its buyer, its shop and operators', async () => {
    const { order, buyer, shop } = await placedOrder();
    const otherShop = await shopWithOwner(t.database.db);
    const stranger = await signedInUser(t.database.db);
    expect((await t.app.inject({ url: `/api/orders/${order.id}`, headers: { cookie: buyer.cookie } })).statusCode).toBe(
      200,
    );
    expect((await t.app.inject({ url: `/api/orders/${order.id}`, headers: { cookie: shop.cookie } })).statusCode).toBe(
      200,
    );
    expect(
      (await t.app.inject({ url: `/api/orders/${order.id}`, headers: { cookie: operator.cookie } })).statusCode,
    ).toBe(200);
    expect(
      (await t.app.inject({ url: `/api/orders/${order.id}`, headers: { cookie: otherShop.cookie } })).statusCode,
    ).toBe(404);
    expect(
      (await t.app.inject({ url: `/api/orders/${order.id}`, headers: { cookie: stranger.cookie } })).statusCode,
    ).toBe(404);
    expect((await move(order.id, otherShop.cookie, { to: 'cancelled' })).statusCode).toBe(404);
    const foreign = await t.app.inject({
      url: `/api/sellers/${shop.sellerId}/orders`,
      headers: { cookie: otherShop.cookie },
    });
    expect(foreign.statusCode).toBe(403);
    const own = (
      await t.app.inject({ url: `/api/sellers/${shop.sellerId}/orders`, headers: { cookie: shop.cookie } })
    ).json();
    expect(own.items.map((o: any) => o.id)).toEqual([order.id]);
    expect(own.items[0].shopName).toMatch(/^ร้านทดสอบ/);
    expect((await t.app.inject({ url: '/api/operator/orders', headers: { cookie: shop.cookie } })).statusCode).toBe(
      403,
    );
    expect(
      (await t.app.inject({ url: '/api/operator/orders', headers: { cookie: operator.cookie } })).json().total,
    ).toBeGreaterThan(0);
  });

  it('cancels orders not paid in time and frees their stock', async () => {
    const { p, order } = await placedOrder(5, 5);
    expect(await stockOf(t.database.db, p.variantId)).toEqual({ onHand: 5, reserved: 5 });
    expect(await expireUnpaidOrders(t.database.db, new Date())).toBe(0);
    const later = new Date(Date.now() + 16 * 60_000);
    expect(await expireUnpaidOrders(t.database.db, later)).toBeGreaterThanOrEqual(1);
    expect(await stockOf(t.database.db, p.variantId)).toEqual({ onHand: 5, reserved: 0 });
    const [row] = await queryRows<{ status: string; cancel_reason: string }>(
      t.database.db,
      sql`select status, cancel_reason from orders where id = ${order.id}::uuid`,
    );
    expect(row).toEqual({ status: 'cancelled', cancel_reason: 'payment_timeout' });
  });
});
