import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { useTestApp } from '../../../test/db.ts';
import { PDF, PNG, multipart } from '../../../test/uploads.ts';
import { queryRows } from '../../platform/db.ts';
import { operatorSession, signUp, type TestAccount } from '../identity/testing.ts';
import { addStaff, approvedSeller, pendingSeller, type TestSeller } from './testing.ts';

const t = useTestApp();
let operator: TestAccount;
let stranger: TestAccount;
beforeAll(async () => {
  operator = await operatorSession(t.app);
  stranger = await signUp(t.app);
});

const upload = (seller: { sellerId: string }, cookie: string, kind: unknown, file: Buffer | null, lang = 'th') => {
  const parts: Parameters<typeof multipart>[0] = [{ name: 'document', value: JSON.stringify({ kind }) }];
  if (file) parts.push({ name: 'file', filename: 'scan.pdf', type: 'application/pdf', data: file });
  const body = multipart(parts);
  return t.app.inject({
    method: 'POST',
    url: `/api/sellers/${seller.sellerId}/application/documents`,
    headers: { ...body.headers, cookie, 'accept-language': lang },
    payload: body.payload,
  });
};
const review = async (seller: TestSeller) =>
  (await t.app.inject({ url: `/api/sellers/${seller.sellerId}/review`, headers: { cookie: operator.cookie } })).json();
const documentRows = async (sellerId: string) =>
  (
    await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from seller_documents where seller_id = ${sellerId}`,
    )
  )[0].n;

describe("an application's documents", () => {
  it('the owner attaches papers, the operator sees them in the review and opens them; missing kinds are named', async () => {
    const shop = await pendingSeller(t.app, {
      application: {
        businessType: 'company',
        payout: { method: 'bank_account', bankCode: '004', accountNumber: '1234567890', accountName: 'กาแฟดอยทดสอบ' },
      },
    });
    const before = await review(shop);
    expect(before.missingDocuments).toEqual(['id_card', 'company_certificate', 'bank_book']);
    expect(before.warnings.filter((w: any) => w.code === 'document_missing').map((w: any) => w.key)).toEqual([
      'document_missing:id_card',
      'document_missing:company_certificate',
      'document_missing:bank_book',
    ]);

    const cert = await upload(shop, shop.cookie, 'company_certificate', PDF);
    expect(cert.statusCode).toBe(201);
    expect(cert.json()).toMatchObject({
      kind: 'company_certificate',
      contentType: 'application/pdf',
      bytes: PDF.length,
    });
    expect((await upload(shop, shop.cookie, 'id_card', PNG)).json().contentType).toBe('image/png');

    const after = await review(shop);
    expect(after.documents.map((d: any) => d.kind)).toEqual(['company_certificate', 'id_card']);
    expect(after.missingDocuments).toEqual(['bank_book']);

    const file = await t.app.inject({ url: after.documents[0].fileUrl, headers: { cookie: operator.cookie } });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['cache-control']).toContain('no-store');
    expect(file.rawPayload.equals(PDF)).toBe(true);
    const own = await t.app.inject({ url: after.documents[1].fileUrl, headers: { cookie: shop.cookie } });
    expect(own.rawPayload.equals(PNG)).toBe(true);

    // Missing papers are shown, not blocking: the operator decides.
    const approved = await t.app.inject({
      method: 'POST',
      url: `/api/sellers/${shop.sellerId}/approve`,
      headers: { cookie: operator.cookie },
    });
    expect(approved.statusCode).toBe(200);
    // Once approved the application is closed: no more papers added or removed.
    const late = await upload(shop, shop.cookie, 'bank_book', PDF);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('application_locked');
    expect(await documentRows(shop.sellerId)).toBe(2);
  });

  it('nobody but the owner and operators sees or touches them; staff and other shops cannot', async () => {
    const shop = await pendingSeller(t.app);
    const other = await approvedSeller(t.app, { operator });
    const doc = (await upload(shop, shop.cookie, 'id_card', PDF)).json();
    const staffShop = await approvedSeller(t.app, { operator });
    const staff = await addStaff(t.app, staffShop);
    for (const cookie of [stranger.cookie, other.cookie]) {
      expect((await t.app.inject({ url: doc.fileUrl, headers: { cookie } })).statusCode).toBe(404);
      expect(
        (await t.app.inject({ url: `/api/sellers/${shop.sellerId}/application/documents`, headers: { cookie } }))
          .statusCode,
      ).toBe(403);
      expect((await upload(shop, cookie, 'other', PDF)).statusCode).toBe(403);
      const del = await t.app.inject({
        method: 'DELETE',
        url: `/api/sellers/${shop.sellerId}/application/documents/${doc.id}`,
        headers: { cookie },
      });
      expect(del.statusCode).toBe(403);
    }
    // Staff of a shop help sell; they do not see the owner's ID card.
    const staffDoc = await t.app.inject({
      url: `/api/sellers/${staffShop.sellerId}/application/documents`,
      headers: { cookie: staff.cookie },
    });
    expect(staffDoc.statusCode).toBe(403);
    expect((await t.app.inject({ url: doc.fileUrl })).statusCode).toBe(404);
    // A document id under another shop's path is not found.
    const crossed = await t.app.inject({
      url: `/api/sellers/${other.sellerId}/application/documents/${doc.id}/file`,
      headers: { cookie: operator.cookie },
    });
    expect(crossed.statusCode).toBe(404);
    expect(await documentRows(shop.sellerId)).toBe(1);
  });

  it('refuses a missing kind and file at once, a program disguised as a PDF, and too many papers; nothing is stored', async () => {
    const shop = await pendingSeller(t.app);
    const both = await upload(shop, shop.cookie, '', null, 'zh');
    expect(both.statusCode).toBe(422);
    expect(both.headers['content-type']).toContain('application/problem+json');
    expect(
      both
        .json()
        .errors.map((e: any) => e.field)
        .sort(),
    ).toEqual(['file', 'kind']);
    expect(both.json().errors.find((e: any) => e.field === 'kind').detail).toBe('必填');
    const badKind = await upload(shop, shop.cookie, 'passport_of_mars', PDF);
    expect(badKind.json().errors[0]).toMatchObject({ field: 'kind', code: 'not_allowed' });
    const exe = await upload(shop, shop.cookie, 'id_card', Buffer.from('MZ\x90\x00 this is a program'));
    expect(exe.statusCode).toBe(422);
    expect(exe.json().code).toBe('document_not_supported');
    expect(await documentRows(shop.sellerId)).toBe(0);

    for (let i = 0; i < 10; i++) expect((await upload(shop, shop.cookie, 'other', PDF)).statusCode).toBe(201);
    const eleventh = await upload(shop, shop.cookie, 'other', PDF, 'en');
    expect(eleventh.statusCode).toBe(409);
    expect(eleventh.json().detail).toContain('at most 10');
    expect(await documentRows(shop.sellerId)).toBe(10);
  });

  it('the owner removes a paper while pending; the file is gone too', async () => {
    const shop = await pendingSeller(t.app);
    const doc = (await upload(shop, shop.cookie, 'id_card', PDF)).json();
    const del = await t.app.inject({
      method: 'DELETE',
      url: `/api/sellers/${shop.sellerId}/application/documents/${doc.id}`,
      headers: { cookie: shop.cookie },
    });
    expect(del.statusCode).toBe(204);
    expect((await t.app.inject({ url: doc.fileUrl, headers: { cookie: shop.cookie } })).statusCode).toBe(404);
    expect((await review(shop)).missingDocuments).toContain('id_card');
  });
});
