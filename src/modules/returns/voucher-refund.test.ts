// A return of an order bought with a platform voucher: the buyer gets back what she paid for the
// line (the voucher's share off), and the ledger takes the voucher's share back from the shop, so
// that once the order is refunded in full every account of the order is back at zero.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { drainOutbox, useTestApp } from '../../../test/db.ts';
import { addToCart, checkout } from '../../../test/shop.ts';
import { systemActor } from '../../platform/actor.ts';
import { queryRows } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import { shopWithOwner, signedInUser } from '../catalog/testing.ts';
import { productInStock } from '../inventory/testing.ts';
import { advanceOrderByCarrier } from '../orders/index.ts';
import { deliverDue, dispatchRefund, paymentsRuntime } from '../payments/testing.ts';

const t = useTestApp();

const call = (method: 'GET' | 'POST', url: string, cookie: string, payload?: object) =>
  t.app.inject({
    method,
    url,
    headers: { cookie, 'idempotency-key': newId() },
    ...(payload ? { payload } : {}),
  });

/** The gateway confirms the refunds sent, and the outbox delivers payment.refunded to the ledger. */
async function settle(refundId?: string) {
  if (refundId) await dispatchRefund(paymentsRuntime(t.app), refundId);
  await deliverDue(paymentsRuntime(t.app).sandbox!);
  await drainOutbox(t.app);
}

const balances = async (orderId: string) =>
  Object.fromEntries(
    (
      await queryRows<{ account: string; amount: number }>(
        t.app.db,
        sql`select e.account::text as account, sum(e.amount)::int as amount from ledger_entries e
            join ledger_transactions t on t.id = e.transaction_id
            where t.order_id = ${orderId}::uuid and t.currency = 'THB' group by 1 order by 1`,
      )
    ).map((r) => [r.account, r.amount]),
  );

const promotionBacks = (orderId: string) =>
  queryRows<{ amount: number }>(
    t.app.db,
    sql`select e.amount::int as amount from ledger_entries e join ledger_transactions t on t.id = e.transaction_id
        where t.order_id = ${orderId}::uuid and t.kind = 'platform_promotion_refund' and e.account = 'platform_promotions'
        order by e.id`,
  );

describe('returns of an order bought with a platform voucher', () => {
  it('refunds what was paid for the line and takes the voucher’s share back from the shop, to zero in full', async () => {
    const shop = await shopWithOwner(t.app.db);
    const p = await productInStock(t.app.db, shop.sellerId, { priceSatang: 25_000, stock: 10 });
    const operator = await signedInUser(t.app.db, { isOperator: true });
    const v = await call('POST', '/api/operator/vouchers', operator.cookie, {
      code: 'PLAT100',
      name: { th: 'ส่วนลดจากแพลตฟอร์ม', en: 'Platform discount' },
      kind: 'amount',
      amountSatang: 10_000,
      perBuyerLimit: 1,
      totalLimit: 10,
      startsAt: new Date(Date.now() - 3_600_000).toISOString(),
      endsAt: new Date(Date.now() + 86_400_000).toISOString(),
    });
    expect(v.statusCode, v.body).toBe(201);

    // Two units at 250 baht, 50 baht shipping, 100 baht off from the platform: the buyer pays 450.
    const buyer = await signedInUser(t.app.db);
    const { cookie } = await addToCart(t.app, p.variantId, 2, buyer.cookie);
    const placed = await checkout(t.app, cookie, newId(), { voucherCodes: ['PLAT100'] });
    expect(placed.statusCode, placed.body).toBe(201);
    const g = placed.json();
    expect(g.totalSatang).toBe(45_000);
    const orderId = g.orders[0].id;
    const intent = await call('POST', `/api/order-groups/${g.orderGroupId}/payment-intents`, cookie, {
      method: 'promptpay',
    });
    await t.app.inject({
      method: 'POST',
      url: '/api/sandbox-gateway/promptpay/pay',
      payload: { payload: intent.json().promptpay.payload },
    });
    await settle();
    await t.app.db.transaction(async (tx) => {
      await advanceOrderByCarrier(tx, systemActor('shipping'), orderId, 'shipped', 'EB000000015TH');
      await advanceOrderByCarrier(tx, systemActor('shipping'), orderId, 'delivered');
    });
    await drainOutbox(t.app);
    // The shop is owed as if the buyer had paid 550: the platform pays it the 100 baht.
    const paid = await balances(orderId);
    expect(paid.platform_promotions).toBe(10_000);

    // One unit back, refund only: 250 less its 50 baht share of the voucher.
    const first = await call('POST', `/api/orders/${orderId}/returns`, cookie, {
      lineNo: 0,
      kind: 'refund_only',
      reason: 'damaged',
      quantity: 1,
    });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().requestedSatang).toBe(20_000);
    const accepted = await call('POST', `/api/returns/${first.json().id}/decision`, shop.cookie, {
      decision: 'accept',
    });
    expect(accepted.json()).toMatchObject({ status: 'refunded', agreedSatang: 20_000 });
    await settle(accepted.json().refundId);
    // 200 of the 450 paid is refunded: 200/450 of the 100 baht voucher (44.44) goes back to the platform.
    expect(await promotionBacks(orderId)).toEqual([{ amount: -4_444 }]);
    const half = await balances(orderId);
    expect(half.platform_promotions).toBe(10_000 - 4_444);

    // The second unit, then the shop refunds the shipping: the order is refunded in full.
    const second = await call('POST', `/api/orders/${orderId}/returns`, cookie, {
      lineNo: 0,
      kind: 'refund_only',
      reason: 'damaged',
      quantity: 1,
    });
    expect(second.json().requestedSatang).toBe(20_000);
    const again = await call('POST', `/api/returns/${second.json().id}/decision`, shop.cookie, { decision: 'accept' });
    await settle(again.json().refundId);
    const shipping = await call('POST', `/api/orders/${orderId}/refunds`, shop.cookie, {
      amount: 5_000,
      reason: 'ค่าส่ง',
    });
    expect(shipping.statusCode, shipping.body).toBe(201);
    await settle();
    expect((await promotionBacks(orderId)).map((r) => r.amount)).toEqual([-4_444, -4_445, -1_111]);
    // Nothing left anywhere: the shop owes nothing and is owed nothing, the platform spent nothing.
    const after = await balances(orderId);
    for (const account of ['platform_promotions', 'seller_payable', 'commission_revenue', 'vat_payable'])
      expect(after[account] ?? 0, account).toBe(0);

    // A repeated delivery of the events posts nothing twice.
    await t.app.db.execute(
      sql`update outbox set delivered_at = null where topic in ('payment.refunded', 'order.paid')`,
    );
    await drainOutbox(t.app);
    expect(await promotionBacks(orderId)).toHaveLength(3);
  });
});
