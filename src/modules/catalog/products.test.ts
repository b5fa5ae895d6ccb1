import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { buildApp } from '../../app.ts';
import { createTestDatabase, testConfig } from '../../../test/db.ts';
import { queryRows, type Database } from '../../platform/db.ts';
import { seedCategories } from './service.ts';
import { approvedSeller, pendingSeller, sellerApiToken, type TestSeller } from '../sellers/testing.ts';
import { operatorSession } from '../identity/testing.ts';
import { categoryIdBySlug, jasmineRice } from './testing.ts';

let database: Database;
let app: FastifyInstance;
let rice: string;
let shopA: TestSeller;
let shopB: TestSeller;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildApp({ db: database.db, config: testConfig(), logger: false });
  await seedCategories(database.db);
  rice = await categoryIdBySlug(database.db, 'jasmine-rice');
  shopA = await approvedSeller(app);
  shopB = await approvedSeller(app);
});
afterAll(async () => {
  await app.close();
  await database.close();
});

const as = (shop: { cookie: string }, lang = 'th') => ({ cookie: shop.cookie, 'accept-language': lang });
const products = (shop: TestSeller) => `/api/sellers/${shop.sellerId}/products`;

async function create(shop: TestSeller, overrides: Record<string, unknown> = {}) {
  const res = await app.inject({
    method: 'POST',
    url: products(shop),
    headers: as(shop),
    payload: jasmineRice(rice, overrides),
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

describe('a seller creating products', () => {
  it('creates a draft product with its variants, the lowest price and an event for search', async () => {
    const product = await create(shopA);
    expect(product).toMatchObject({
      sellerId: shopA.sellerId,
      categoryId: rice,
      status: 'draft',
      hsCode: '100630',
      originProvinceCode: '45',
      title: { th: 'ข้าวหอมมะลิทุ่งกุลาร้องไห้', zh: '通库拉荣海茉莉香米', en: 'Thung Kula Rong Hai jasmine rice' },
      minPriceSatang: 12_000,
      missingLanguages: [],
    });
    expect(product.slug).toMatch(/^thung-kula-rong-hai-jasmine-rice-[0-9a-f]{8}$/);
    expect(product.variants.map((v: any) => [v.priceSatang, v.weightGrams, v.optionValues[0].zh])).toEqual([
      [12_000, 1000, '1 公斤'],
      [55_000, 5000, '5 公斤'],
    ]);
    const events = await queryRows<{ topic: string }>(
      database.db,
      sql`select topic from outbox where aggregate_id = ${product.id}`,
    );
    expect(events.map((e) => e.topic)).toEqual(['product.updated']);

    const read = await app.inject({ url: `${products(shopA)}/${product.id}`, headers: as(shopA) });
    expect(read.statusCode).toBe(200);
    expect(read.json().variants).toHaveLength(2);
  });

  it('reports the translations a product still lacks; blank ones count as missing', async () => {
    const product = await create(shopA, {
      title: { th: 'มะม่วงน้ำดอกไม้', en: 'Nam Dok Mai mango' },
      description: { th: 'หวาน หอม', zh: '  ', en: 'Sweet' },
    });
    expect(product.missingLanguages).toEqual(['zh']);
    expect(product.title).toEqual({ th: 'มะม่วงน้ำดอกไม้', zh: null, en: 'Nam Dok Mai mango' });
    const patched = await app.inject({
      method: 'PATCH',
      url: `${products(shopA)}/${product.id}`,
      headers: as(shopA),
      payload: {
        title: { th: 'มะม่วงน้ำดอกไม้', zh: '南多麦芒果', en: 'Nam Dok Mai mango' },
        description: { th: 'หวาน หอม', zh: '香甜' },
      },
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json().missingLanguages).toEqual(['en']);
  });

  it('names the fields that are wrong, in Thai by default and in Chinese when asked', async () => {
    const untitled = jasmineRice(rice, { title: { zh: '茉莉香米' } });
    const th = await app.inject({ method: 'POST', url: products(shopA), headers: as(shopA), payload: untitled });
    expect(th.statusCode).toBe(422);
    expect(th.json()).toMatchObject({ code: 'validation_failed', detail: 'ข้อมูลบางช่องไม่ถูกต้อง' });
    expect(th.json().errors).toEqual([{ field: 'title.th', code: 'required', detail: 'จำเป็นต้องกรอก' }]);

    const blankTitleBadBarcode = jasmineRice(rice, { title: { th: '  ', zh: '茉莉香米' } });
    blankTitleBadBarcode.variants[0].gtin = '8850999220001';
    const zh = await app.inject({
      method: 'POST',
      url: products(shopA),
      headers: as(shopA, 'zh-CN'),
      payload: blankTitleBadBarcode,
    });
    expect(zh.statusCode).toBe(422);
    expect(zh.json().detail).toBe('部分字段无效');
    expect(zh.json().errors).toEqual([
      { field: 'title.th', code: 'required', detail: '必填' },
      { field: 'variants.0.gtin', code: 'bad_check_digit', detail: '校验位不正确' },
    ]);
  });

  it('requires a shelf life for perishable goods and a real province', async () => {
    const res = await app.inject({
      method: 'POST',
      url: products(shopA),
      headers: as(shopA),
      payload: jasmineRice(rice, { perishable: true, originProvinceCode: '99' }),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.map((e: any) => e.field)).toEqual(['originProvinceCode']);
    const durian = await app.inject({
      method: 'POST',
      url: products(shopA),
      headers: as(shopA),
      payload: jasmineRice(rice, { perishable: true }),
    });
    expect(durian.statusCode).toBe(422);
    expect(durian.json().errors).toEqual([{ field: 'shelfLifeDays', code: 'required', detail: 'จำเป็นต้องกรอก' }]);
    const ok = await create(shopA, { perishable: true, shelfLifeDays: 7 });
    expect(ok.shelfLifeDays).toBe(7);
  });

  it('refuses a SKU the shop already uses with 409 naming the field, but another shop may use it', async () => {
    const first = await create(shopA);
    const sku = first.variants[1].sku;
    const again = jasmineRice(rice);
    again.variants[1].sku = sku;
    const clash = await app.inject({ method: 'POST', url: products(shopA), headers: as(shopA, 'en'), payload: again });
    expect(clash.statusCode).toBe(409);
    expect(clash.json()).toMatchObject({ code: 'sku_taken', errors: [{ field: 'variants.1.sku', code: 'taken' }] });

    const added = await app.inject({
      method: 'POST',
      url: `${products(shopA)}/${first.id}/variants`,
      headers: as(shopA),
      payload: { sku, optionValues: [{ th: '10 กก.' }], priceSatang: 100_000, weightGrams: 10_000 },
    });
    expect(added.statusCode).toBe(409);
    expect(added.json().errors).toEqual([{ field: 'sku', code: 'taken', detail: 'ถูกใช้แล้ว' }]);

    const elsewhere = await app.inject({ method: 'POST', url: products(shopB), headers: as(shopB), payload: again });
    expect(elsewhere.statusCode).toBe(201);
  });

  it('keeps the lowest active price as variants change', async () => {
    const product = await create(shopA);
    const url = `${products(shopA)}/${product.id}/variants`;
    const cheap = await app.inject({
      method: 'POST',
      url,
      headers: as(shopA),
      payload: { sku: `S-${product.id}`, optionValues: [{ th: '500 ก.' }], priceSatang: 6_500, weightGrams: 500 },
    });
    expect(cheap.statusCode).toBe(201);
    expect(cheap.json().minPriceSatang).toBe(6_500);
    const cheapId = cheap.json().variants.find((v: any) => v.priceSatang === 6_500).id;
    const off = await app.inject({
      method: 'PATCH',
      url: `${url}/${cheapId}`,
      headers: as(shopA),
      payload: { active: false },
    });
    expect(off.json().minPriceSatang).toBe(12_000);
    const gone = await app.inject({ method: 'DELETE', url: `${url}/${cheapId}`, headers: as(shopA) });
    expect(gone.statusCode).toBe(200);
    expect(gone.json().variants).toHaveLength(2);
  });

  it('asks for one value per option', async () => {
    const product = await create(shopA);
    const res = await app.inject({
      method: 'POST',
      url: `${products(shopA)}/${product.id}/variants`,
      headers: as(shopA),
      payload: { sku: `X-${product.id}`, optionValues: [], priceSatang: 100, weightGrams: 100 },
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([{ field: 'optionValues', code: 'too_short', detail: 'สั้นเกินไป (อย่างน้อย 1)' }]);
  });
});

describe('publishing', () => {
  it('lets an approved shop publish a product that has an active variant, and keeps one active', async () => {
    const product = await create(shopA);
    const status = `${products(shopA)}/${product.id}/status`;
    const published = await app.inject({
      method: 'PUT',
      url: status,
      headers: as(shopA),
      payload: { status: 'active' },
    });
    expect(published.statusCode).toBe(200);
    expect(published.json()).toMatchObject({ status: 'active' });
    expect(published.json().publishedAt).not.toBeNull();

    const [one, two] = published.json().variants;
    const variant = (id: string) => `${products(shopA)}/${product.id}/variants/${id}`;
    expect(
      (await app.inject({ method: 'PATCH', url: variant(one.id), headers: as(shopA), payload: { active: false } }))
        .statusCode,
    ).toBe(200);
    const last = await app.inject({
      method: 'PATCH',
      url: variant(two.id),
      headers: as(shopA, 'en'),
      payload: { active: false },
    });
    expect(last.statusCode).toBe(409);
    expect(last.json()).toMatchObject({
      code: 'product_needs_active_variant',
      detail: 'A product on sale needs at least one active variant',
    });

    const deleted = await app.inject({ method: 'DELETE', url: variant(one.id), headers: as(shopA) });
    expect(deleted.statusCode).toBe(409);
    expect(deleted.json().code).toBe('variant_was_on_sale');

    const archived = await app.inject({
      method: 'PUT',
      url: status,
      headers: as(shopA),
      payload: { status: 'archived' },
    });
    expect(archived.json().status).toBe('archived');
  });

  it('refuses to publish a product without active variants', async () => {
    const product = await create(shopA, { variants: [] });
    expect(product.minPriceSatang).toBeNull();
    const res = await app.inject({
      method: 'PUT',
      url: `${products(shopA)}/${product.id}/status`,
      headers: as(shopA),
      payload: { status: 'active' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('product_needs_active_variant');
  });

  it('lets a shop awaiting approval prepare drafts but not publish them', async () => {
    const pending = await pendingSeller(app);
    const product = await create(pending);
    const res = await app.inject({
      method: 'PUT',
      url: `${products(pending)}/${product.id}/status`,
      headers: as(pending),
      payload: { status: 'active' },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('seller_not_approved');
  });
});

describe("another shop's products", () => {
  it('are out of reach: 403 through the other shop, 404 through its own', async () => {
    const product = await create(shopA);
    const variantId = product.variants[0].id;
    const theirs = `${products(shopA)}/${product.id}`;
    const mine = `${products(shopB)}/${product.id}`;
    const attempts = [
      { method: 'GET', url: theirs },
      { method: 'GET', url: products(shopA) },
      { method: 'PATCH', url: theirs, payload: { title: { th: 'ของฉัน' } } },
      { method: 'PUT', url: `${theirs}/status`, payload: { status: 'archived' } },
      { method: 'PATCH', url: `${theirs}/variants/${variantId}`, payload: { priceSatang: 1 } },
      { method: 'DELETE', url: `${theirs}/variants/${variantId}` },
    ] as const;
    for (const a of attempts) {
      const res = await app.inject({ ...a, headers: as(shopB) });
      expect(res.statusCode, `${a.method} ${a.url}`).toBe(403);
    }
    for (const a of attempts.filter((x) => x.url !== products(shopA))) {
      const res = await app.inject({
        ...a,
        url: a.url.replace(products(shopA), mine.replace(`/${product.id}`, '')),
        headers: as(shopB),
      });
      expect(res.statusCode, `${a.method} ${a.url} via own shop`).toBe(404);
    }
    const unchanged = await app.inject({ url: theirs, headers: as(shopA) });
    expect(unchanged.json()).toMatchObject({ status: 'draft', title: { th: 'ข้าวหอมมะลิทุ่งกุลาร้องไห้' } });
    expect(unchanged.json().variants[0].priceSatang).toBe(12_000);
  });

  it('may be read by an operator, who cannot change them', async () => {
    const product = await create(shopA);
    const operator = await operatorSession(app);
    const url = `${products(shopA)}/${product.id}`;
    expect((await app.inject({ url, headers: as(operator) })).statusCode).toBe(200);
    const res = await app.inject({
      method: 'PATCH',
      url,
      headers: as(operator),
      payload: { title: { th: 'แก้โดยผู้ดูแล' } },
    });
    expect(res.statusCode).toBe(403);
  });

  it("are out of reach of the other shop's API token, which manages its own shop's products", async () => {
    const token = await sellerApiToken(app, shopB);
    const mine = await app.inject({
      method: 'POST',
      url: products(shopB),
      headers: { authorization: token },
      payload: jasmineRice(rice),
    });
    expect(mine.statusCode).toBe(201);
    const theirs = await app.inject({
      method: 'POST',
      url: products(shopA),
      headers: { authorization: token },
      payload: jasmineRice(rice),
    });
    expect(theirs.statusCode).toBe(403);
  });

  it('are not reachable by guests', async () => {
    const res = await app.inject({ url: products(shopA) });
    expect(res.statusCode).toBe(401);
  });
});
