import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../app.ts';
import { queryRows, type Database } from '../../platform/db.ts';
import { createTestDatabase, testConfig, drainOutbox } from '../../../test/db.ts';
import { signedInUser } from '../catalog/testing.ts';
import { intentRow } from '../payments/testing.ts';
import { paymentsRuntime } from '../payments/index.ts';
import { deliverDue } from '../payments/testing.ts';
import { paySandboxQr, placedGroup, startIntent } from '../payments/testing.ts';
import { unbalancedTransactions } from './service.ts';

let database: Database;
let app: FastifyInstance;
let operator: { cookie: string };
beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildApp({ db: database.db, config: testConfig(), logger: false });
  operator = await signedInUser(database.db, { isOperator: true });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const get = (url: string, cookie: string) => app.inject({ url, headers: { cookie } });
const send = (method: 'POST', url: string, cookie: string, payload?: object, headers: Record<string, string> = {}) =>
  app.inject({ method, url, headers: { cookie, ...headers }, payload });
/** Refund settlement: the sandbox gateway's webhook, then the outbox. */
async function settle() {
  await deliverDue(paymentsRuntime(app).sandbox!);
  await drainOutbox(app);
}
const orderEntries = (orderId: string) =>
  queryRows<{ kind: string; account: string; amount: number }>(
    database.db,
    sql`
  select t.kind, e.account::text as account, e.amount::int as amount from ledger_entries e join ledger_transactions t on t.id = e.transaction_id
  where t.order_id = ${orderId}::uuid order by e.id`,
  );

