import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eq, sql } from 'drizzle-orm';
import { buildApp } from '../../app.ts';
import { queryRows, type Database } from '../../platform/db.ts';
import { createTestDatabase, drainOutbox, testConfig } from '../../../test/db.ts';
import { sellers } from '../sellers/testing.ts';
import { shopWithOwner, signedInUser } from '../catalog/testing.ts';
import { markGroupPaid } from '../orders/index.ts';
import { systemActor } from '../../platform/actor.ts';
import { paySandboxQr, placedGroup, startIntent } from '../payments/testing.ts';
import { etaxInvoiceXml, RAM, RSM } from './etax-xml.ts';
import { invoicePdf } from './pdf.ts';
import { branchLabel, vatIncluded, type InvoiceData } from './invoice.ts';
import { issueForOrder } from './issue.ts';
import { pdfToText } from '../../../test/pdftotext.ts';

let database: Database;
let app: FastifyInstance;
beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildApp({ db: database.db, config: testConfig(), logger: false });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const drain = () => drainOutbox(app);
const beYear = () =>
  Number(new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Bangkok', year: 'numeric' }).format(new Date())) + 543;
/** The registered address of the Chanthaburi orchard, in its parts. */
const ORCHARD_ADDRESS = {
  houseNumber: '99',
  moo: '4',
  subdistrict: 'ท่าช้าง',
  district: 'เมืองจันทบุรี',
  provinceCode: '22',
  postcode: '22000',
};
const putProfile = (shop: { sellerId: string; cookie: string }, payload: object) =>
  app.inject({
    method: 'PUT',
    url: `/api/sellers/${shop.sellerId}/tax-profile`,
    headers: { cookie: shop.cookie },
    payload,
  });
/** A VAT-registered shop with its complete registered address. */
const vatShop = async () => {
  const shop = await shopWithOwner(database.db);
  await database.db
    .update(sellers)
    .set({ vatRegistered: true, legalNameTh: 'บริษัท ทุเรียนจันท์ จำกัด' })
    .where(eq(sellers.id, shop.sellerId));
  expect((await putProfile(shop, { address: ORCHARD_ADDRESS, branch: '00000' })).statusCode).toBe(200);
  return shop;
};

describe('tax invoices and receipts', () => {
  it('issues a full Thai tax invoice for a VAT-registered shop: PDF with the Thai font, and e-Tax XML', async () => {
    const shop = await vatShop();
    const p = await placedGroup(app, { shops: [shop], prices: [129_000] });
    await paySandboxQr(app, await startIntent(app, p, 'promptpay'));
    await drain();
    await drain();

    const docs = (
      await app.inject({ url: `/api/orders/${p.orderIds[0]}/documents`, headers: { cookie: p.buyer.cookie } })
    ).json();
    expect(docs).toHaveLength(1);
    expect(docs[0]).toMatchObject({ kind: 'tax_invoice', number: `TI${beYear()}-000001`, total: 134_000 });
    const stranger = await signedInUser(database.db);
    expect(
      (await app.inject({ url: `/api/documents/${docs[0].id}/pdf`, headers: { cookie: stranger.cookie } })).statusCode,
    ).toBe(404);

    const [row] = await queryRows<{ data: InvoiceData }>(
      database.db,
      sql`select data from documents where id = ${docs[0].id}::uuid`,
    );
    const d = row.data;
    // 1,340.00 including VAT 7%: VAT 87.66, value before VAT 1,252.34.
    expect({ total: d.total, vat: d.vat, before: d.totalBeforeVat, words: d.totalInWords }).toEqual({
      total: 134_000,
      vat: 8_766,
      before: 125_234,
      words: 'หนึ่งพันสามร้อยสี่สิบบาทถ้วน',
    });
    expect(d.seller).toMatchObject({
      name: 'บริษัท ทุเรียนจันท์ จำกัด',
      branch: '00000',
      address: '99 หมู่ 4 ต.ท่าช้าง อ.เมืองจันทบุรี จ.จันทบุรี 22000',
    });
    expect(d.seller.taxId).toMatch(/^\d{13}$/);
    expect(d.buyer.name).toBe('สมศรี ใจดี');
    expect(d.buyer.address).toContain('แขวงคลองจั่น เขตบางกะปิ');
    expect(d.lines.map((l) => l.description)).toEqual(['ทุเรียนหมอนทอง 5 กก.', 'ค่าจัดส่ง (Shipping)']);

    const pdf = await app.inject({ url: `/api/documents/${docs[0].id}/pdf`, headers: { cookie: p.buyer.cookie } });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // Uncompressed, the PDF shows its embedded fonts (subsets).
    const plain = (await invoicePdf(d, 'zh', { compress: false })).toString('latin1');
    expect(plain).toMatch(/\/FontName \/[A-Z]{6}\+Sarabun-Regular/);
    expect(plain).toMatch(/\/FontFile2/);
    expect(plain).toMatch(/\/FontName \/[A-Z]{6}\+NotoSansSC/);
    // What a text extractor reads back: the words as written, the tax IDs saying whose they are.
    const text = pdfToText(pdf.rawPayload, { flat: true });
    for (const words of [
      'ใบกำกับภาษี',
      'ผู้ขาย',
      'ผู้ซื้อ',
      'บริษัท ทุเรียนจันท์ จำกัด',
      '99 หมู่ 4 ต.ท่าช้าง อ.เมืองจันทบุรี จ.จันทบุรี 22000',
      `เลขประจำตัวผู้เสียภาษีของผู้ขาย: ${d.seller.taxId} (สำนักงานใหญ่)`,
      'ภาษีมูลค่าเพิ่ม 7%',
      'หนึ่งพันสามร้อยสี่สิบบาทถ้วน',
    ])
      expect(text, words).toContain(words);
    expect(pdfToText(await invoicePdf(d, 'zh'))).toContain('税务发票');

    const xml = (await app.inject({ url: `/api/documents/${docs[0].id}/etax.xml`, headers: { cookie: shop.cookie } }))
      .body;
    expect(xml).toContain(`xmlns:rsm="${RSM}"`);
    expect(xml).toContain(`xmlns:ram="${RAM}"`);
    for (const required of [
      '<ram:TypeCode>388</ram:TypeCode>',
      `<ram:ID>TI${beYear()}-000001</ram:ID>`,
      '<ram:IssueDateTime>',
      '<ram:SellerTradeParty>',
      '<ram:BuyerTradeParty>',
      `schemeID="TXID">${d.seller.taxId}00000</ram:ID>`,
      '<ram:InvoiceCurrencyCode listID="ISO 4217 3A">THB</ram:InvoiceCurrencyCode>',
      '<ram:CalculatedRate>7.00</ram:CalculatedRate>',
      '<ram:BasisAmount>1252.34</ram:BasisAmount>',
      '<ram:CalculatedAmount>87.66</ram:CalculatedAmount>',
      '<ram:GrandTotalAmount>1340.00</ram:GrandTotalAmount>',
      '<ram:LineID>2</ram:LineID>',
      'ER3-2560',
    ]) {
      expect(xml, required).toContain(required);
    }
  });

  it('issues a receipt, never a tax invoice, for a shop not registered for VAT', async () => {
    const p = await placedGroup(app);
    await paySandboxQr(app, await startIntent(app, p, 'promptpay'));
    await drain();
    const docs = (
      await app.inject({ url: `/api/orders/${p.orderIds[0]}/documents`, headers: { cookie: p.shops[0].cookie } })
    ).json();
    expect(docs.map((x: any) => [x.kind, x.number])).toEqual([['receipt', `RC${beYear()}-000001`]]);
    const [row] = await queryRows<{ data: InvoiceData }>(
      database.db,
      sql`select data from documents where id = ${docs[0].id}::uuid`,
    );
    expect(row.data.vat).toBeNull();
    expect(
      (await app.inject({ url: `/api/documents/${docs[0].id}/etax.xml`, headers: { cookie: p.shops[0].cookie } }))
        .statusCode,
    ).toBe(409);
    expect(() => etaxInvoiceXml(row.data)).toThrow();
  });

  it("numbers a shop's invoices 1, 2, 3... with no repeat and no gap, however many are issued at once", async () => {
    const shop = await vatShop();
    const groups = [];
    for (let i = 0; i < 12; i++) groups.push(await placedGroup(app, { shops: [shop] }));
    for (const g of groups) await markGroupPaid(database.db, systemActor('payments'), g.groupId);
    // Issue all at once, each twice (an event delivered twice): on PostgreSQL these race for real.
    const orderIds = groups.map((g) => g.orderIds[0]);
    const results = await Promise.allSettled([...orderIds, ...orderIds].map((id) => issueForOrder(database.db, id)));
    expect(results.filter((r) => r.status === 'fulfilled' && r.value).length).toBe(12);
    const serials = await queryRows<{ serial: number }>(
      database.db,
      sql`select serial from documents where seller_id = ${shop.sellerId}::uuid order by serial`,
    );
    expect(serials.map((s) => s.serial)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    // The next one continues the series.
    const more = await placedGroup(app, { shops: [shop] });
    await markGroupPaid(database.db, systemActor('payments'), more.groupId);
    expect((await issueForOrder(database.db, more.orderIds[0]))!.number).toBe(`TI${beYear()}-000013`);
  });

  it("names a VAT-registered buyer's business, tax ID and branch when asked before the invoice is issued", async () => {
    const shop = await vatShop();
    const p = await placedGroup(app, { shops: [shop], prices: [55_000] });
    const put = (payload: object, cookie = p.buyer.cookie, lang = 'th') =>
      app.inject({
        method: 'PUT',
        url: `/api/order-groups/${p.groupId}/tax-invoice-details`,
        headers: { cookie, 'accept-language': lang },
        payload,
      });
    const company = {
      name: 'บริษัท ผลไม้ไทยส่งออก จำกัด',
      taxId: '0-9940-00165-50-1',
      branch: '00012',
      address: '1 ถ.สุขุมวิท แขวงคลองเตย เขตคลองเตย กรุงเทพมหานคร 10110',
    };
    const bad = await put({ ...company, taxId: '0994000165502' }, p.buyer.cookie, 'en');
    expect(bad.json()).toMatchObject({
      status: 422,
      errors: [{ field: 'taxId', code: 'bad_tax_id', detail: 'is not a valid 13-digit tax ID' }],
    });
    expect((await put(company, (await signedInUser(database.db)).cookie)).statusCode).toBe(404);
    expect((await put(company)).json()).toMatchObject({ taxId: '0994000165501', branch: '00012' });

    await paySandboxQr(app, await startIntent(app, p, 'promptpay'));
    await drain();
    const [row] = await queryRows<{ id: string; data: InvoiceData }>(
      database.db,
      sql`select id, data from documents where order_id = ${p.orderIds[0]}::uuid`,
    );
    expect(row.data.buyer).toEqual({
      name: 'บริษัท ผลไม้ไทยส่งออก จำกัด',
      taxId: '0994000165501',
      branch: '00012',
      address: company.address,
    });
    expect(etaxInvoiceXml(row.data)).toContain(
      '<ram:BuyerTradeParty><ram:Name>บริษัท ผลไม้ไทยส่งออก จำกัด</ram:Name><ram:SpecifiedTaxRegistration><ram:ID schemeID="TXID">099400016550100012</ram:ID>',
    );
    const text = pdfToText(await invoicePdf(row.data, 'en'), { flat: true });
    expect(text).toContain("เลขประจำตัวผู้เสียภาษีของผู้ซื้อ / Buyer's tax ID: 0994000165501 (สาขาที่ 00012)");
    expect(text).toContain("เลขประจำตัวผู้เสียภาษีของผู้ขาย / Seller's tax ID");
    // Once issued, a tax invoice is never rewritten.
    expect((await put(company)).json().code).toBe('documents_already_issued');
  });

  it('writes branches and VAT as the Revenue Code wants them', () => {
    expect(branchLabel('00000')).toBe('สำนักงานใหญ่');
    expect(branchLabel('00012')).toBe('สาขาที่ 00012');
    expect(vatIncluded(107_00, 700)).toBe(7_00);
    expect(vatIncluded(134_000, 700)).toBe(8_766);
  });
});
