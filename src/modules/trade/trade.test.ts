import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/db.ts';
import { categoryIdBySlug, seedCategories, shopWithOwner, signedInUser } from '../catalog/testing.ts';

const t = useTestApp();
const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: object, lang = 'en') =>
  t.app.inject({ method, url, headers: { cookie, 'accept-language': lang }, payload });

async function verifiedImporter() {
  const user = await signedInUser(t.database.db);
  const op = await signedInUser(t.database.db, { isOperator: true });
  const res = await call('POST', '/api/trade/buyers', user.cookie, {
    companyName: '广州稻香进出口有限公司',
    country: 'CN',
    registrationNumber: '91350100M000100Y43',
    language: 'zh',
  });
  expect(res.statusCode).toBe(201);
  expect((await call('POST', `/api/operator/trade/buyers/${res.json().id}/verify`, op.cookie)).json().verified).toBe(
    true,
  );
  return user;
}

const rfq = (categoryId: string, over: Record<string, unknown> = {}) => ({
  product: '泰国茉莉香米 20 吨',
  language: 'zh',
  categoryId,
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
});
const quote = (price: number) => ({
  unitPriceSatang: price,
  moq: 5,
  tiers: [{ minQuantity: 20, unitPriceSatang: price - 100 }],
  leadTimeDays: 21,
  validUntil: '2027-01-31',
  terms: 'มัดจำ 30% ก่อนผลิต ส่วนที่เหลือก่อนส่งของ',
  language: 'th',
  attachments: [],
});

async function tradingShop(categoryId: string) {
  const shop = await shopWithOwner(t.database.db);
  await call('PUT', `/api/sellers/${shop.sellerId}/trade/profile`, shop.cookie, { categoryIds: [categoryId] });
  return shop;
}

describe('business buyers', () => {
  it('refuses a social credit code with a wrong check character, in the reader’s language', async () => {
    const user = await signedInUser(t.database.db);
    const res = await call(
      'POST',
      '/api/trade/buyers',
      user.cookie,
      { companyName: '某公司', country: 'CN', registrationNumber: '91350100M000100Y44', language: 'zh' },
      'zh',
    );
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors[0]).toMatchObject({ field: 'registrationNumber', code: 'uscc_check' });
    expect(res.json().errors[0].detail).toContain('校验码');
  });

  it('may not post a request before its registration is verified; FOB by air is refused', async () => {
    await seedCategories(t.database.db);
    const rice = await categoryIdBySlug(t.database.db, 'jasmine-rice');
    const user = await signedInUser(t.database.db);
    await call('POST', '/api/trade/buyers', user.cookie, {
      companyName: 'Unverified Co',
      country: 'CN',
      registrationNumber: '914403001922038216',
      language: 'en',
    });
    expect((await call('POST', '/api/trade/rfqs', user.cookie, rfq(rice))).json().code).toBe(
      'trade_buyer_not_verified',
    );
    const importer = await verifiedImporter();
    const air = await call('POST', '/api/trade/rfqs', importer.cookie, rfq(rice, { transportMode: 'air' }), 'th');
    expect(air.statusCode).toBe(422);
    expect(air.json().errors[0]).toMatchObject({ field: 'incoterm', code: 'incoterm_sea_only' });
    expect(air.json().errors[0].detail).toContain('FOB');
  });
});