describe('the ledger, refunds and payouts', () => {
  it('posts each paid order once, reverses refunds, pays out delivered orders after the holding period', async () => {
    const p = await placedGroup(app, { prices: [89_000, 45_000] });
    const [shopA, shopB] = p.shops;
    const [orderA, orderB] = p.orderIds;
    expect(
      (
        await send('POST', '/api/operator/commission-rates', operator.cookie, {
          sellerId: shopB.sellerId,
          rateBp: 1000,
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (await send('POST', '/api/operator/commission-rates', shopA.cookie, { sellerId: shopA.sellerId, rateBp: 0 }))
        .statusCode,
    ).toBe(403);
    await paySandboxQr(app, await startIntent(app, p, 'promptpay'));
    await drainOutbox(app);
    await drainOutbox(app); // delivered twice: posted once

    // Shop A: 890 + 50 shipping; 5% default commission on the goods = 44.50; 7% VAT on it = 3.12 (3.115 half up).
    expect(await orderEntries(orderA)).toEqual([
      { kind: 'order_paid', account: 'payments_clearing', amount: 94_000 },
      { kind: 'order_paid', account: 'seller_payable', amount: -89_238 },
      { kind: 'order_paid', account: 'commission_revenue', amount: -4_450 },
      { kind: 'order_paid', account: 'vat_payable', amount: -312 },
    ]);
    // Shop B at its own 10%: 45.00 commission, 3.15 VAT.
    expect((await orderEntries(orderB)).map((e) => e.amount)).toEqual([50_000, -45_185, -4_500, -315]);
    expect((await get(`/api/sellers/${shopA.sellerId}/balance`, shopA.cookie)).json()).toEqual({
      currency: 'THB',
      earned: 89_238,
      paidOut: 0,
      balance: 89_238,
      available: 0,
      holdDays: 7,
    });
    expect((await get(`/api/sellers/${shopA.sellerId}/balance`, shopB.cookie)).statusCode).toBe(403);

    // A partial refund by the shop, with an Idempotency-Key: a retry is the same refund.
    const refund = (cookie: string, amount: number, key = `r-${amount}-${Math.random()}`, lang = 'th') =>
      send(
        'POST',
        `/api/orders/${orderA}/refunds`,
        cookie,
        { amount, reason: 'ทุเรียนช้ำ 1 ลูก' },
        { 'idempotency-key': key, 'accept-language': lang },
      );
    expect((await refund(p.buyer.cookie, 100)).statusCode).toBe(403);
    expect((await refund(shopB.cookie, 100)).statusCode).toBe(404);
    const first = await refund(shopA.cookie, 10_000, 'refund-1');
    expect(first.statusCode).toBe(201);
    expect((await refund(shopA.cookie, 10_000, 'refund-1')).json().id).toBe(first.json().id);
    await settle();
    const intentId = (
      await queryRows<{ id: string }>(
        database.db,
        sql`select id from payment_intents where group_id = ${p.groupId}::uuid and captures_group`,
      )
    )[0].id;
    expect((await intentRow(database.db, intentId))!.status).toBe('partially_refunded');
    // 100 baht back: 4.73 of commission and 0.33 of VAT reverse with it; the shop gives back 94.94.
    expect((await orderEntries(orderA)).filter((e) => e.kind === 'refund')).toEqual([
      { kind: 'refund', account: 'seller_payable', amount: 9_494 },
      { kind: 'refund', account: 'commission_revenue', amount: 473 },
      { kind: 'refund', account: 'vat_payable', amount: 33 },
      { kind: 'refund', account: 'payments_clearing', amount: -10_000 },
    ]);
    const tooMuch = await refund(shopA.cookie, 84_001, undefined, 'en');
    expect(tooMuch.json()).toMatchObject({
      status: 422,
      code: 'refund_exceeds_paid',
      detail: 'The refund is more than can be refunded (840.00)',
    });

    // Shop A ships and the order is delivered (here decided by an operator; a shop proves it with a
    // photo, shipping's delivery-proof test); the holding period keeps the money until it has passed.
    for (const [cookie, body] of [
      [shopA.cookie, { to: 'processing' }],
      [shopA.cookie, { to: 'shipped', trackingNumber: 'EE123456785TH' }],
      [operator.cookie, { to: 'delivered', reason: 'carrier confirmed by phone' }],
    ] as const) {
      const res = await send('POST', `/api/orders/${orderA}/transitions`, cookie, body);
      expect(res.statusCode).toBe(200);
    }
    await drainOutbox(app);
    expect((await send('POST', '/api/operator/payout-batches', operator.cookie, {})).json().code).toBe(
      'payout_batch_empty',
    );
    expect((await send('POST', '/api/operator/payout-batches', shopA.cookie, { holdDays: 0 })).statusCode).toBe(403);
    const batch = await send('POST', '/api/operator/payout-batches', operator.cookie, {
      holdDays: 0,
      minimumAmount: 100_00,
    });
    expect(batch.statusCode).toBe(201);
    const mine = batch.json().payouts.filter((x: any) => x.sellerId === shopA.sellerId);
    expect(mine.map((x: any) => x.amount)).toEqual([79_744]);
    // Shop B's order was not delivered: not in the batch.
    expect(batch.json().payouts.some((x: any) => x.sellerId === shopB.sellerId)).toBe(false);

    const csv = await get(`/api/operator/payout-batches/${batch.json().id}/csv`, operator.cookie);
    expect(csv.headers['content-type']).toContain('text/csv');
    const line = csv.body.split('\r\n').find((l) => l.includes(shopA.sellerId))!;
    expect(line).toContain('"797.44"');
    expect(line).toContain('"promptpay"');
    expect(line).toContain('"0812345678"'); // the full PromptPay ID for the bank, unmasked

    expect((await get(`/api/sellers/${shopA.sellerId}/balance`, shopA.cookie)).json()).toMatchObject({
      earned: 79_744,
      paidOut: 79_744,
      balance: 0,
      available: 0,
    });
    const paid = await send('POST', `/api/operator/payout-batches/${batch.json().id}/mark-paid`, operator.cookie);
    expect(paid.json().status).toBe('paid');
    expect(
      (await send('POST', `/api/operator/payout-batches/${batch.json().id}/mark-paid`, operator.cookie)).json().code,
    ).toBe('payout_batch_paid');
    const payouts = (await get(`/api/sellers/${shopA.sellerId}/payouts`, shopA.cookie)).json();
    expect(payouts).toHaveLength(1);
    expect(payouts[0]).toMatchObject({ amount: 79_744, status: 'paid' });
    const entries = (await get(`/api/sellers/${shopA.sellerId}/ledger-entries`, shopA.cookie)).json();
    expect(entries.items.map((e: any) => [e.kind, e.amount])).toEqual([
      ['payout', -79_744],
      ['refund', -9_494],
      ['order_paid', 89_238],
    ]);

    // A paid order cancelled by its shop is refunded in full, automatically.
    expect(
      (await send('POST', `/api/orders/${orderB}/transitions`, shopB.cookie, { to: 'cancelled', reason: 'สินค้าหมด' }))
        .statusCode,
    ).toBe(200);
    await drainOutbox(app);
    await paymentsRuntime(app).db.execute(
      sql`update refunds set created_at = created_at - interval '1 minute' where order_id = ${orderB}::uuid`,
    );
    const { sendPendingRefunds } = await import('../payments/testing.ts');
    await sendPendingRefunds(paymentsRuntime(app));
    await settle();
    const b = await orderEntries(orderB);
    const byAccount = (account: string) => b.filter((e) => e.account === account).reduce((s, e) => s + e.amount, 0);
    for (const account of ['payments_clearing', 'seller_payable', 'commission_revenue', 'vat_payable'])
      expect(byAccount(account)).toBe(0);

    const trial = (await get('/api/operator/ledger/trial-balance', operator.cookie)).json();
    expect(trial.reduce((s: number, r: any) => s + r.balance, 0)).toBe(0);
    expect(await unbalancedTransactions(database.db)).toBe(0);
  });

  it('records the rate of a conversion when the buyer paid in CNY', async () => {
    await send('POST', '/api/operator/fx-rates', operator.cookie, {
      base: 'THB',
      quote: 'CNY',
      rate: '0.2013',
      source: 'test rate',
    });
    const p = await placedGroup(app, { prices: [129_000] });
    const intent = await startIntent(app, p, 'alipay');
    await app.inject({
      method: 'POST',
      url: `/api/sandbox-gateway/alipay/payments/${intent.redirectUrl.split('/').pop()}/confirm`,
    });
    await drainOutbox(app);
    const [t] = await queryRows<{ currency: string; fx: any }>(
      database.db,
      sql`select currency, fx from ledger_transactions where order_id = ${p.orderIds[0]}::uuid`,
    );
    expect(t).toEqual({
      currency: 'THB',
      fx: { fromCurrency: 'CNY', fromAmount: 26_974, rate: '0.2013', source: 'test rate', rounding: 'half_up' },
    });

    // Refunded in two uneven parts, the yuan sent back add up to exactly what was paid.
    const shop = p.shops[0];
    for (const amount of [50_000, 84_000]) {
      const r = await send('POST', `/api/orders/${p.orderIds[0]}/refunds`, shop.cookie, {
        amount,
        reason: 'ลูกค้ายกเลิก',
      });
      expect(r.statusCode).toBe(201);
    }
    const parts = await queryRows<{ provider_amount: number; status: string }>(
      database.db,
      sql`
      select provider_amount::int, status::text from refunds where order_id = ${p.orderIds[0]}::uuid order by created_at`,
    );
    expect(parts).toEqual([
      { provider_amount: 10_065, status: 'succeeded' },
      { provider_amount: 16_909, status: 'succeeded' },
    ]);
    expect((await intentRow(database.db, intent.id))!.status).toBe('refunded');
    await drainOutbox(app);
    const entries = await orderEntries(p.orderIds[0]);
    for (const account of ['payments_clearing', 'seller_payable', 'commission_revenue', 'vat_payable']) {
      expect(
        entries.filter((e) => e.account === account).reduce((sum, e) => sum + e.amount, 0),
        account,
      ).toBe(0);
    }
  });
});
