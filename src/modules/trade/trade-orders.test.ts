// After the quote: messages that keep the original text, a sample then a bulk order at the tier's
// price with a 30/70 deposit and balance paid by Alipay (sandbox) and by bank transfer, posted in the
// ledger; the shipment with a checked air waybill; the export papers read back with pdftotext.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { drainOutbox, useTestApp } from '../../../test/db.ts';
import { pdfToText } from '../../../test/pdftotext.ts';
import { queryRows } from '../../platform/db.ts';
import { categoryIdBySlug, seedCategories, shopWithOwner, signedInUser } from '../catalog/testing.ts';

const t = useTestApp();
type Method = 'GET' | 'POST' | 'PUT';
const call = (method: Method, url: string, cookie: string, payload?: object, lang = 'en') =>
  t.app.inject({
    method,
    url,
    headers: { cookie, 'accept-language': lang, 'idempotency-key': crypto.randomUUID() },
    payload,
  });

async function importerAndShop(over: Record<string, unknown> = {}, quoteOver: Record<string, unknown> = {}) {
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
      targetPriceMinor: 650_000,
      currency: 'CNY',
      incoterm: 'FOB',
      transportMode: 'sea',
      place: 'Laem Chabang',
      deliveryFrom: '2027-02-01',
      deliveryTo: '2027-03-01',
      certifications: [],
      sampleWanted: true,
      deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      ...over,
    })
  ).json();
  const shop = await shopWithOwner(t.database.db);
  await call('PUT', `/api/sellers/${shop.sellerId}/trade/profile`, shop.cookie, { categoryIds: [rice] });
  const quote = await call('POST', `/api/sellers/${shop.sellerId}/trade/rfqs/${rfq.id}/quotes`, shop.cookie, {
    unitPriceSatang: 3_000_000, // 30,000 baht a tonne
    moq: 5,
    tiers: [
      { minQuantity: 10, unitPriceSatang: 2_900_000 },
      { minQuantity: 20, unitPriceSatang: 2_800_000 },
    ],
    leadTimeDays: 21,
    validUntil: '2099-01-31',
    terms: 'มัดจำ 30% ก่อนผลิต ส่วนที่เหลือก่อนส่งของ',
    language: 'th',
    attachments: [],
    samplePriceSatang: 250_000,
    depositPercent: 30,
    ...quoteOver,
  });
  expect(quote.statusCode).toBe(201);
  return { importer, op, shop, rfq, quote: quote.json() };
}

describe('messages on a request', () => {
  it('keep the original text and language, with a translation beside it; only the two sides read them', async () => {
    const { importer, shop, rfq } = await importerAndShop();
    const sent = await call('POST', `/api/trade/rfqs/${rfq.id}/sellers/${shop.sellerId}/messages`, importer.cookie, {
      body: '可以提供有机认证吗？',
      language: 'zh',
    });
    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toMatchObject({
      author: 'buyer',
      original: { language: 'zh', body: '可以提供有机认证吗？' },
      translation: null,
    });
    const reply = await call('POST', `/api/sellers/${shop.sellerId}/trade/rfqs/${rfq.id}/messages`, shop.cookie, {
      body: 'ได้ครับ มีใบรับรองเกษตรอินทรีย์',
      language: 'th',
      translation: { language: 'zh', body: '可以，我们有有机认证' },
    });
    expect(reply.json()).toMatchObject({
      author: 'seller',
      original: { language: 'th', body: 'ได้ครับ มีใบรับรองเกษตรอินทรีย์' },
      translation: { language: 'zh', body: '可以，我们有有机认证', translatedBy: 'sender' },
    });
    const thread = (
      await call('GET', `/api/trade/rfqs/${rfq.id}/sellers/${shop.sellerId}/messages`, importer.cookie)
    ).json();
    expect(thread.items.map((m: any) => m.original.language)).toEqual(['zh', 'th']);

    // A shop that did not quote, and another buyer, see nothing and cannot write.
    const other = await shopWithOwner(t.database.db);
    expect(
      (await call('GET', `/api/sellers/${other.sellerId}/trade/rfqs/${rfq.id}/messages`, other.cookie)).statusCode,
    ).toBe(404);
    expect(
      (
        await call('POST', `/api/sellers/${other.sellerId}/trade/rfqs/${rfq.id}/messages`, other.cookie, {
          body: 'hi',
          language: 'en',
        })
      ).statusCode,
    ).toBe(404);
    const stranger = await signedInUser(t.database.db);
    expect(
      (await call('GET', `/api/trade/rfqs/${rfq.id}/sellers/${shop.sellerId}/messages`, stranger.cookie)).statusCode,
    ).toBe(404);
    const same = await call(
      'POST',
      `/api/trade/rfqs/${rfq.id}/sellers/${shop.sellerId}/messages`,
      importer.cookie,
      {
        body: '好',
        language: 'zh',
        translation: { language: 'zh', body: '好' },
      },
      'zh',
    );
    expect(same.statusCode).toBe(422);
    expect(same.json().errors[0]).toMatchObject({ field: 'translation.language', code: 'same_language' });
  });
});

