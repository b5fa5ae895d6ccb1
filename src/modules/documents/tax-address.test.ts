// A VAT-registered shop cannot issue a tax invoice until its registered address is complete
// (Revenue Code s.86/4): the refusal says what is missing in th/zh/en, and the orders paid in the
// meantime get their tax invoice as soon as the address is complete.
import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { drainOutbox, useTestApp } from '../../../test/db.ts';
import { pdfToText } from '../../../test/pdftotext.ts';
import { queryRows } from '../../platform/db.ts';
import { shopWithOwner } from '../catalog/testing.ts';
import { paySandboxQr, placedGroup, startIntent } from '../payments/testing.ts';
import { sellers } from '../sellers/testing.ts';
import type { InvoiceData } from './invoice.ts';

const t = useTestApp();
const COMPLETE = {
  houseNumber: '99',
  moo: '4',
  subdistrict: 'ท่าช้าง',
  district: 'เมืองจันทบุรี',
  provinceCode: '22',
  postcode: '22000',
};

async function vatShopWithoutAddress() {
  const shop = await shopWithOwner(t.app.db);
  await t.app.db
    .update(sellers)
    .set({ vatRegistered: true, legalNameTh: 'บริษัท ทุเรียนจันท์ จำกัด' })
    .where(eq(sellers.id, shop.sellerId));
  return shop;
}
const profileOf = (shop: { sellerId: string; cookie: string }, lang = 'th') =>
  t.app.inject({
    url: `/api/sellers/${shop.sellerId}/tax-profile`,
    headers: { cookie: shop.cookie, 'accept-language': lang },
  });
const putProfile = (shop: { sellerId: string; cookie: string }, payload: object, lang = 'th') =>
  t.app.inject({
    method: 'PUT',
    url: `/api/sellers/${shop.sellerId}/tax-profile`,
    headers: { cookie: shop.cookie, 'accept-language': lang },
    payload,
  });
const documentsOf = async (orderId: string) =>
  queryRows<{ kind: string; number: string; data: InvoiceData }>(
    t.app.db,
    sql`select kind, number, data from documents where order_id = ${orderId}::uuid`,
  );