describe('requests for quotation and quotes', () => {
  it('are seen only by matching shops and their own buyer; a shop never sees another shop’s quote', async () => {
    await seedCategories(t.database.db);
    const rice = await categoryIdBySlug(t.database.db, 'jasmine-rice');
    const importer = await verifiedImporter();
    const other = await verifiedImporter();
    const posted = (await call('POST', '/api/trade/rfqs', importer.cookie, rfq(rice))).json();
    const organicOnly = (
      await call('POST', '/api/trade/rfqs', importer.cookie, rfq(rice, { certifications: ['organic'] }))
    ).json();
    const a = await tradingShop(rice);
    const b = await tradingShop(rice);
    const outsider = await shopWithOwner(t.database.db); // trades in no category

    const seen = (await call('GET', `/api/sellers/${a.sellerId}/trade/rfqs`, a.cookie)).json().items;
    expect(seen.map((r: any) => r.id)).toEqual([posted.id]); // the organic request needs a verified organic mark
    expect((await call('GET', `/api/sellers/${outsider.sellerId}/trade/rfqs`, outsider.cookie)).json().items).toEqual(
      [],
    );
    const refused = await call(
      'POST',
      `/api/sellers/${outsider.sellerId}/trade/rfqs/${posted.id}/quotes`,
      outsider.cookie,
      quote(2_500_000),
    );
    expect(refused.statusCode).toBe(404);
    expect(
      (await call('POST', `/api/sellers/${a.sellerId}/trade/rfqs/${organicOnly.id}/quotes`, a.cookie, quote(2_000_000)))
        .statusCode,
    ).toBe(404);

    const qa = await call(
      'POST',
      `/api/sellers/${a.sellerId}/trade/rfqs/${posted.id}/quotes`,
      a.cookie,
      quote(2_500_000),
    );
    expect(qa.statusCode).toBe(201);
    await call('POST', `/api/sellers/${b.sellerId}/trade/rfqs/${posted.id}/quotes`, b.cookie, quote(2_400_000));
    // b cannot read or edit a's quote, and sees only its own.
    expect((await call('GET', `/api/sellers/${a.sellerId}/trade/quotes`, b.cookie)).statusCode).toBe(403);
    expect(
      (await call('PUT', `/api/sellers/${b.sellerId}/trade/quotes/${qa.json().id}`, b.cookie, quote(2_000_000)))
        .statusCode,
    ).toBe(404);
    const mine = (await call('GET', `/api/sellers/${b.sellerId}/trade/quotes`, b.cookie)).json().items;
    expect(mine.map((q: any) => q.sellerId)).toEqual([b.sellerId]);

    // Edited once, not twice.
    expect(
      (await call('PUT', `/api/sellers/${a.sellerId}/trade/quotes/${qa.json().id}`, a.cookie, quote(2_300_000)))
        .statusCode,
    ).toBe(200);
    expect(
      (await call('PUT', `/api/sellers/${a.sellerId}/trade/quotes/${qa.json().id}`, a.cookie, quote(2_200_000))).json()
        .code,
    ).toBe('quote_edited_once');

    // The buyer compares side by side, cheapest first, in its language; another buyer sees nothing.
    const compared = (await call('GET', `/api/trade/rfqs/${posted.id}/quotes`, importer.cookie)).json();
    expect(compared.language).toBe('zh');
    expect(compared.quotes.map((q: any) => q.unitPriceSatang)).toEqual([2_300_000, 2_400_000]);
    expect((await call('GET', `/api/trade/rfqs/${posted.id}/quotes`, other.cookie)).statusCode).toBe(404);
    expect((await call('GET', '/api/trade/rfqs', other.cookie)).json().items).toEqual([]);
  });

  it('closes after 10 quotes even when 12 shops quote at once', async () => {
    await seedCategories(t.database.db);
    const rice = await categoryIdBySlug(t.database.db, 'jasmine-rice');
    const importer = await verifiedImporter();
    const posted = (await call('POST', '/api/trade/rfqs', importer.cookie, rfq(rice))).json();
    const shops = [];
    for (let i = 0; i < 12; i++) shops.push(await tradingShop(rice));
    const answers = await Promise.all(
      shops.map((s, i) =>
        call('POST', `/api/sellers/${s.sellerId}/trade/rfqs/${posted.id}/quotes`, s.cookie, quote(2_000_000 + i)),
      ),
    );
    expect(answers.filter((r) => r.statusCode === 201)).toHaveLength(10);
    expect(answers.filter((r) => r.statusCode === 409).map((r) => r.json().code)).toEqual(['rfq_closed', 'rfq_closed']);
    const [mine] = (await call('GET', '/api/trade/rfqs', importer.cookie)).json().items;
    expect(mine).toMatchObject({ status: 'closed', closedReason: 'quotes', quoteCount: 10 });
  });
});
