// A seller registers a certificate with its document, an operator verifies it, the badge shows and
// search's facet counts it; revoked or expired, it leaves both through the outbox. Bad input gets
// problem+json in the reader's language and leaves nothing behind.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db.ts';
import { drainOutbox, useTestApp } from '../../../test/db.ts';
import { categoryIdBySlug, productOnSale, seedCategories } from '../catalog/testing.ts';
import { operatorSession, type TestAccount } from '../identity/testing.ts';
import { approvedSeller, type TestSeller } from '../sellers/testing.ts';
import { addDays } from '../hub/testing.ts';
import {
  fdaNumber,
  PNG,
  REFERENCE_GIS,
  standardsModule,
  sweepCertificates,
  uploadCertificate,
  verifiedCertificate,
  verify,
} from './testing.ts';

const t = useTestApp({ DATA_DIR: `/tmp/talad-standards-test-${process.pid}` });
let operator: TestAccount;
let shop: TestSeller;
let other: TestSeller;
let mango: { productId: string; variantIds: string[] };
let rice: { productId: string; variantIds: string[] };

const search = async (query: string) =>
  (await t.app.inject({ url: `/api/search?${query}`, headers: { 'accept-language': 'en' } })).json();
const marks = async (productId: string, lang = 'th') =>
  (
    await t.app.inject({ url: `/api/standards/products/${productId}/marks`, headers: { 'accept-language': lang } })
  ).json().items;

beforeAll(async () => {
  await seedCategories(t.app.db);
  operator = await operatorSession(t.app);
  shop = await approvedSeller(t.app, { application: { provinceCode: '45' } });
  other = await approvedSeller(t.app);
  mango = await productOnSale(t.app, shop, await categoryIdBySlug(t.app.db, 'dried-fruit'), {
    title: { th: 'มะม่วงอบแห้งเขาค้อ', zh: '考科芒果干', en: 'Khao Kho dried mango' },
    originProvinceCode: '67',
  });
  rice = await productOnSale(t.app, shop, await categoryIdBySlug(t.app.db, 'jasmine-rice'));
  for (const gi of REFERENCE_GIS)
    await t.app.inject({
      method: 'PUT',
      url: '/api/operator/standards/gis',
      headers: { cookie: operator.cookie },
      payload: gi,
    });
  await drainOutbox(t.app);
});