describe('a tax invoice needs the seller’s complete registered address', () => {
  it('refuses while the address is incomplete, says why in th/zh/en, and issues what waited once it is complete', async () => {
    const shop = await vatShopWithoutAddress();
    const before = (await profileOf(shop, 'en')).json();
    expect(before).toMatchObject({ vatRegistered: true, complete: false, waiting: 0, address: null });
    expect(before.problem).toMatchObject({ status: 409, code: 'tax_address_incomplete' });
    expect(before.problem.errors.map((e: { field: string }) => e.field)).toEqual([
      'address.houseNumber',
      'address.subdistrict',
      'address.district',
      'address.provinceCode',
      'address.postcode',
    ]);

    // A paid order: no tax invoice with only a province for an address — it waits.
    const p = await placedGroup(t.app, { shops: [shop], prices: [129_000] });
    await paySandboxQr(t.app, await startIntent(t.app, p, 'promptpay'));
    await drainOutbox(t.app);
    expect(await documentsOf(p.orderIds[0])).toEqual([]);
    expect((await profileOf(shop)).json()).toMatchObject({ complete: false, waiting: 1 });

    // Asked to issue it now, the shop is told what is missing, in its language.
    const issue = (lang: string) =>
      t.app.inject({
        method: 'POST',
        url: `/api/orders/${p.orderIds[0]}/documents`,
        headers: { cookie: shop.cookie, 'accept-language': lang },
      });
    const th = await issue('th');
    expect(th.statusCode).toBe(409);
    expect(th.headers['content-type']).toContain('application/problem+json');
    expect(th.json()).toMatchObject({ code: 'tax_address_incomplete' });
    expect(th.json().detail).toContain('ที่อยู่ตามที่จดทะเบียนของร้านยังไม่ครบ');
    expect(th.json().errors[0]).toEqual({ field: 'address.houseNumber', code: 'required', detail: 'จำเป็นต้องกรอก' });
    expect((await issue('zh')).json().detail).toContain('注册地址不完整');
    expect((await issue('en')).json().detail).toContain('registered address is incomplete');

    // An incomplete address is not saved; nothing is issued.
    const half = await putProfile(
      shop,
      { address: { ...COMPLETE, subdistrict: ' ', postcode: '2200' }, branch: '1' },
      'en',
    );
    expect(half.statusCode).toBe(422);
    expect(half.json().errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`)).toEqual([
      'address.subdistrict:required',
      'address.postcode:bad_postcode',
      'branch:bad_format',
    ]);
    expect(await documentsOf(p.orderIds[0])).toEqual([]);

    // Complete: the tax invoice that waited is issued at once, with the address and the payment date.
    const saved = await putProfile(shop, { address: COMPLETE, branch: '00000' });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({
      registeredAddress: '99 หมู่ 4 ต.ท่าช้าง อ.เมืองจันทบุรี จ.จันทบุรี 22000',
      issued: 1,
    });
    const [doc] = await documentsOf(p.orderIds[0]);
    expect(doc.kind).toBe('tax_invoice');
    expect(doc.data.seller.address).toBe('99 หมู่ 4 ต.ท่าช้าง อ.เมืองจันทบุรี จ.จันทบุรี 22000');
    expect(doc.data.paidAt).toEqual(expect.any(String));
    expect((await profileOf(shop)).json()).toMatchObject({ complete: true, waiting: 0, problem: null });
    // Asking again finds it issued; the event delivered again issues nothing more.
    expect((await issue('th')).json()).toMatchObject({ kind: 'tax_invoice', number: doc.number });
    expect(await documentsOf(p.orderIds[0])).toHaveLength(1);
  });

  it('lets a shop not registered for VAT issue receipts without an address, and prints typed text as text', async () => {
    const shop = await shopWithOwner(t.app.db);
    expect((await profileOf(shop)).json()).toMatchObject({ vatRegistered: false, complete: true, problem: null });
    const p = await placedGroup(t.app, { shops: [shop] });
    await paySandboxQr(t.app, await startIntent(t.app, p, 'promptpay'));
    await drainOutbox(t.app);
    const [doc] = await documentsOf(p.orderIds[0]);
    expect(doc.kind).toBe('receipt');

    // A business buyer's name as typed, with a right-to-left override, a zero-width space, a bell
    // and markup: the document keeps the text, not the tricks, and prints the markup as characters.
    const typed = await shopWithOwner(t.app.db);
    await t.app.db.update(sellers).set({ vatRegistered: true }).where(eq(sellers.id, typed.sellerId));
    await putProfile(typed, { address: COMPLETE, branch: '00000' });
    const q = await placedGroup(t.app, { shops: [typed] });
    const put = await t.app.inject({
      method: 'PUT',
      url: `/api/order-groups/${q.groupId}/tax-invoice-details`,
      headers: { cookie: q.buyer.cookie },
      payload: {
        name: 'บริษัท <b>ผลไม้</b> \u202E0021\u202C จำกัด\u200B 🍍\u0007',
        taxId: '0994000165501',
        branch: '00000',
        address: '1 ถ.สุขุมวิท\nแขวงคลองเตย เขตคลองเตย กรุงเทพมหานคร 10110',
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    await paySandboxQr(t.app, await startIntent(t.app, q, 'promptpay'));
    await drainOutbox(t.app);
    const [invoice] = await documentsOf(q.orderIds[0]);
    expect(invoice.data.buyer.name).toBe('บริษัท <b>ผลไม้</b> 0021 จำกัด 🍍');
    expect(invoice.data.buyer.address).toBe('1 ถ.สุขุมวิท แขวงคลองเตย เขตคลองเตย กรุงเทพมหานคร 10110');
    const docs = (
      await t.app.inject({ url: `/api/orders/${q.orderIds[0]}/documents`, headers: { cookie: q.buyer.cookie } })
    ).json();
    const pdf = await t.app.inject({ url: `/api/documents/${docs[0].id}/pdf`, headers: { cookie: q.buyer.cookie } });
    expect(pdfToText(pdf.rawPayload, { flat: true })).toContain('บริษัท <b>ผลไม้</b> 0021 จำกัด 🍍');
  });
});
