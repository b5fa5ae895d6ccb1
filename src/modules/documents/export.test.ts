// A sale exported to a consumer in China: a tax invoice at 0% (zero-rated export, Revenue Code
// s.80/1 (1)) for a VAT-registered shop, a receipt otherwise; amounts in CNY as paid and in THB at
// the order's rate; the buyer's address printed as a Chinese address. Checked in the stored
// document, in the PDF's text as pdftotext reads it, and in the e-Tax XML.
import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { drainOutbox, useTestApp } from '../../../test/db.ts';
import { pdfToText } from '../../../test/pdftotext.ts';
import { addToCart } from '../../../test/shop.ts';
import { queryRows } from '../../platform/db.ts';
import { shopWithOwner, signedInUser } from '../catalog/testing.ts';
import { bondedProduct, buyerIdentity, cnCheckout, freshRate, payAsBuyer } from '../crossborder/testing.ts';
import { sellers } from '../sellers/testing.ts';
import type { InvoiceData } from './invoice.ts';

const t = useTestApp();
const RATE = '0.2013'; // CNY per THB: not a round number, so every conversion rounds
/** THB satang of fen at RATE, computed here independently (fen / rate, to the nearest satang). */
const satang = (fen: number) => Math.round(fen / Number(RATE));

async function paidChinaOrder(opts: { vat: boolean }) {
  const shop = await shopWithOwner(t.app.db);
  if (opts.vat) {
    await t.app.db
      .update(sellers)
      .set({ vatRegistered: true, legalNameTh: 'บริษัท ทุเรียนจันท์ จำกัด' })
      .where(eq(sellers.id, shop.sellerId));
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/sellers/${shop.sellerId}/tax-profile`,
      headers: { cookie: shop.cookie },
      payload: {
        address: {
          houseNumber: '99',
          moo: '4',
          subdistrict: 'ท่าช้าง',
          district: 'เมืองจันทบุรี',
          provinceCode: '22',
          postcode: '22000',
        },
        branch: '00000',
      },
    });
    expect(put.statusCode, put.body).toBe(200);
  }
  const rice = await bondedProduct(t.app.db, shop.sellerId, { priceSatang: 40_000, stock: 20, vatBp: 900 });
  await freshRate(t.app.db, RATE);
  const buyer = await signedInUser(t.app.db);
  const { cookie } = await addToCart(t.app, rice.variantId, 2, buyer.cookie);
  const placed = await cnCheckout(t.app, cookie, buyerIdentity());
  expect(placed.statusCode, placed.body).toBe(201);
  const order = placed.json();
  await payAsBuyer(t.app, cookie, order.orderGroupId, buyerIdentity());
  await drainOutbox(t.app);
  const docs = (await t.app.inject({ url: `/api/orders/${order.orderId}/documents`, headers: { cookie } })).json();
  expect(docs).toHaveLength(1);
  const [row] = await queryRows<{ data: InvoiceData }>(
    t.app.db,
    sql`select data from documents where id = ${docs[0].id}::uuid`,
  );
  const pdf = await t.app.inject({ url: `/api/documents/${docs[0].id}/pdf?lang=zh`, headers: { cookie } });
  expect(pdf.headers['content-type']).toBe('application/pdf');
  return { shop, order, cookie, doc: docs[0], data: row.data, text: pdfToText(pdf.rawPayload, { flat: true }) };
}

describe('the tax document of a sale exported to China', () => {
  it('is a tax invoice at 0% (category Z) in CNY as paid and THB at the rate, to a Chinese address', async () => {
    const { order, doc, data, text, shop } = await paidChinaOrder({ vat: true });
    expect(doc).toMatchObject({ kind: 'tax_invoice', currency: 'THB' });
    // 2 x 400.00 THB at 0.2013 = 2 x 80.52 CNY; the freight and the import tax as the checkout priced them.
    const goodsFen = 2 * 8_052;
    expect(order.goodsFen).toBe(goodsFen);
    expect(data.export).toMatchObject({
      market: 'CN',
      currency: 'CNY',
      fx: { rate: RATE, source: 'test rate' },
      lines: [
        { unitPrice: 8_052, amount: goodsFen },
        { unitPrice: order.freightFen, amount: order.freightFen },
      ],
      total: goodsFen + order.freightFen,
      importTax: order.taxFen,
      paid: order.totalFen,
    });
    // Zero-rated: VAT 0, the whole THB value is the value before VAT.
    const thb = satang(goodsFen) + satang(order.freightFen);
    expect(data).toMatchObject({ vatRateBp: 0, vat: 0, vatCategory: 'Z', total: thb, totalBeforeVat: thb });
    expect(data.lines.map((l) => [l.quantity, l.unitPrice, l.amount])).toEqual([
      [2, satang(8_052), satang(goodsFen)],
      [1, satang(order.freightFen), satang(order.freightFen)],
    ]);
    // The buyer (the payer customs checked) at the consignee's address, in its Chinese parts.
    expect(data.buyer).toMatchObject({
      name: '王小明',
      country: 'CN',
      taxId: null,
      addressParts: {
        province: '广东省',
        city: '广州市',
        district: '天河区',
        street: '天河路385号太古汇一座1201室',
        districtCode: '440106',
      },
    });
    expect(data.buyer.address).toBe('广东省广州市天河区天河路385号太古汇一座1201室');
    expect(data.buyer.address).not.toMatch(/ต\.|อ\.|จ\.|แขวง|เขต/);

    // What a reader of the PDF finds.
    const yuan = (fen: number) => (fen / 100).toFixed(2);
    const baht = (s: number) => (s / 100).toLocaleString('en-US', { minimumFractionDigits: 2 });
    for (const words of [
      'ใบกำกับภาษี',
      '税务发票',
      '王小明',
      '广东省 广州市 天河区',
      '天河路385号太古汇一座1201室',
      '中华人民共和国 (ประเทศจีน) 440106',
      'ภาษีมูลค่าเพิ่ม / 增值税 0%',
      'การส่งออกสินค้า ภาษีมูลค่าเพิ่มอัตราร้อยละ 0 ตามประมวลรัษฎากร มาตรา 80/1 (1)',
      `${yuan(goodsFen)}`,
      `${baht(satang(goodsFen))}`,
      `${baht(thb)} 泰铢`,
      `1 THB = ${RATE} CNY (test rate,`,
      `${yuan(order.totalFen)} CNY`,
    ])
      expect(text, words).toContain(words);
    expect(text).not.toContain('7%');

    // The e-Tax XML carries the 0% rate, its category, and the Chinese address.
    const xml = (await t.app.inject({ url: `/api/documents/${doc.id}/etax.xml`, headers: { cookie: shop.cookie } }))
      .body;
    for (const required of [
      '<ram:CalculatedRate>0.00</ram:CalculatedRate>',
      '<ram:CalculatedAmount>0.00</ram:CalculatedAmount>',
      '<ram:CategoryCode>Z</ram:CategoryCode>',
      `<ram:BasisAmount>${(thb / 100).toFixed(2)}</ram:BasisAmount>`,
      '<ram:InvoiceCurrencyCode listID="ISO 4217 3A">THB</ram:InvoiceCurrencyCode>',
      '<ram:LineOne>天河路385号太古汇一座1201室</ram:LineOne><ram:CityName>广州市</ram:CityName><ram:CitySubDivisionName>天河区</ram:CitySubDivisionName><ram:CountryID>CN</ram:CountryID>',
      `Paid ${yuan(order.totalFen)} CNY`,
      'Revenue Code s.80/1 (1)',
    ])
      expect(xml, required).toContain(required);
  });

  it('is a receipt in CNY and THB when the shop is not registered for VAT', async () => {
    const { doc, data, text, order } = await paidChinaOrder({ vat: false });
    expect(doc.kind).toBe('receipt');
    expect(data).toMatchObject({ vat: null, vatRateBp: null, vatCategory: null, export: { paid: order.totalFen } });
    expect(data.buyer.addressParts?.province).toBe('广东省');
    for (const words of [
      'ใบเสร็จรับเงิน',
      '收据',
      '王小明',
      '天河路385号太古汇一座1201室',
      'การส่งออกสินค้าไปยังผู้ซื้อในประเทศจีน',
    ])
      expect(text, words).toContain(words);
    expect(text).not.toContain('ภาษีมูลค่าเพิ่ม / 增值税');
  });
});
