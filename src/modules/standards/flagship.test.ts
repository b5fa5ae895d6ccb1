// A flagship store: approved only against its requirements, found by search's flagship filter,
// and taken off automatically (saying why) when its trademark authorisation expires.
import { beforeAll, describe, expect, it } from 'vitest';
import { drainOutbox, useTestApp } from '../../../test/db.ts';
import { categoryIdBySlug, productOnSale, seedCategories } from '../catalog/testing.ts';
import { operatorSession, type TestAccount } from '../identity/testing.ts';
import { approvedSeller, type TestSeller } from '../sellers/testing.ts';
import { addDays } from '../hub/testing.ts';
import { postgresSearchEngine } from '../search/testing.ts';
import { fdaNumber, standardsModule, sweepCertificates, uploadCertificate, verifiedCertificate } from './testing.ts';

const t = useTestApp({ DATA_DIR: `/tmp/talad-flagship-test-${process.pid}` });
let operator: TestAccount;
let coop: TestSeller;
let rice: { productId: string };
let second: { productId: string };

const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: object, lang = 'en') =>
  t.app.inject({ method, url, headers: { cookie, 'accept-language': lang }, payload });
const apply = () =>
  call('PUT', `/api/sellers/${coop.sellerId}/flagship-application`, coop.cookie, {
    brandName: 'ทุ่งกุลา',
    story: { th: 'ข้าวหอมมะลิจากสมาชิกสหกรณ์', zh: '合作社社员种植的茉莉香米', en: 'Hom Mali rice from our members' },
    productIds: [rice.productId],
  });
const approve = () => call('POST', `/api/operator/standards/flagship/${coop.sellerId}/approve`, operator.cookie);
const isFlagship = async () => (await t.app.inject({ url: `/api/shops/${coop.slug}` })).json().isFlagship;

beforeAll(async () => {
  await seedCategories(t.app.db);
  operator = await operatorSession(t.app);
  coop = await approvedSeller(t.app, { application: { businessType: 'cooperative', provinceCode: '45' } });
  const category = await categoryIdBySlug(t.app.db, 'jasmine-rice');
  rice = await productOnSale(t.app, coop, category);
  second = await productOnSale(t.app, coop, category, {
    title: { th: 'ข้าวกล้องหอมมะลิ', zh: '糙米', en: 'Brown jasmine rice' },
  });
});

