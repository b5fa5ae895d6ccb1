// Messages are checked before they are sent, with precise errors; the sandbox rejects what does not
// match, and a rejection reaches the operator's queue and the hub as an event.
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { XMLParser } from 'fast-xml-parser';
import { useTestApp, testConfig } from '../../../test/db.ts';
import { addToCart } from '../../../test/shop.ts';
import { deliverOutbox } from '../../platform/outbox.ts';
import { queryRows } from '../../platform/db.ts';
import { outboxHandlers } from '../../jobs.ts';
import { shopWithOwner, signedInUser } from '../catalog/testing.ts';
import { bondedProduct, buyerIdentity, cnCheckout, freshRate, payAsBuyer, residentId } from '../crossborder/testing.ts';
import type { DeclarationFacts } from '../crossborder/service.ts';
import { buildDeclaration } from './build.ts';
import { cebXml, CEB_NS } from './ceb.ts';
import { validateCeb, validateDeclaration, validateDeclarationSet } from './validate.ts';
import { customsGateway, sandboxSigner, sandboxTransport } from './gateway.ts';
import { runSandboxOnce } from './routes.ts';
import { customsMessages } from './schema.ts';
import { decryptPersonal, encryptPersonal } from '../../platform/personal-data.ts';

const config = testConfig();
const facts = (): DeclarationFacts => ({
  orderId: '0193aaaa-0000-7000-8000-000000000001', groupId: '0193aaaa-0000-7000-8000-000000000002', orderNo: 'TLD-00000042', currency: 'CNY',
  goodsFen: 16_000, freightFen: 8_200, taxFen: 1_525, totalFen: 25_725, refundedFen: 0, fx: { rate: '0.2', source: 'test', validFrom: '2026-11-22T00:00:00.000Z' },
  buyer: { name: '王小明', idMasked: '', phone: '13800138000' }, consignee: { name: '王小明', phone: '13800138000', address: '广东省广州市天河区天河路385号', districtCode: '440106' },
  lines: [{ variantId: '0193aaaa-0000-7000-8000-000000000003', productId: '0193aaaa-0000-7000-8000-000000000004', sku: 'RICE-5KG', itemNameZh: '泰国茉莉香米', hsCode: '1006301000', unit: '011', quantity: 2, unitPriceSatang: 40_000, unitPriceFen: 8_000, goodsFen: 16_000, freightFen: 8_200, taxFen: 1_525, vatBp: 900, consumptionTaxBp: 0, netWeightGrams: 5000, grossWeightGrams: 5200 }],
  sellerId: '0193aaaa-0000-7000-8000-000000000005', buyerUserId: null, goodsSatang: 80_000, createdAt: new Date(), buyerIdNumber: residentId(),
});
const build = () => buildDeclaration({ facts: facts(), settings: config.customs, shopName: '测试店', payment: { transactionId: '2026SBXALIPAY123', paidAt: new Date() }, waybillNo: 'TLX0000000018', now: new Date() });

