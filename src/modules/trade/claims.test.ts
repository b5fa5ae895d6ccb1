// Trade protection on a received sample order: the claim window (30 days after receipt), the shop's
// 3 days to answer, the buyer's escalation from day 4, the platform's on day 8 (the clock moved by
// passing `now`), the operator's refund up to what was paid, booked in the ledger; others see nothing.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { drainOutbox, useTestApp } from '../../../test/db.ts';
import { multipart, PDF, PNG } from '../../../test/uploads.ts';
import type { Actor } from '../../platform/actor.ts';
import { queryRows } from '../../platform/db.ts';
import { categoryIdBySlug, seedCategories, shopWithOwner, signedInUser } from '../catalog/testing.ts';
import { answerClaim, escalateClaim, escalateDueClaims, openClaim } from './claims.ts';

// A small upload limit, so the test can send a file past it.
const t = useTestApp({ UPLOAD_LIMIT_BYTES: '4096' });
const DAY = 86_400_000;
type Method = 'GET' | 'POST' | 'PUT';
const call = (method: Method, url: string, cookie: string, payload?: object, lang = 'en') =>
  t.app.inject({
    method,
    url,
    headers: { cookie, 'accept-language': lang, 'idempotency-key': crypto.randomUUID() },
    payload,
  });
const userActor = (userId: string): Actor => ({ kind: 'user', userId, isOperator: false, guestTokenHash: null });

/** A verified importer's sample order (2,500 baht), paid by bank transfer or sandbox Alipay, shipped and received. */
async function receivedSample(pay: 'bank_transfer' | 'alipay' = 'bank_transfer') {
  await seedCategories(t.database.db);
  const rice = await categoryIdBySlug(t.database.db, 'jasmine-rice');
  const op = await signedInUser(t.database.db, { isOperator: true });
  const importer = await signedInUser(t.database.db);
  const buyer = await call('POST', '/api/trade/buyers', importer.cookie, {
    companyName: '广州稻香进出口有限公司',
    country: 'CN',
    registrationNumber: '91350100M000100Y43',
    language: 'zh',
  });
  await call('POST', `/api/operator/trade/buyers/${buyer.json().id}/verify`, op.cookie);
  const rfq = (
    await call('POST', '/api/trade/rfqs', importer.cookie, {
      product: '泰国茉莉香米',
      language: 'zh',
      categoryId: rice,
      quantity: 20,
      unit: 'tonne',
      currency: 'CNY',
      incoterm: 'FCA',
      transportMode: 'air',
      place: 'Suvarnabhumi',
      deliveryFrom: '2027-02-01',
      deliveryTo: '2027-03-01',
      certifications: [],
      sampleWanted: true,
      deadline: new Date(Date.now() + 7 * DAY).toISOString(),
    })
  ).json();
  const shop = await shopWithOwner(t.database.db);
  await call('PUT', `/api/sellers/${shop.sellerId}/trade/profile`, shop.cookie, { categoryIds: [rice] });
  const quote = (
    await call('POST', `/api/sellers/${shop.sellerId}/trade/rfqs/${rfq.id}/quotes`, shop.cookie, {
      unitPriceSatang: 3_000_000,
      moq: 5,
      tiers: [],
      leadTimeDays: 21,
      validUntil: '2099-01-31',
      terms: 'ส่งตัวอย่าง 5 กก.',
      language: 'th',
      attachments: [],
      samplePriceSatang: 250_000,
    })
  ).json();
  const sample = (
    await call('POST', `/api/trade/quotes/${quote.id}/orders`, importer.cookie, { kind: 'sample' })
  ).json();
  const m = sample.milestones[0];
  if (pay === 'alipay') {
    await call('POST', '/api/operator/fx-rates', op.cookie, {
      base: 'THB',
      quote: 'CNY',
      rate: '0.2013',
      source: 'test',
    });
    const intent = await call('POST', `/api/order-groups/${m.groupId}/payment-intents`, importer.cookie, {
      method: 'alipay',
    });
    expect(intent.statusCode).toBe(201);
    await t.app.inject({
      method: 'POST',
      url: `/api/sandbox-gateway/alipay/payments/${intent.json().redirectUrl.split('/').pop()}/confirm`,
    });
  } else {
    await call('POST', `/api/trade/orders/${sample.id}/milestones/${m.id}/bank-transfer`, importer.cookie, {
      reference: 'ICBC-20270105-0042',
    });
    await call('POST', `/api/operator/trade/milestones/${m.id}/confirm-transfer`, op.cookie);
  }
  await drainOutbox(t.app);
  await call('POST', `/api/sellers/${shop.sellerId}/trade/orders/${sample.id}/shipment`, shop.cookie, {
    document: 'awb',
    number: '217-12345675',
    carrier: 'Thai Airways Cargo',
    packages: 1,
    grossWeightKg: 5,
  });
  const received = (await call('POST', `/api/trade/orders/${sample.id}/received`, importer.cookie)).json();
  expect(received.status).toBe('received');
  return { op, importer, shop, order: received, receivedAt: new Date(received.receivedAt).getTime() };
}

