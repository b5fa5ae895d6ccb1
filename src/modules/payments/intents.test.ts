import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { generateKeyPairSync } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../app.ts';
import { queryRows, type Database } from '../../platform/db.ts';
import { createTestDatabase, testConfig } from '../../../test/db.ts';
import { signedInUser } from '../catalog/testing.ts';
import { expireUnpaidOrders } from '../orders/testing.ts';
import { newWebhookSecret } from './webhooks.ts';
import { scanPromptPay } from './promptpay.ts';
import { intentRow } from './intents.ts';
import { newId } from '../../platform/ids.ts';
import { paymentsRuntime } from './index.ts';
import { deliverDue } from './sandbox/gateway.ts';
import { alipayResult, gatewayEvent, paySandboxQr, placedGroup, sendSigned, startIntent } from './testing.ts';

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

const orderStatuses = (groupId: string) =>
  queryRows<{ status: string }>(
    database.db,
    sql`select status from orders where group_id = ${groupId}::uuid order by number`,
  ).then((r) => r.map((x) => x.status));
const paidTransitions = (groupId: string) =>
  queryRows<{ n: number }>(
    database.db,
    sql`
  select count(*)::int as n from order_transitions t join orders o on o.id = t.order_id where o.group_id = ${groupId}::uuid and t.to_status = 'paid'`,
  ).then((r) => r[0].n);
const topics = (groupId: string) =>
  queryRows<{ topic: string }>(
    database.db,
    sql`
  select topic from outbox where payload->>'groupId' = ${groupId} order by id`,
  ).then((r) => r.map((x) => x.topic));
const intentStatus = async (id: string) => (await intentRow(database.db, id))!.status;
const withRef = async (intent: { id: string }) => ({
  ...(intent as any),
  providerRef: (await intentRow(database.db, intent.id))!.providerRef,
});