describe('customs messages', () => {
  it('builds the four messages valid, in the ceb namespace, with the amounts matching', () => {
    const d = build();
    for (const m of [d.ceb311, d.ceb411, d.ceb511, d.ceb621]) expect(validateCeb(m)).toEqual([]);
    const xml = cebXml(d.ceb311);
    const doc = new XMLParser({ removeNSPrefix: true, parseTagValue: false, ignoreAttributes: false }).parse(xml);
    expect(xml).toContain(`xmlns:ceb="${CEB_NS}"`);
    expect(doc.CEB311Message.Order.OrderHead).toMatchObject({ orderType: 'I', goodsValue: '160.00', freight: '82.00', taxTotal: '15.25', acturalPaid: '257.25', currency: '142', consigneeDistrict: '440106' });
    expect(doc.CEB311Message.Order.OrderList).toMatchObject({ gnum: '1', qty: '2', price: '80.00', totalPrice: '160.00', country: '136' });
    expect(cebXml(d.ceb621)).toContain('<ceb:tradeMode>1210</ceb:tradeMode>');
    expect(cebXml(d.ceb621)).toContain(`<ceb:emsNo>${config.customs.bondedBookNo}</ceb:emsNo>`);
    expect(d.ceb411.head.amountPaidFen).toBe(d.ceb311.head.acturalPaidFen);
    expect(d.ceb511.head.consigneeAddress).toBe(d.ceb311.head.consigneeAddress);
  });

  it('refuses an arithmetic mismatch, a field over its length, a code outside its list, and a bad ID — naming each', () => {
    const d = build();
    d.ceb311.head.acturalPaidFen += 1;
    d.ceb311.head.orderNo = 'X'.repeat(61);
    d.ceb311.head.currency = '156';
    d.ceb311.items[0].totalPriceFen -= 1;
    const problems = validateCeb(d.ceb311);
    expect(problems.map((p) => `${p.field}:${p.code}`)).toEqual(expect.arrayContaining([
      'CEB311.head.acturalPaid:arithmetic', 'CEB311.head.orderNo:too_long', 'CEB311.head.currency:not_in_code_list', 'CEB311.items[0].totalPrice:arithmetic', 'CEB311.head.goodsValue:arithmetic',
    ]));
    expect(problems.find((p) => p.field === 'CEB311.head.orderNo')!.detail).toBe('CEB311.head.orderNo is 61 characters, at most 60');
    d.ceb411.head.payerIdNumber = d.ceb411.head.payerIdNumber.slice(0, 17) + (d.ceb411.head.payerIdNumber[17] === '1' ? '2' : '1');
    const payment = validateCeb(d.ceb411);
    expect(payment.map((p) => p.code)).toEqual(['bad_id_number']);
    expect(JSON.stringify(payment)).not.toContain(d.ceb411.head.payerIdNumber);
    d.ceb621.head.tradeMode = '9610';
    expect(validateCeb(d.ceb621).map((p) => p.field)).toEqual(['CEB621.head.tradeMode']);
  });

  it('checks the four documents against each other before sending: amounts, payer, consignee, waybill and goods', () => {
    expect(validateDeclarationSet(build())).toEqual([]);
    const d = build();
    d.ceb411.head.amountPaidFen -= 1;
    d.ceb411.head.payerIdNumber = residentId('11010519491231002');
    d.ceb511.head.consigneeAddress = '广东省广州市天河区天河路386号';
    d.ceb621.head.logisticsNo = 'TLX0000000026';
    d.ceb621.items[0].qty = 3;
    d.ceb621.items[0].totalPriceFen = 24_000;
    const problems = validateDeclarationSet(d);
    expect(problems.map((p) => `${p.field}:${p.code}`).sort()).toEqual([
      'CEB411.head.amountPaid:mismatch', 'CEB411.head.payerIdNumber:mismatch', 'CEB511.head.consigneeAddress:mismatch', 'CEB621.head.logisticsNo:mismatch', 'CEB621.items:mismatch',
    ]);
    expect(problems.find((p) => p.field === 'CEB411.head.amountPaid')!.detail).toBe("CEB411.head.amountPaid 257.24 differs from CEB311's acturalPaid 257.25");
    expect(JSON.stringify(problems)).not.toContain(d.ceb411.head.payerIdNumber);
    expect(JSON.stringify(problems)).not.toContain(d.ceb311.head.buyerIdNumber);
    // validateDeclaration is what runs before sending: each message, then the set.
    expect(validateDeclaration(d).map((p) => p.field)).toEqual(expect.arrayContaining(['CEB411.head.amountPaid', 'CEB621.items']));
  });
});