describe('a flagship store', () => {
  it('is approved only when every requirement holds, and search then finds it with the flagship filter', async () => {
    expect((await apply()).json()).toMatchObject({ status: 'pending', brandName: 'ทุ่งกุลา' });
    const refused = await approve();
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({
      code: 'flagship_requirements_unmet',
      detail: '3 flagship store requirement(s) are not met',
    });
    expect(refused.json().errors.map((e: any) => e.field)).toEqual([
      'requirements.trademark',
      'requirements.marks_per_product',
      'requirements.verified_share',
    ]);
    const queue = (await call('GET', '/api/operator/standards/flagship', operator.cookie, undefined, 'th')).json()
      .items;
    expect(queue[0].requirements.map((r: any) => [r.code, r.ok])).toEqual([
      ['legal_entity', true],
      ['trademark', false],
      ['marks_per_product', false],
      ['verified_share', false],
    ]);
    expect(queue[0].requirements[3].text).toBe('สินค้ามีตรารับรองเพียง 0% ต้องไม่ต่ำกว่า 80%');

    // An exclusive authorisation straight from the owner, and marks on both products on sale.
    const auth = await verifiedCertificate(t.app, coop, operator.cookie, {
      kind: 'trademark_authorisation',
      number: 'AUTH 2568/07',
      expiresOn: addDays(40),
      details: {
        brand: 'ทุ่งกุลา',
        trademarkNumber: 'ค512399',
        ownerName: 'สมาคมผู้ผลิตข้าวทุ่งกุลา',
        grantorName: 'สมาคมผู้ผลิตข้าวทุ่งกุลา',
        exclusive: true,
      },
    });
    await verifiedCertificate(t.app, coop, operator.cookie, {
      kind: 'halal',
      productId: rice.productId,
      number: '111122223333',
    });
    await verifiedCertificate(t.app, coop, operator.cookie, {
      kind: 'halal',
      productId: second.productId,
      number: '111122224444',
    });
    const approved = await approve();
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json().status).toBe('approved');
    expect(await isFlagship()).toBe(true);
    await drainOutbox(t.app);
    const found = (await t.app.inject({ url: '/api/search?flagship=true' })).json();
    expect(found.items.map((i: any) => i.id).sort()).toEqual([rice.productId, second.productId].sort());
    expect(found.items.every((i: any) => i.shop.isFlagship)).toBe(true);
    // The PostgreSQL engine (behind talad reindex and queries inside transactions) filters the same way.
    const sql = await postgresSearchEngine.query(t.app.db, {
      text: '',
      filters: { flagshipOnly: true },
      sort: 'newest',
      page: 1,
      perPage: 10,
      facets: false,
    });
    expect(sql.hits.map((h) => h.productId).sort()).toEqual([rice.productId, second.productId].sort());
    const storefront = (
      await t.app.inject({ url: `/api/standards/shops/${coop.slug}/flagship`, headers: { 'accept-language': 'zh' } })
    ).json().storefront;
    expect(storefront).toMatchObject({ brandName: 'ทุ่งกุลา', story: '合作社社员种植的茉莉香米', storyLang: 'zh' });
    expect(storefront.badges.map((b: any) => b.kind)).toEqual(['halal']);

    // The authorisation expires: the badge comes off by itself and the shop is told why.
    await sweepCertificates(t.app.db, t.app.platform.runtime(standardsModule), new Date(Date.now() + 41 * 86_400_000));
    expect(await isFlagship()).toBe(false);
    const mine = (await call('GET', `/api/sellers/${coop.sellerId}/flagship-application`, coop.cookie)).json()
      .application;
    expect(mine.status).toBe('lapsed');
    expect(mine.requirements.find((r: any) => !r.ok)).toMatchObject({
      code: 'trademark',
      text: 'No valid trademark registration or exclusive authorisation from the owner',
    });
    const notices = (await call('GET', `/api/sellers/${coop.sellerId}/standards/notices`, coop.cookie)).json().items;
    expect(notices.find((n: any) => n.code === 'flagship_lapsed').text).toContain('trademark');
    await drainOutbox(t.app);
    expect((await t.app.inject({ url: '/api/search?flagship=true' })).json().total).toBe(0);
    expect((await t.app.inject({ url: `/api/standards/shops/${coop.slug}/flagship` })).json().storefront).toBeNull();
    expect(auth.kind).toBe('trademark_authorisation');
  });

  it('is for legal entities with a valid tax ID, and only their owner applies', async () => {
    const person = await approvedSeller(t.app, { application: { businessType: 'individual' } });
    const own = await productOnSale(t.app, person, await categoryIdBySlug(t.app.db, 'jasmine-rice'));
    const staffless = await call('PUT', `/api/sellers/${person.sellerId}/flagship-application`, coop.cookie, {
      brandName: 'x',
      story: { th: 'x' },
      productIds: [own.productId],
    });
    expect(staffless.statusCode).toBe(403);
    const applied = await call('PUT', `/api/sellers/${person.sellerId}/flagship-application`, person.cookie, {
      brandName: 'ชาวนา',
      story: { th: 'ข้าวจากนาของเรา' },
      productIds: [own.productId],
    });
    expect(applied.json().requirements[0]).toMatchObject({ code: 'legal_entity', ok: false });
    // Another shop's product cannot be listed.
    const foreign = await call('PUT', `/api/sellers/${person.sellerId}/flagship-application`, person.cookie, {
      brandName: 'ชาวนา',
      story: { th: 'ข้าว' },
      productIds: [rice.productId],
    });
    expect(foreign.json().errors).toEqual([
      expect.objectContaining({ field: 'productIds', code: 'not_product_of_shop' }),
    ]);
    expect(
      (await uploadCertificate(t.app, person, { kind: 'fda', productId: own.productId, number: fdaNumber() }))
        .statusCode,
    ).toBe(201);
  });
});