describe('a PromptPay payment', () => {
  it('shows a dynamic QR for the group total, is confirmed only by the gateway, and pays the orders once', async () => {
    const p = await placedGroup(app, { prices: [89_000, 45_000] });
    const intent = await startIntent(app, p, 'promptpay', 'pay-once');
    expect(intent).toMatchObject({
      status: 'requires_action',
      method: 'promptpay',
      currency: 'THB',
      amount: p.totalSatang,
      sandbox: true,
    });
    const scanned = scanPromptPay(intent.promptpay.payload);
    expect(scanned).toEqual({
      target: { kind: 'tax_id', value: '0994000165501' },
      amountSatang: p.totalSatang,
      reference: intent.reference,
      currency: '764',
    });
    // The same Idempotency-Key, or another request for the same method, gives the same intent.
    expect((await startIntent(app, p, 'promptpay', 'pay-once')).id).toBe(intent.id);
    expect((await startIntent(app, p, 'promptpay')).id).toBe(intent.id);

    const svg = await app.inject({
      url: `/api/payment-intents/${intent.id}/qr.svg`,
      headers: { cookie: p.buyer.cookie },
    });
    expect(svg.headers['content-type']).toContain('image/svg+xml');
    const png = await app.inject({
      url: `/api/payment-intents/${intent.id}/qr.png`,
      headers: { cookie: p.buyer.cookie },
    });
    expect(png.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    const stranger = await signedInUser(database.db);
    expect(
      (await app.inject({ url: `/api/payment-intents/${intent.id}`, headers: { cookie: stranger.cookie } })).statusCode,
    ).toBe(404);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/order-groups/${p.groupId}/payment-intents`,
          headers: { cookie: stranger.cookie },
          payload: { method: 'promptpay' },
        })
      ).statusCode,
    ).toBe(404);

    expect(await orderStatuses(p.groupId)).toEqual(['pending_payment', 'pending_payment']);
    const paid = await paySandboxQr(app, intent);
    expect(paid.statusCode).toBe(200);
    const after = (
      await app.inject({ url: `/api/payment-intents/${intent.id}`, headers: { cookie: p.buyer.cookie } })
    ).json();
    expect(after).toMatchObject({ status: 'succeeded' });
    expect(await orderStatuses(p.groupId)).toEqual(['paid', 'paid']);
    expect(await topics(p.groupId)).toEqual([
      'order.placed',
      'order.placed',
      'order.paid',
      'order.paid',
      'payment.succeeded',
    ]);

    // The banking app paying the same QR again is refused by the gateway; nothing changes.
    expect((await paySandboxQr(app, intent)).json()).toMatchObject({ code: 'sandbox_payment_refused' });
    expect(await paidTransitions(p.groupId)).toBe(2);
    // A paid group takes no new intent.
    const again = await app.inject({
      method: 'POST',
      url: `/api/order-groups/${p.groupId}/payment-intents`,
      headers: { cookie: p.buyer.cookie, 'accept-language': 'en' },
      payload: { method: 'card' },
    });
    expect(again.json()).toMatchObject({
      status: 409,
      code: 'already_paid',
      detail: 'This order has already been paid',
    });
  });

  it('refuses forged signatures, stale timestamps, wrong amounts, wrong currencies and unknown payments, changing nothing', async () => {
    const p = await placedGroup(app);
    const intent = await withRef(await startIntent(app, p, 'promptpay'));
    const before = await topics(p.groupId);
    const forgedKeys = { ...paymentsRuntime(app).sandbox!.keys, cardWebhookSecret: newWebhookSecret() };
    const cases: [string, Promise<{ statusCode: number; body: string }>][] = [
      ['forged', sendSigned(app, 'gateway', gatewayEvent('charge.succeeded', intent), { keys: forgedKeys })],
      ['stale', sendSigned(app, 'gateway', gatewayEvent('charge.succeeded', intent), { now: Date.now() - 6 * 60_000 })],
      [
        'future',
        sendSigned(app, 'gateway', gatewayEvent('charge.succeeded', intent), { now: Date.now() + 6 * 60_000 }),
      ],
      [
        'wrong amount',
        sendSigned(app, 'gateway', gatewayEvent('charge.succeeded', { ...intent, amount: intent.amount - 1 })),
      ],
      ['wrong currency', sendSigned(app, 'gateway', gatewayEvent('charge.succeeded', { ...intent, currency: 'CNY' }))],
      [
        'unknown',
        sendSigned(
          app,
          'gateway',
          gatewayEvent('charge.succeeded', { ...intent, id: '0190d3a0-0000-7000-8000-00000000dead' }),
        ),
      ],
      ['not a uuid', sendSigned(app, 'gateway', gatewayEvent('charge.succeeded', { ...intent, id: 'nope' }))],
      [
        'other charge',
        sendSigned(app, 'gateway', gatewayEvent('charge.succeeded', { ...intent, providerRef: 'chrg_someone_else' })),
      ],
    ];
    const answers = Object.fromEntries(
      await Promise.all(cases.map(async ([name, res]) => [name, (await res).statusCode])),
    );
    expect(answers).toEqual({
      forged: 401,
      stale: 401,
      future: 401,
      'wrong amount': 422,
      'wrong currency': 422,
      unknown: 404,
      'not a uuid': 404,
      'other charge': 404,
    });
    // An Alipay notification signed with another RSA key is refused too.
    const otherRsa = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const alipayForged = await sendSigned(app, 'alipay', alipayResult(intent), {
      keys: { ...paymentsRuntime(app).sandbox!.keys, alipayPrivateKey: otherRsa },
    });
    expect(alipayForged.statusCode).toBe(401);
    expect(alipayForged.json()).toMatchObject({ result: { resultStatus: 'F' } });
    // ...and so is a genuine Alipay signature on a request-time more than five minutes old.
    expect(
      (await sendSigned(app, 'alipay', alipayResult(intent), { now: Date.now() - 6 * 60_000 })).json(),
    ).toMatchObject({ result: { resultCode: 'STALE_TIMESTAMP', resultStatus: 'F' } });

    expect(await intentStatus(intent.id)).toBe('requires_action');
    expect(await orderStatuses(p.groupId)).toEqual(['pending_payment']);
    expect(await topics(p.groupId)).toEqual(before);
    const [{ n }] = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from payment_notifications where intent_id = ${intent.id}::uuid`,
    );
    expect(n).toBe(0);

    // The genuine notification, replayed ten times at once: one capture.
    const genuine = gatewayEvent('charge.succeeded', intent);
    const replies = await Promise.all(
      Array.from({ length: 10 }, () => sendSigned(app, 'gateway', genuine, { id: `msg_replayed_${intent.id}` })),
    );
    expect(replies.map((r) => r.statusCode)).toEqual(Array(10).fill(204));
    expect(await intentStatus(intent.id)).toBe('succeeded');
    expect(await paidTransitions(p.groupId)).toBe(1);
  });

  it('ignores a "processing" that arrives after "succeeded", and a failure after a capture', async () => {
    const p = await placedGroup(app);
    const intent = await withRef(await startIntent(app, p, 'card'));
    expect((await sendSigned(app, 'gateway', gatewayEvent('charge.succeeded', intent))).statusCode).toBe(204);
    expect((await sendSigned(app, 'gateway', gatewayEvent('charge.processing', intent))).statusCode).toBe(204);
    expect((await sendSigned(app, 'gateway', gatewayEvent('charge.failed', intent))).statusCode).toBe(204);
    expect(await intentStatus(intent.id)).toBe('succeeded');
    expect(await orderStatuses(p.groupId)).toEqual(['paid']);
  });

  it('captures a group once when two ways to pay both succeed, and sends the second payment back', async () => {
    const p = await placedGroup(app);
    const qr = await withRef(await startIntent(app, p, 'promptpay'));
    const card = await withRef(await startIntent(app, p, 'card'));
    // Starting the card payment withdrew the QR; both notifications still arrive, at the same moment.
    expect(await intentStatus(qr.id)).toBe('cancelled');
    // The buyer pays both anyway, at the same moment: the banking app the QR, the card form the card.
    const [a, b] = await Promise.all([
      paySandboxQr(app, qr),
      app.inject({
        method: 'POST',
        url: `/api/sandbox-gateway/card/charges/${card.providerRef}/pay`,
        payload: { cardNumber: '4242 4242 4242 4242' },
      }),
    ]);
    expect([a.statusCode, b.statusCode]).toEqual([200, 200]);
    expect(await paidTransitions(p.groupId)).toBe(1);
    const captures = await queryRows<{ id: string }>(
      database.db,
      sql`select id from payment_intents where group_id = ${p.groupId}::uuid and captures_group`,
    );
    expect(captures).toHaveLength(1);
    const sentBack = captures[0].id === qr.id ? card : qr;
    await expect
      .poll(async () => {
        await deliverDue(paymentsRuntime(app).sandbox!);
        return intentStatus(sentBack.id);
      })
      .toBe('refunded');
    const [refund] = await queryRows<{ reason: string; status: string; provider_amount: number }>(
      database.db,
      sql`select reason, status, provider_amount::int from refunds where intent_id = ${sentBack.id}::uuid`,
    );
    expect(refund).toEqual({ reason: 'duplicate_payment', status: 'succeeded', provider_amount: p.totalSatang });
  });

  it('sends back money that arrives after the orders were cancelled for not being paid in time', async () => {
    const p = await placedGroup(app);
    const intent = await withRef(await startIntent(app, p, 'card'));
    await expireUnpaidOrders(database.db, new Date(Date.now() + 60 * 60_000));
    // The card form still takes the payment (the gateway's charge has not expired yet).
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/sandbox-gateway/card/charges/${intent.providerRef}/pay`,
          payload: { cardNumber: '4242424242424242' },
        })
      ).statusCode,
    ).toBe(200);
    expect(await orderStatuses(p.groupId)).toEqual(['cancelled']);
    await expect
      .poll(async () => {
        await deliverDue(paymentsRuntime(app).sandbox!);
        return intentStatus(intent.id);
      })
      .toBe('refunded');
    const [refund] = await queryRows<{ reason: string }>(
      database.db,
      sql`select reason from refunds where intent_id = ${intent.id}::uuid`,
    );
    expect(refund.reason).toBe('late_payment');
  });
});

describe('Alipay in CNY', () => {
  it('converts the baht total at the recorded rate, pays through the sandbox wallet and keeps the rate', async () => {
    const rate = await app.inject({
      method: 'POST',
      url: '/api/operator/fx-rates',
      headers: { cookie: operator.cookie },
      payload: { base: 'THB', quote: 'CNY', rate: '0.2013', source: 'test: Bank of Thailand reference rate' },
    });
    expect(rate.statusCode).toBe(201);
    const p = await placedGroup(app, { prices: [129_000] }); // + 50 baht shipping = 1,340.00 THB
    const intent = await startIntent(app, p, 'alipay');
    // 134,000 satang x 0.2013 = 26,974.2 fen -> 26,974 fen (half up).
    expect(intent).toMatchObject({
      currency: 'CNY',
      amount: 26_974,
      groupAmount: 134_000,
      groupCurrency: 'THB',
      fx: { rate: '0.2013', source: 'test: Bank of Thailand reference rate', rounding: 'half_up' },
    });
    expect(intent.redirectUrl).toMatch(/^\/sandbox\/alipay\//);
    const paymentId = intent.redirectUrl.split('/').pop();
    const wallet = await app.inject({ url: `/api/sandbox-gateway/alipay/payments/${paymentId}` });
    expect(wallet.json()).toMatchObject({ amount: 26_974, currency: 'CNY', status: 'pending' });
    expect(
      (await app.inject({ method: 'POST', url: `/api/sandbox-gateway/alipay/payments/${paymentId}/confirm` }))
        .statusCode,
    ).toBe(200);
    expect(await intentStatus(intent.id)).toBe('succeeded');
    expect(await orderStatuses(p.groupId)).toEqual(['paid']);
    // Alipay notifications are answered in Alipay's own format, signed.
    const replay = await sendSigned(app, 'alipay', alipayResult(await withRef(intent)));
    expect(replay.json()).toEqual({ result: { resultCode: 'SUCCESS', resultStatus: 'S', resultMessage: 'success' } });
    expect(replay.headers.signature).toMatch(/^algorithm=RSA256,keyVersion=1,signature=/);
  });
});

describe('the language of the gateway pages', () => {
  it('sends a buyer paying from a Chinese or English page to the gateway and back in that language', async () => {
    await app.inject({
      method: 'POST',
      url: '/api/operator/fx-rates',
      headers: { cookie: operator.cookie },
      payload: { base: 'THB', quote: 'CNY', rate: '0.2013', source: 'test rate' },
    });
    const p = await placedGroup(app, { prices: [129_000] });
    const start = (method: 'alipay' | 'card', lang: string) =>
      app.inject({
        method: 'POST',
        url: `/api/order-groups/${p.groupId}/payment-intents`,
        headers: { cookie: p.buyer.cookie, 'idempotency-key': newId(), 'accept-language': lang },
        payload: { method },
      });
    const alipay = await start('alipay', 'zh-CN');
    expect(alipay.statusCode, alipay.body).toBe(201);
    // The sandbox wallet opens under /zh: the page it returns to is /zh/pay/intent/<id>.
    expect(alipay.json().redirectUrl).toMatch(/^\/zh\/sandbox\/alipay\/\w+$/);
    const card = await start('card', 'en');
    expect(card.json().redirectUrl).toMatch(/^\/en\/sandbox\/card\/[\w-]+$/);
    const thai = await start('alipay', 'th');
    expect(thai.json().redirectUrl).toMatch(/^\/sandbox\/alipay\//);
  });
});

describe('the operator sandbox "mark paid"', () => {
  it('pays through the sandbox gateway, for operators only', async () => {
    const p = await placedGroup(app);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/payments/sandbox/order-groups/${p.groupId}/pay`,
          headers: { cookie: p.buyer.cookie },
        })
      ).statusCode,
    ).toBe(403);
    const res = await app.inject({
      method: 'POST',
      url: `/api/payments/sandbox/order-groups/${p.groupId}/pay`,
      headers: { cookie: operator.cookie },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().orders.map((o: any) => o.status)).toEqual(['paid']);
    const [capture] = await queryRows<{ method: string }>(
      database.db,
      sql`select method from payment_intents where group_id = ${p.groupId}::uuid and captures_group`,
    );
    expect(capture.method).toBe('promptpay');
  });
});