describe('the customs sandbox', () => {
  const t = useTestApp();
  const deliverAll = async () => { for (let i = 0; i < 10 && (await deliverOutbox(t.app.db, outboxHandlers(t.config))) > 0; i++); };

  it('answers 412 rejected when the payment does not match the order; the rejection reaches the operator queue in plain words', async () => {
    const shop = await shopWithOwner(t.app.db);
    const rice = await bondedProduct(t.app.db, shop.sellerId);
    await freshRate(t.app.db);
    const buyer = await signedInUser(t.app.db);
    const { cookie } = await addToCart(t.app, rice.variantId, 1, buyer.cookie);
    const placed = (await cnCheckout(t.app, cookie, buyerIdentity())).json();
    await payAsBuyer(t.app, cookie, placed.orderGroupId, buyerIdentity());
    // The sandbox gets messages only through the outbox handler; replace the payment company's CEB411 with one whose amount is off by a fen.
    const gateway = customsGateway(sandboxSigner(t.config.personalDataKey), sandboxTransport(t.config.personalDataKey));
    await deliverAll();
    const [msg] = await t.app.db.select().from(customsMessages).where(sql`order_id = ${placed.orderId}::uuid and type = 'CEB411'`);
    await t.app.db.execute(sql`delete from customs_sandbox_inbox where guid = ${msg.guid}`);
    const d = build();
    const tampered = { ...d.ceb411, head: { ...d.ceb411.head, guid: msg.guid, orderNo: placed.orderNo, payerIdNumber: residentId(), amountPaidFen: placed.totalFen - 1 } };
    await t.app.db.transaction((tx) => gateway.submit(tx, { guid: msg.guid, type: 'CEB411', orderNo: placed.orderNo, xml: cebXml(tampered) }));
    // And a forged document (not signed with the key) answers 900.
    await t.app.db.execute(sql`insert into customs_sandbox_inbox (guid, type, order_no, xml_sealed) values ('11111111-2222-3333-4444-555555555555', 'CEB511', ${placed.orderNo}, ${encryptPersonal(t.config.personalDataKey, '<ceb:CEB511Message/>')})`);

    await runSandboxOnce(t.app.db, t.config);
    const status = (await t.app.inject({ url: `/api/customs/orders/${placed.orderId}`, headers: { cookie } })).json();
    expect(status.status).toBe('rejected');
    const r412 = status.receipts.find((r: any) => r.code === '412');
    expect(r412.passed).toBe(false);
    expect(r412.reasons.join(' ')).toContain(`does not equal the order's acturalPaid ${(placed.totalFen / 100).toFixed(2)}`);

    const operator = await signedInUser(t.app.db, { isOperator: true });
    const queue = (await t.app.inject({ url: '/api/operator/customs/rejections', headers: { cookie: operator.cookie } })).json();
    // The payment's 412, and the hub's inventory list, which cannot pass without an accepted payment.
    expect(queue.items.map((i: any) => i.receiptCode).sort()).toEqual(['412', '622']);
    const payment = queue.items.find((i: any) => i.receiptCode === '412');
    expect(payment).toMatchObject({ orderNo: placed.orderNo, status: 'open' });
    expect(queue.items.find((i: any) => i.receiptCode === '622').reasons).toContain('The payment (CEB411) was not accepted');
    expect((await t.app.inject({ url: '/api/operator/customs/rejections', headers: { cookie } })).statusCode).toBe(403);
    const [event] = await queryRows<{ payload: any }>(t.app.db, sql`select payload from outbox where topic = 'customs.order_rejected' order by id`);
    expect(event.payload).toMatchObject({ orderId: placed.orderId, groupId: placed.orderGroupId, sellerId: shop.sellerId, receiptCode: '412' });
    expect(await queryRows(t.app.db, sql`select 1 from outbox where topic = 'customs.order_released'`)).toEqual([]);
    for (const item of queue.items) {
      const resolved = await t.app.inject({ method: 'POST', url: `/api/operator/customs/rejections/${item.id}/resolve`, headers: { cookie: operator.cookie }, payload: { resolution: 'refunded the buyer' } });
      expect(resolved.statusCode).toBe(200);
    }
    expect((await t.app.inject({ url: '/api/operator/customs/rejections', headers: { cookie: operator.cookie } })).json().items).toHaveLength(0);
  });

  it('sends nothing when a message has a field over its length: the order goes to the operator queue naming message and field', async () => {
    const shop = await shopWithOwner(t.app.db);
    const rice = await bondedProduct(t.app.db, shop.sellerId);
    await freshRate(t.app.db);
    const buyer = await signedInUser(t.app.db);
    const { cookie } = await addToCart(t.app, rice.variantId, 1, buyer.cookie);
    const placed = (await cnCheckout(t.app, cookie, buyerIdentity())).json();
    // An address longer than customs allows (200 characters) reaches the declaration.
    await t.app.db.execute(sql`update cbec_orders set consignee_address = ${'广东省广州市天河区' + '号'.repeat(192)} where order_id = ${placed.orderId}::uuid`);
    await payAsBuyer(t.app, cookie, placed.orderGroupId, buyerIdentity());
    await deliverAll();
    const status = (await t.app.inject({ url: `/api/customs/orders/${placed.orderId}`, headers: { cookie } })).json();
    expect(status.status).toBe('invalid');
    expect(status.documents.map((d: any) => d.status)).toEqual(['not_sent', 'not_sent', 'not_sent', 'not_sent']);
    expect(await queryRows(t.app.db, sql`select 1 from customs_sandbox_inbox where order_no = ${placed.orderNo}`)).toEqual([]);
    const operator = await signedInUser(t.app.db, { isOperator: true });
    const queue = (await t.app.inject({ url: '/api/operator/customs/rejections', headers: { cookie: operator.cookie } })).json();
    const item = queue.items.find((i: any) => i.orderNo === placed.orderNo);
    expect(item).toMatchObject({ receiptCode: 'local_validation', status: 'open' });
    expect(item.reasons).toEqual(expect.arrayContaining([
      'CEB311.head.consigneeAddress is 201 characters, at most 200', 'CEB511.head.consigneeAddress is 201 characters, at most 200', 'CEB621.head.consigneeAddress is 201 characters, at most 200',
    ]));
    expect(await queryRows(t.app.db, sql`select 1 from outbox where topic = 'customs.order_released' and aggregate_id = ${placed.orderId}`)).toEqual([]);
  });
  it('answers 900 to a document altered after signing, and never releases the order', async () => {
    const shop = await shopWithOwner(t.app.db);
    const rice = await bondedProduct(t.app.db, shop.sellerId);
    await freshRate(t.app.db);
    const buyer = await signedInUser(t.app.db);
    const { cookie } = await addToCart(t.app, rice.variantId, 1, buyer.cookie);
    const placed = (await cnCheckout(t.app, cookie, buyerIdentity())).json();
    await payAsBuyer(t.app, cookie, placed.orderGroupId, buyerIdentity());
    await deliverAll();
    // On the way, someone changes the waybill's consignee: the signature no longer verifies.
    const [row] = await queryRows<{ guid: string; xml_sealed: string }>(t.app.db, sql`select guid, xml_sealed from customs_sandbox_inbox where order_no = ${placed.orderNo} and type = 'CEB511'`);
    const altered = decryptPersonal(t.config.personalDataKey, row.xml_sealed).replace('<ceb:consignee>王小明</ceb:consignee>', '<ceb:consignee>李四</ceb:consignee>');
    expect(altered).toContain('李四');
    await t.app.db.execute(sql`update customs_sandbox_inbox set xml_sealed = ${encryptPersonal(t.config.personalDataKey, altered)} where guid = ${row.guid}`);
    await runSandboxOnce(t.app.db, t.config);
    const status = (await t.app.inject({ url: `/api/customs/orders/${placed.orderId}`, headers: { cookie } })).json();
    expect(status.status).toBe('rejected');
    expect(status.receipts.map((r: any) => `${r.code}:${r.passed}`).sort()).toEqual(['312:true', '412:true', '622:false', '900:false']);
    expect(status.receipts.find((r: any) => r.code === '900')).toMatchObject({ returnStatus: '900', reasons: ['The message signature does not verify'] });
    const operator = await signedInUser(t.app.db, { isOperator: true });
    const queue = (await t.app.inject({ url: '/api/operator/customs/rejections', headers: { cookie: operator.cookie } })).json();
    expect(queue.items.filter((i: any) => i.orderNo === placed.orderNo).map((i: any) => i.receiptCode).sort()).toEqual(['622', '900']);
    expect(await queryRows(t.app.db, sql`select 1 from outbox where topic = 'customs.order_released' and aggregate_id = ${placed.orderId}`)).toEqual([]);
  });
});