const claimInput = {
  reason: 'not_as_agreed' as const,
  description: '样品碎米率超过 10%，与报价不符',
  language: 'zh' as const,
  evidence: [{ name: '碎米照片.jpg', url: 'https://files.example/broken-rice.jpg' }],
  requestedSatang: 150_000,
};

describe('trade protection claims', () => {
  it('refuses a claim after 30 days, in the buyer’s language, and more than was paid', async () => {
    const { importer, order, receivedAt } = await receivedSample();
    const me = userActor(importer.userId);
    await expect(
      openClaim(t.database.db, me, order.id, claimInput, new Date(receivedAt + 31 * DAY)),
    ).rejects.toMatchObject({ code: 'claim_window_closed' });
    const tooMuch = await call(
      'POST',
      `/api/trade/orders/${order.id}/claim`,
      importer.cookie,
      { ...claimInput, requestedSatang: 250_001 },
      'zh',
    );
    expect(tooMuch.statusCode).toBe(422);
    expect(tooMuch.headers['content-type']).toContain('application/problem+json');
    expect(tooMuch.json().errors[0]).toMatchObject({ field: 'requestedSatang', code: 'claim_above_paid' });
    expect(tooMuch.json().errors[0].detail).toContain('2500.00');
    // Day 30 is still in time.
    const inTime = await openClaim(t.database.db, me, order.id, claimInput, new Date(receivedAt + 30 * DAY));
    expect(inTime).toMatchObject({ status: 'open', evidence: claimInput.evidence });
  });

  it('gives the shop 3 days, the buyer escalation from day 4, and the operator the decision booked in the ledger', async () => {
    const { op, importer, shop, order } = await receivedSample();
    const opened = await call('POST', `/api/trade/orders/${order.id}/claim`, importer.cookie, claimInput);
    expect(opened.statusCode).toBe(201);
    const at = new Date(opened.json().openedAt).getTime();
    expect((await call('POST', `/api/trade/orders/${order.id}/claim`, importer.cookie, claimInput)).json().code).toBe(
      'claim_exists',
    );

    // Others see nothing of it.
    const other = await shopWithOwner(t.database.db);
    expect(
      (await call('GET', `/api/sellers/${other.sellerId}/trade/orders/${order.id}/claim`, other.cookie)).statusCode,
    ).toBe(404);
    const stranger = await signedInUser(t.database.db);
    expect((await call('GET', `/api/trade/orders/${order.id}/claim`, stranger.cookie)).statusCode).toBe(404);

    const buyer = userActor(importer.userId);
    const seller = userActor(shop.userId);
    // The buyer may not escalate on day 3; the shop may not answer after 3 days.
    await expect(escalateClaim(t.database.db, buyer, order.id, new Date(at + 2 * DAY))).rejects.toMatchObject({
      code: 'claim_escalate_early',
    });
    await expect(
      answerClaim(t.database.db, seller, shop.sellerId, order.id, 'ตัวอย่างข้าวจากล็อตเดียวกัน', new Date(at + 3 * DAY + 1)),
    ).rejects.toMatchObject({ code: 'claim_answer_late' });
    const answered = await call(
      'POST',
      `/api/sellers/${shop.sellerId}/trade/orders/${order.id}/claim/answer`,
      shop.cookie,
      {
        answer: 'ตัวอย่างเป็นข้าวล็อตเดียวกับที่จะส่ง ยินดีให้ตรวจซ้ำ',
      },
    );
    expect(answered.json()).toMatchObject({ status: 'answered' });

    // Day 7: not yet escalated by the platform; day 8: escalated.
    expect(await escalateDueClaims(t.database.db, new Date(at + 6 * DAY))).toBe(0);
    expect(await escalateDueClaims(t.database.db, new Date(at + 7 * DAY))).toBe(1);
    const queue = (await call('GET', '/api/operator/trade/claims', op.cookie)).json().items;
    expect(queue).toMatchObject([{ tradeOrderId: order.id, escalatedBy: 'platform', paidSatang: 250_000 }]);
    expect((await call('GET', '/api/operator/trade/claims', importer.cookie)).statusCode).toBe(403);

    const tooMuch = await call('POST', `/api/operator/trade/claims/${queue[0].id}/decision`, op.cookie, {
      refundSatang: 250_001,
      note: 'เกินยอด',
    });
    expect(tooMuch.json().errors[0]).toMatchObject({ field: 'refundSatang', code: 'claim_above_paid' });
    const decided = await call('POST', `/api/operator/trade/claims/${queue[0].id}/decision`, op.cookie, {
      refundSatang: 100_000,
      note: 'ผลตรวจยืนยันข้าวหักเกิน คืนเงินบางส่วน',
    });
    // Paid by bank transfer: nothing to send through a gateway; owed back by transfer, in the ledger.
    expect(decided.json()).toMatchObject({
      status: 'refunded',
      refundSatang: 100_000,
      refunds: [{ milestone: 'sample', amountSatang: 100_000, channel: 'bank_transfer', status: 'owed' }],
    });
    const booked = await queryRows<{ account: string; amount: string }>(
      t.database.db,
      sql`select e.account, sum(e.amount)::text as amount from ledger_entries e join ledger_transactions tx on tx.id = e.transaction_id
          where tx.source_key = ${`trade.claim:${queue[0].id}`} group by e.account order by e.account`,
    );
    expect(booked.sort((a, b) => a.account.localeCompare(b.account))).toEqual([
      { account: 'refunds_payable', amount: '-100000' },
      { account: 'seller_payable', amount: '100000' },
    ]);
    // Decided once.
    expect(
      (
        await call('POST', `/api/operator/trade/claims/${queue[0].id}/decision`, op.cookie, {
          refundSatang: 1,
          note: 'again',
        })
      ).json().code,
    ).toBe('claim_state');
    expect((await call('GET', `/api/trade/orders/${order.id}/claim`, importer.cookie)).json().status).toBe('refunded');
  });

  it('sends the refund of an Alipay-paid milestone back through the gateway, once, and the ledger reverses the sale', async () => {
    const { op, importer, order } = await receivedSample('alipay');
    const opened = await call('POST', `/api/trade/orders/${order.id}/claim`, importer.cookie, claimInput);
    const at = new Date(opened.json().openedAt).getTime();
    expect(await escalateDueClaims(t.database.db, new Date(at + 7 * DAY))).toBe(1);
    const claimId = opened.json().id;
    const key = crypto.randomUUID();
    const decide = () =>
      t.app.inject({
        method: 'POST',
        url: `/api/operator/trade/claims/${claimId}/decision`,
        headers: { cookie: op.cookie, 'idempotency-key': key },
        payload: { refundSatang: 100_000, note: 'ข้าวหักเกินที่ตกลง คืนเงินบางส่วน' },
      });
    const first = await decide();
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({
      status: 'refunded',
      refunds: [{ milestone: 'sample', amountSatang: 100_000, channel: 'gateway', status: 'succeeded' }],
    });
    // A retry with the same key answers the same and refunds nothing more.
    const again = await decide();
    expect(again.statusCode).toBe(200);
    expect(again.json().refunds).toEqual(first.json().refunds);
    const recorded = await queryRows<{ amount: number; status: string; reason: string }>(
      t.database.db,
      sql`select amount::int as amount, status, reason from refunds`,
    );
    expect(recorded).toEqual([{ amount: 100_000, status: 'succeeded', reason: `trade_claim:${claimId}` }]);
    const atGateway = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from sandbox_gateway_refunds`,
    );
    expect(atGateway).toEqual([{ n: 1 }]);
    await drainOutbox(t.app);
    const ledger = await queryRows<{ kind: string; clearing: string }>(
      t.database.db,
      sql`select tx.kind, sum(e.amount)::text as clearing from ledger_transactions tx join ledger_entries e on e.transaction_id = tx.id
          where e.account = 'payments_clearing' and tx.kind in ('refund', 'trade_claim_refund') group by tx.kind`,
    );
    expect(ledger).toEqual([{ kind: 'refund', clearing: '-100000' }]);
    // The buyer sees the refund's state on the claim.
    const mine = (await call('GET', `/api/trade/orders/${order.id}/claim`, importer.cookie)).json();
    expect(mine.refunds).toMatchObject([{ channel: 'gateway', status: 'succeeded', amountSatang: 100_000 }]);
  });

  it('takes evidence as photo or PDF uploads, refuses other types, files too large, and other tenants', async () => {
    const { op, importer, shop, order } = await receivedSample();
    await call('POST', `/api/trade/orders/${order.id}/claim`, importer.cookie, { ...claimInput, evidence: [] });
    const upload = (cookie: string, name: string, data: Buffer, type = 'image/png', lang = 'en') => {
      const body = multipart([
        { name: 'evidence', value: JSON.stringify({ name }) },
        { name: 'file', filename: name, type, data },
      ]);
      return t.app.inject({
        method: 'POST',
        url: `/api/trade/orders/${order.id}/claim/evidence`,
        headers: { cookie, 'accept-language': lang, ...body.headers },
        payload: body.payload,
      });
    };
    const photo = await upload(importer.cookie, '碎米照片.png', PNG);
    expect(photo.statusCode).toBe(201);
    const report = await upload(importer.cookie, '检验报告.pdf', PDF, 'application/pdf');
    expect(report.json().files).toMatchObject([
      { name: '碎米照片.png', type: 'image/png' },
      { name: '检验报告.pdf', type: 'application/pdf' },
    ]);
    // Not a photo or PDF, whatever its name says; past the limit (4 KB here); in the reader's language.
    const text = await upload(importer.cookie, 'fake.png', Buffer.from('just some text'), 'image/png', 'zh');
    expect(text.statusCode).toBe(422);
    expect(text.headers['content-type']).toContain('application/problem+json');
    expect(text.json().errors[0]).toMatchObject({ field: 'file', code: 'document_not_supported' });
    const big = await upload(importer.cookie, 'big.png', Buffer.concat([PNG, Buffer.alloc(5000)]), 'image/png', 'th');
    expect(big.statusCode).toBe(413);
    // Another user cannot attach to it; another shop cannot open the files; the buyer, the shop and an operator can.
    const stranger = await signedInUser(t.database.db);
    expect((await upload(stranger.cookie, 'x.png', PNG)).statusCode).toBe(404);
    const fileId = report.json().files[1].id;
    const other = await shopWithOwner(t.database.db);
    expect(
      (
        await call(
          'GET',
          `/api/sellers/${other.sellerId}/trade/orders/${order.id}/claim/evidence/${fileId}`,
          other.cookie,
        )
      ).statusCode,
    ).toBe(404);
    expect(
      (await call('GET', `/api/trade/orders/${order.id}/claim/evidence/${fileId}`, stranger.cookie)).statusCode,
    ).toBe(404);
    const own = await call(
      'GET',
      `/api/sellers/${shop.sellerId}/trade/orders/${order.id}/claim/evidence/${fileId}`,
      shop.cookie,
    );
    expect(own.statusCode).toBe(200);
    expect(own.headers['content-type']).toBe('application/pdf');
    expect(own.rawPayload.equals(PDF)).toBe(true);
    const claimId = photo.json().id;
    const byOp = await call(
      'GET',
      `/api/operator/trade/claims/${claimId}/evidence/${photo.json().files[0].id}`,
      op.cookie,
    );
    expect(byOp.rawPayload.equals(PNG)).toBe(true);
    expect(
      (await call('GET', `/api/operator/trade/claims/${claimId}/evidence/${fileId}`, importer.cookie)).statusCode,
    ).toBe(404);
    const count = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from trade_claim_evidence where claim_id = ${claimId}::uuid`,
    );
    expect(count).toEqual([{ n: 2 }]);
  });
});