describe('a certificate from upload to badge, facet and expiry', () => {
  it('is pending until an operator verifies it; then the badge and the facet appear; revoked, they go', async () => {
    const number = fdaNumber();
    const up = await uploadCertificate(t.app, shop, {
      kind: 'fda',
      productId: mango.productId,
      variantId: mango.variantIds[0],
      number: number.replace(/-/g, ''),
    });
    expect(up.statusCode, up.body).toBe(201);
    const cert = up.json();
    expect(cert).toMatchObject({ status: 'pending', number, showing: false, document: { type: 'application/pdf' } });
    // The sandbox agency answered as FDA's public check would, and says it is the sandbox.
    expect(cert.agencyAnswer).toMatchObject({ agency: 'Thai FDA product check', sandbox: true, status: 'valid' });
    expect(await marks(mango.productId)).toEqual([]);

    // Only the shop's members upload; only they and operators read the document.
    expect(
      (
        await uploadCertificate(
          t.app,
          { ...shop, cookie: other.cookie },
          { kind: 'fda', productId: mango.productId, number: fdaNumber() },
        )
      ).statusCode,
    ).toBe(403);
    const doc = await t.app.inject({ url: cert.document.url, headers: { cookie: shop.cookie } });
    expect(doc.headers['content-type']).toBe('application/pdf');
    expect(doc.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await t.app.inject({ url: cert.document.url, headers: { cookie: other.cookie } })).statusCode).toBe(403);
    expect((await t.app.inject({ url: cert.document.url })).statusCode).toBe(401);

    // The operator's queue shows it with the agency's answer; a shop cannot verify its own.
    const queue = await t.app.inject({
      url: '/api/operator/standards/certificates?status=pending',
      headers: { cookie: operator.cookie },
    });
    expect(queue.json().items.map((c: any) => c.id)).toContain(cert.id);
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/operator/standards/certificates/${cert.id}/verify`,
          headers: { cookie: shop.cookie },
        })
      ).statusCode,
    ).toBe(403);

    const verified = await verify(t.app, operator.cookie, cert.id);
    expect(verified).toMatchObject({ status: 'verified', showing: true });
    const [badge] = await marks(mango.productId, 'zh');
    expect(badge).toMatchObject({
      kind: 'fda',
      number,
      variantId: mango.variantIds[0],
      issuer: '泰国食品药品监督管理局',
    });
    expect(badge.explanation).toContain('Talad');
    // Search: the facet counts it (in the reader's language) and the filter finds it, with its card's marks.
    const found = await search('certification=fda&lang=zh');
    expect(found.items.map((i: any) => i.id)).toEqual([mango.productId]);
    expect(found.items[0].certifications).toEqual(['fda']);
    expect(found.facets.certifications).toContainEqual({
      value: 'fda',
      label: '泰国食品药品监督管理局注册 (FDA)',
      count: 1,
      selected: true,
    });

    // Revoked: gone from the badges at once, from search once the outbox has delivered.
    const revoked = await t.app.inject({
      method: 'POST',
      url: `/api/operator/standards/certificates/${cert.id}/revoke`,
      headers: { cookie: operator.cookie },
      payload: { reason: 'อย. ยกเลิกเลขสารบบนี้แล้ว' },
    });
    expect(revoked.json()).toMatchObject({ status: 'revoked', showing: false, reviewReason: 'อย. ยกเลิกเลขสารบบนี้แล้ว' });
    expect(await marks(mango.productId)).toEqual([]);
    const events = await queryRows<{ topic: string; payload: any }>(
      t.app.db,
      sql`select topic, payload from outbox where topic = 'standards.mark_changed' order by id`,
    );
    expect(events.map((e) => e.payload.status)).toEqual(['verified', 'revoked']);
    await drainOutbox(t.app);
    expect((await search('certification=fda')).total).toBe(0);
    expect((await search('q=mango')).facets.certifications).toEqual([]);
  });

  it('expires on the day after its expiry date, tells the shop 30 days before, and leaves the facet', async () => {
    const cert = await verifiedCertificate(t.app, shop, operator.cookie, {
      kind: 'fda',
      productId: mango.productId,
      number: fdaNumber(),
      expiresOn: addDays(25),
    });
    expect((await search('certification=fda')).total).toBe(1);
    const rt = t.app.platform.runtime(standardsModule);
    // Today: within 30 days, the shop is told once however often the job runs.
    await sweepCertificates(t.app.db, rt);
    await sweepCertificates(t.app.db, rt);
    const notices = async (lang: string) =>
      (
        await t.app.inject({
          url: `/api/sellers/${shop.sellerId}/standards/notices`,
          headers: { cookie: shop.cookie, 'accept-language': lang },
        })
      ).json().items;
    const expiring = (await notices('en')).filter((n: any) => n.code === 'certificate_expiring');
    expect(expiring).toHaveLength(1);
    expect(expiring[0].text).toBe(
      `Certificate ${cert.number} expires on ${cert.expiresOn}: renew it and upload the new one`,
    );
    // 26 days on: it has expired; the badge and the facet go.
    await sweepCertificates(t.app.db, rt, new Date(Date.now() + 26 * 86_400_000));
    const [row] = await queryRows<{ status: string }>(
      t.app.db,
      sql`select status from standards_certificates where id = ${cert.id}::uuid`,
    );
    expect(row.status).toBe('expired');
    expect((await notices('zh')).find((n: any) => n.code === 'certificate_expired').text).toContain('已于');
    await drainOutbox(t.app);
    expect((await search('certification=fda')).total).toBe(0);
    // An operator cannot verify it again once its date has passed.
    expect(
      (
        await t.app.inject({
          method: 'POST',
          url: `/api/operator/standards/certificates/${cert.id}/verify`,
          headers: { cookie: operator.cookie },
        })
      ).statusCode,
    ).toBe(409);
  });
});

describe('bad input', () => {
  const filesOf = (sellerId: string) => {
    try {
      return readdirSync(join(t.config.dataDir, 'private-media/certificates', sellerId));
    } catch {
      return [];
    }
  };
  const saved = async () =>
    (
      await queryRows<{ n: number }>(
        t.app.db,
        sql`select count(*)::int as n from standards_certificates where seller_id = ${other.sellerId}::uuid`,
      )
    )[0].n;

  it('a malformed number, an expiry before issue, a duplicate of another shop, a GI outside its area: problem+json in the reader’s language, nothing saved', async () => {
    const product = await productOnSale(t.app, other, await categoryIdBySlug(t.app.db, 'jasmine-rice'));
    const before = filesOf(other.sellerId).length;

    const malformed = await uploadCertificate(
      t.app,
      other,
      { kind: 'fda', productId: product.productId, number: '67-2-0035' },
      { lang: 'zh' },
    );
    expect(malformed.statusCode).toBe(422);
    expect(malformed.headers['content-type']).toContain('application/problem+json');
    expect(malformed.json()).toMatchObject({ code: 'validation_failed', detail: '部分字段无效' });
    expect(malformed.json().errors).toEqual([
      { field: 'number', code: 'fda_number_shape', detail: '必须是 13 位数字，格式 XX-X-XXXXX-X-XXXX' },
    ]);
    const province = await uploadCertificate(t.app, other, {
      kind: 'fda',
      productId: product.productId,
      number: '99-1-12345-1-0001',
    });
    expect(province.json().errors[0].detail).toBe('สองหลักแรก (99) ไม่ใช่รหัสจังหวัด');

    const dates = await uploadCertificate(
      t.app,
      other,
      {
        kind: 'fda',
        productId: product.productId,
        number: fdaNumber(),
        issuedOn: addDays(-10),
        expiresOn: addDays(-20),
      },
      { lang: 'en' },
    );
    expect(dates.json().errors).toEqual([
      { field: 'expiresOn', code: 'expiry_before_issue', detail: 'must be after the issue date' },
    ]);

    // The shop's number, presented by another shop.
    const mine = await uploadCertificate(t.app, shop, {
      kind: 'halal',
      productId: rice.productId,
      number: '012345678901',
    });
    expect(mine.statusCode).toBe(201);
    const dup = await uploadCertificate(
      t.app,
      other,
      { kind: 'halal', productId: product.productId, number: '0123-4567-8901' },
      { lang: 'en' },
    );
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({
      code: 'certificate_number_taken',
      detail: 'This number is already registered by another shop',
    });

    // A GI claimed from outside its registered area (Mueang Roi Et is not in Thung Kula Rong Hai).
    const tkr = (await t.app.inject({ url: '/api/standards/gis' }))
      .json()
      .items.find((g: any) => g.slug === REFERENCE_GIS[0].slug);
    const outside = await uploadCertificate(
      t.app,
      other,
      { kind: 'gi', productId: product.productId, number: 'GI 0001/2567', giId: tkr.id, originAreaCode: '4501' },
      { lang: 'en' },
    );
    expect(outside.json().errors).toEqual([
      {
        field: 'originAreaCode',
        code: 'gi_outside_area',
        detail: 'is outside the registered area of the GI “ข้าวหอมมะลิทุ่งกุลาร้องไห้”',
      },
    ]);
    // Named only by a province the GI covers in part, it must say the district.
    const coarse = await uploadCertificate(t.app, other, {
      kind: 'gi',
      productId: product.productId,
      number: 'GI 0001/2567',
      giId: tkr.id,
      originAreaCode: '45',
    });
    expect(coarse.json().errors[0].code).toBe('gi_area_needs_district');
    // Not a PDF or an image, whatever its name says.
    const html = await uploadCertificate(
      t.app,
      other,
      { kind: 'fda', productId: product.productId, number: fdaNumber() },
      { document: Buffer.from('<html>%PDF-1.4</html>') },
    );
    expect(html.json()).toMatchObject({ code: 'document_not_supported' });

    expect(await saved()).toBe(0);
    expect(filesOf(other.sellerId).length).toBe(before);

    // Inside the area, from a sub-district of Kaset Wisai: accepted, with a photo of the certificate.
    const inside = await uploadCertificate(
      t.app,
      other,
      { kind: 'gi', productId: product.productId, number: 'GI 0002/2567', giId: tkr.id, originAreaCode: '450201' },
      { document: PNG, filename: 'gi.png' },
    );
    expect(inside.statusCode, inside.body).toBe(201);
    expect(inside.json()).toMatchObject({
      originArea: { label: 'ต.เกษตรวิสัย อ.เกษตรวิสัย จ.ร้อยเอ็ด' },
      document: { type: 'image/png' },
    });
  });

  it('checks each kind’s own facts: OTOP stars and year, Thai Hom Mali variety and purity, one level of trademark authorisation', async () => {
    const otop = await uploadCertificate(
      t.app,
      shop,
      { kind: 'otop', productId: rice.productId, number: 'OTOP 45-0001', details: { stars: 6, year: 2003 } },
      { lang: 'en' },
    );
    expect(otop.json().errors.map((e: any) => e.code)).toEqual(['otop_stars', 'otop_year']);
    const ok = await uploadCertificate(t.app, shop, {
      kind: 'otop',
      productId: rice.productId,
      number: 'OTOP 45-0002',
      details: { stars: 5, year: 2567 },
    });
    expect(ok.json().details).toMatchObject({ stars: 5, year: 2024 });
    const hm = await uploadCertificate(t.app, shop, {
      kind: 'thai_hom_mali',
      productId: rice.productId,
      number: 'THM 0001/2568',
      details: { variety: 'RD6', purityPercent: 90 },
    });
    expect(hm.json().errors.map((e: any) => e.code)).toEqual(['rice_variety', 'rice_purity']);
    const chain = await uploadCertificate(t.app, shop, {
      kind: 'trademark_authorisation',
      number: 'AUTH 2568/01',
      details: {
        brand: 'ทุ่งกุลา',
        trademarkNumber: 'ค512346',
        ownerName: 'บริษัท ข้าวทุ่งกุลา จำกัด',
        grantorName: 'ตัวแทนจำหน่าย จำกัด',
        exclusive: true,
      },
    });
    expect(chain.json().errors).toEqual([
      expect.objectContaining({ field: 'details.grantorName', code: 'not_the_owner' }),
    ]);
    const wrongType = await uploadCertificate(t.app, shop, { kind: 'fda', productId: rice.productId, number: 42 });
    expect(wrongType.json()).toMatchObject({
      code: 'validation_failed',
      errors: [{ field: 'number', code: 'invalid' }],
    });
  });
});