describe('orders from a quote', () => {
  it('sample first, then bulk at the tier price; deposit by Alipay, balance by bank transfer; shipped by air waybill; papers read back', async () => {
    const { importer, op, shop, quote } = await importerAndShop({
      incoterm: 'FCA',
      transportMode: 'air',
      place: 'Suvarnabhumi Airport (BKK)',
    });
    const bulkTooSoon = await call(
      'POST',
      `/api/trade/quotes/${quote.id}/orders`,
      importer.cookie,
      { kind: 'bulk' },
      'zh',
    );
    expect(bulkTooSoon.json()).toMatchObject({
      status: 409,
      code: 'trade_sample_first',
      detail: '请先收到样品，再下批量订单',
    });

    // The sample: paid in full by bank transfer, matched by an operator, shipped, received.
    const sample = (
      await call('POST', `/api/trade/quotes/${quote.id}/orders`, importer.cookie, { kind: 'sample' })
    ).json();
    expect(sample).toMatchObject({ kind: 'sample', totalSatang: 250_000, status: 'awaiting_payment' });
    const badRef = await call(
      'POST',
      `/api/trade/orders/${sample.id}/milestones/${sample.milestones[0].id}/bank-transfer`,
      importer.cookie,
      { reference: '#' },
      'th',
    );
    expect(badRef.json().errors[0]).toMatchObject({ field: 'reference', code: 'bank_reference' });
    await call(
      'POST',
      `/api/trade/orders/${sample.id}/milestones/${sample.milestones[0].id}/bank-transfer`,
      importer.cookie,
      { reference: 'ICBC-20270105-0042' },
    );
    expect(
      (
        await call(
          'POST',
          `/api/operator/trade/milestones/${sample.milestones[0].id}/confirm-transfer`,
          importer.cookie,
        )
      ).statusCode,
    ).toBe(403);
    await call('POST', `/api/operator/trade/milestones/${sample.milestones[0].id}/confirm-transfer`, op.cookie);
    await drainOutbox(t.app);
    const paidSample = (await call('GET', `/api/trade/orders/${sample.id}`, importer.cookie)).json();
    expect(paidSample).toMatchObject({
      status: 'ready_to_ship',
      milestones: [{ status: 'paid', bankReference: 'ICBC-20270105-0042' }],
    });
    const ship = (id: string, number: string, lang = 'en') =>
      call(
        'POST',
        `/api/sellers/${shop.sellerId}/trade/orders/${id}/shipment`,
        shop.cookie,
        {
          document: 'awb',
          number,
          carrier: 'Thai Airways Cargo',
          packages: 1,
          grossWeightKg: 5,
        },
        lang,
      );
    const wrongDigit = await ship(sample.id, '217-12345676', 'th');
    expect(wrongDigit.statusCode).toBe(422);
    expect(wrongDigit.json().errors[0]).toMatchObject({ field: 'number', code: 'awb_check' });
    expect(wrongDigit.json().errors[0].detail).toContain('หารด้วย 7');
    const bl = await call('POST', `/api/sellers/${shop.sellerId}/trade/orders/${sample.id}/shipment`, shop.cookie, {
      document: 'bl',
      number: 'MAEU123456789',
      carrier: 'Maersk',
      packages: 1,
      grossWeightKg: 5,
    });
    expect(bl.json().errors[0]).toMatchObject({ field: 'document', code: 'bl_for_air' });
    expect((await ship(sample.id, '217 1234567 5')).json().shipment).toMatchObject({
      document: 'awb',
      number: '217-12345675',
    });
    expect((await call('POST', `/api/trade/orders/${sample.id}/received`, importer.cookie)).json().status).toBe(
      'received',
    );

    // The bulk order: 20 tonnes reach the 20-tonne tier; 30/70.
    const other = await shopWithOwner(t.database.db);
    const bulk = (
      await call('POST', `/api/trade/quotes/${quote.id}/orders`, importer.cookie, { kind: 'bulk', quantity: 20 })
    ).json();
    expect(bulk).toMatchObject({
      kind: 'bulk',
      incoterm: 'FCA',
      quantity: 20,
      unit: 'tonne',
      unitPriceSatang: 2_800_000,
      totalSatang: 56_000_000,
      plan: [
        { kind: 'deposit', amountSatang: 16_800_000 },
        { kind: 'balance', amountSatang: 39_200_000 },
      ],
      milestones: [{ kind: 'deposit', percent: 30, amountSatang: 16_800_000, status: 'due' }],
    });
    expect((await call('GET', `/api/sellers/${other.sellerId}/trade/orders/${bulk.id}`, other.cookie)).statusCode).toBe(
      404,
    );
    expect(
      (await call('POST', `/api/trade/quotes/${quote.id}/orders`, importer.cookie, { kind: 'bulk' })).json().code,
    ).toBe('trade_order_exists');

    // The pro-forma invoice, in Chinese for the importer.
    const proforma = await call(
      'GET',
      `/api/trade/orders/${bulk.id}/documents/proforma-invoice`,
      importer.cookie,
      undefined,
      'zh',
    );
    expect(proforma.headers['content-type']).toBe('application/pdf');
    const ptext = pdfToText(proforma.rawPayload, { flat: true });
    for (const s of [
      'ใบแจ้งหนี้ล่วงหน้า',
      '形式发票',
      'Pro-forma invoice',
      '定金',
      'FCA Suvarnabhumi',
      '广州稻香进出口有限公司',
      bulk.number,
    ])
      expect(ptext).toContain(s);
    expect(
      (await call('GET', `/api/trade/orders/${bulk.id}/documents/packing-list`, importer.cookie)).json().code,
    ).toBe('trade_not_shipped');

    // The deposit by Alipay in the sandbox gateway.
    await call('POST', '/api/operator/fx-rates', op.cookie, {
      base: 'THB',
      quote: 'CNY',
      rate: '0.2013',
      source: 'test rate',
    });
    const intent = await call(
      'POST',
      `/api/order-groups/${bulk.milestones[0].groupId}/payment-intents`,
      importer.cookie,
      { method: 'alipay' },
    );
    expect(intent.statusCode).toBe(201);
    await t.app.inject({
      method: 'POST',
      url: `/api/sandbox-gateway/alipay/payments/${intent.json().redirectUrl.split('/').pop()}/confirm`,
    });
    await drainOutbox(t.app);
    expect((await call('GET', `/api/trade/orders/${bulk.id}`, importer.cookie)).json().status).toBe('in_production');
    const posted = await queryRows<{ account: string; amount: string }>(
      t.database.db,
      sql`select e.account, sum(e.amount)::text as amount from ledger_entries e join ledger_transactions tx on tx.id = e.transaction_id
          where tx.order_id = ${bulk.milestones[0].orderId}::uuid group by e.account order by e.account`,
    );
    expect(posted.find((r) => r.account === 'payments_clearing')?.amount).toBe('16800000');
    expect(posted.reduce((s, r) => s + Number(r.amount), 0)).toBe(0);

    // Made: the balance falls due; paid by bank transfer; shipped; the commercial invoice and packing list.
    const ready = (
      await call('POST', `/api/sellers/${shop.sellerId}/trade/orders/${bulk.id}/ready`, shop.cookie)
    ).json();
    const balance = ready.milestones.find((m: any) => m.kind === 'balance');
    expect(balance).toMatchObject({ percent: 70, amountSatang: 39_200_000, status: 'due' });
    expect((await ship(bulk.id, '217-12345675')).json().code).toBe('trade_order_state'); // not before the balance
    await call('POST', `/api/trade/orders/${bulk.id}/milestones/${balance.id}/bank-transfer`, importer.cookie, {
      reference: 'ICBC-20270301-0007',
    });
    await call('POST', `/api/operator/trade/milestones/${balance.id}/confirm-transfer`, op.cookie);
    await drainOutbox(t.app);
    expect((await ship(bulk.id, '217-12345686')).statusCode).toBe(200); // 1234568 mod 7 = 6
    const packing = await call(
      'GET',
      `/api/sellers/${shop.sellerId}/trade/orders/${bulk.id}/documents/packing-list`,
      shop.cookie,
      undefined,
      'th',
    );
    const ktext = pdfToText(packing.rawPayload, { flat: true });
    for (const s of [
      'บัญชีรายการบรรจุหีบห่อ',
      '装箱单',
      'Packing list',
      '217-12345686',
      'ใบตราส่งสินค้าทางอากาศ',
      'Thai Airways Cargo',
    ])
      expect(ktext).toContain(s);
    const invoice = pdfToText(
      (await call('GET', `/api/trade/orders/${bulk.id}/documents/commercial-invoice`, importer.cookie, undefined, 'en'))
        .rawPayload,
      { flat: true },
    );
    expect(invoice).toContain('Commercial invoice');
    expect(invoice).toContain('560,000.00');
    const total = await queryRows<{ n: string }>(
      t.database.db,
      sql`select sum(e.amount)::text as n from ledger_entries e join ledger_transactions tx on tx.id = e.transaction_id
          where e.account = 'payments_clearing' and tx.order_id in (${sql.raw(ready.milestones.map((m: any) => `'${m.orderId}'::uuid`).join(','))})`,
    );
    expect(total[0].n).toBe('56000000');
  });

  it('refuses a bulk order below the minimum, in the buyer’s language, and writes nothing', async () => {
    const { importer, quote } = await importerAndShop({ sampleWanted: false });
    const small = await call(
      'POST',
      `/api/trade/quotes/${quote.id}/orders`,
      importer.cookie,
      { kind: 'bulk', quantity: 3 },
      'zh',
    );
    expect(small.statusCode).toBe(422);
    expect(small.json().errors[0]).toMatchObject({ field: 'quantity', code: 'below_moq' });
    expect(small.json().errors[0].detail).toContain('5 tonne');
    expect((await call('GET', '/api/trade/orders', importer.cookie)).json().items).toEqual([]);
    // Without a sample wanted, the bulk order goes straight on.
    expect(
      (
        await call('POST', `/api/trade/quotes/${quote.id}/orders`, importer.cookie, { kind: 'bulk', quantity: 12 })
      ).json(),
    ).toMatchObject({
      unitPriceSatang: 2_900_000,
      totalSatang: 34_800_000,
    });
  });
});
