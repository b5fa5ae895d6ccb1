import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { eq } from 'drizzle-orm';
import { buildApp } from '../../app.ts';
import { createTestDatabase, testConfig } from '../../../test/db.ts';
import type { Database } from '../../platform/db.ts';
import { approvedSeller, type TestSeller } from '../sellers/testing.ts';
import { sellers } from '../sellers/testing.ts';
import { categories } from './schema.ts';
import { seedCategories } from './service.ts';
import { categoryIdBySlug, jasmineRice, productOnSale } from './testing.ts';

let database: Database;
let app: FastifyInstance;
let shopA: TestSeller;
let shopB: TestSeller;
const ids: Record<string, string> = {};

const variant = (sku: string, priceSatang: number) => [
  { sku, optionValues: [{ th: 'ชิ้น' }], priceSatang, weightGrams: 500 },
];

beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildApp({ db: database.db, config: testConfig(), logger: false });
  await seedCategories(database.db);
  const category = (slug: string) => categoryIdBySlug(database.db, slug);
  shopA = await approvedSeller(app);
  shopB = await approvedSeller(app);
  const suspended = await approvedSeller(app);

  ids.rice = (await productOnSale(app, shopA, await category('jasmine-rice'))).productId; // 120 THB, province 45
  ids.durian = (
    await productOnSale(app, shopA, await category('durian'), {
      title: { th: 'ทุเรียนหมอนทองเขาบรรทัด', en: 'Khao Banthat Monthong durian' },
      description: { th: 'ทุเรียนจากตราด' },
      originProvinceCode: '23',
      perishable: true,
      shelfLifeDays: 5,
      optionNames: [{ th: 'ขนาด' }],
      variants: variant('DURIAN-1', 150_000),
    })
  ).productId;
  ids.coffee = (
    await productOnSale(app, shopB, await category('coffee'), {
      title: { th: 'กาแฟดอยตุง', zh: '东通山咖啡' },
      originProvinceCode: '57',
      optionNames: [{ th: 'ขนาด' }],
      variants: variant('COFFEE-250', 35_000),
    })
  ).productId;
  ids.riceberry = (
    await productOnSale(app, shopB, await category('riceberry'), {
      title: { th: 'ข้าวไรซ์เบอร์รี่' },
      optionNames: [{ th: 'ขนาด' }],
      variants: variant('RB-1', 9_000),
    })
  ).productId;
  ids.hidden = (await productOnSale(app, suspended, await category('jasmine-rice'))).productId;
  await database.db.update(sellers).set({ status: 'suspended' }).where(eq(sellers.id, suspended.sellerId));

  const draft = await app.inject({
    method: 'POST',
    url: `/api/sellers/${shopA.sellerId}/products`,
    headers: { cookie: shopA.cookie },
    payload: jasmineRice(await category('mango')),
  });
  ids.draft = draft.json().id;
  ids.archived = (await productOnSale(app, shopA, await category('mango'))).productId;
  await app.inject({
    method: 'PUT',
    url: `/api/sellers/${shopA.sellerId}/products/${ids.archived}/status`,
    headers: { cookie: shopA.cookie },
    payload: { status: 'archived' },
  });
});
afterAll(async () => {
  await app.close();
  await database.close();
});

async function list(query: string, lang = 'th') {
  const res = await app.inject({ url: `/api/products?${query}`, headers: { 'accept-language': lang } });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const idsOf = (page: { items: { id: string }[] }) => page.items.map((i) => i.id);

describe('the public product list', () => {
  it('shows only active products of approved shops, newest first', async () => {
    const page = await list('');
    expect(page.total).toBe(4);
    expect(idsOf(page)).toEqual([ids.riceberry, ids.coffee, ids.durian, ids.rice]);
    expect(page.items[3]).toMatchObject({
      minPriceSatang: 12_000,
      currency: 'THB',
      originProvinceCode: '45',
      shop: { id: shopA.sellerId, slug: shopA.slug, shopName: 'กาแฟดอยทดสอบ' },
    });
    expect(page.items[3]).not.toHaveProperty('stock');
  });

  it('filters by category with its sub-categories, by shop, by province and by price', async () => {
    expect(new Set(idsOf(await list('category=rice')))).toEqual(new Set([ids.rice, ids.riceberry]));
    expect(idsOf(await list('category=riceberry'))).toEqual([ids.riceberry]);
    const fruit = await categoryIdBySlug(database.db, 'fresh-fruit');
    expect(idsOf(await list(`category=${fruit}`))).toEqual([ids.durian]);
    expect(idsOf(await list(`seller=${shopB.slug}`))).toEqual([ids.riceberry, ids.coffee]);
    expect(idsOf(await list(`seller=${shopA.sellerId}&province=23`))).toEqual([ids.durian]);
    expect(idsOf(await list('province=45&sort=price_asc'))).toEqual([ids.riceberry, ids.rice]);
    expect(idsOf(await list('minPriceSatang=10000&maxPriceSatang=35000&sort=price_desc'))).toEqual([
      ids.coffee,
      ids.rice,
    ]);
    expect((await list('category=no-such-category')).total).toBe(0);
  });

  it('sorts by price and pages through the results', async () => {
    expect(idsOf(await list('sort=price_desc'))).toEqual([ids.durian, ids.coffee, ids.rice, ids.riceberry]);
    const second = await list('sort=price_asc&perPage=3&page=2');
    expect(second).toMatchObject({ page: 2, perPage: 3, total: 4 });
    expect(idsOf(second)).toEqual([ids.durian]);
    const bad = await app.inject({ url: '/api/products?perPage=500&sort=cheapest' });
    expect(bad.statusCode).toBe(422);
    expect(
      bad
        .json()
        .errors.map((e: any) => e.field)
        .sort(),
    ).toEqual(['perPage', 'sort']);
  });

  it('gives each title in the asked language, falling back to Thai, with all three beside it', async () => {
    const zh = await list('sort=price_asc', 'zh-CN,zh;q=0.9');
    const byId = new Map(zh.items.map((i: any) => [i.id, i]));
    expect(byId.get(ids.rice)).toMatchObject({ title: '通库拉荣海茉莉香米', titleLang: 'zh' });
    expect(byId.get(ids.durian)).toMatchObject({
      title: 'ทุเรียนหมอนทองเขาบรรทัด',
      titleLang: 'th',
      titleI18n: { th: 'ทุเรียนหมอนทองเขาบรรทัด', zh: null, en: 'Khao Banthat Monthong durian' },
    });
    expect(byId.get(ids.rice)).toMatchObject({ shop: { shopName: '测试山咖啡' } });
    const en = await list('sort=price_asc', 'en');
    expect(en.items.find((i: any) => i.id === ids.durian).title).toBe('Khao Banthat Monthong durian');
  });
});

describe('one public product', () => {
  it('comes with its variants, category path, origin and shop, in the asked language', async () => {
    const res = await app.inject({ url: `/api/products/${ids.rice}`, headers: { 'accept-language': 'zh' } });
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({
      title: '通库拉荣海茉莉香米',
      description: '新米，产自通库拉荣海',
      options: [{ name: '重量' }],
      originProvince: { code: '45', name: '黎逸' },
      shop: { slug: shopA.slug },
      hsCode: '100630',
    });
    expect(p.categoryPath.map((c: any) => [c.slug, c.name])).toEqual([
      ['rice', '大米'],
      ['jasmine-rice', '泰国茉莉香米'],
    ]);
    expect(p.variants.map((v: any) => [v.optionValues[0], v.priceSatang])).toEqual([
      ['1 公斤', 12_000],
      ['5 公斤', 55_000],
    ]);

    const bySlug = await app.inject({ url: `/api/products/by-slug/${shopA.slug}/${p.slug}` });
    expect(bySlug.statusCode).toBe(200);
    expect(bySlug.json()).toMatchObject({ id: ids.rice, title: 'ข้าวหอมมะลิทุ่งกุลาร้องไห้' });
  });

  it('is not found while a draft, once archived, or when its shop is not approved', async () => {
    for (const id of [ids.draft, ids.archived, ids.hidden, 'not-an-id']) {
      const res = await app.inject({ url: `/api/products/${id}` });
      expect(res.statusCode, id).toBe(404);
      expect(res.json().detail).toBe('ไม่พบข้อมูลที่ต้องการ');
    }
  });
});

describe('categories', () => {
  it('come as a tree with names in the asked language', async () => {
    const res = await app.inject({ url: '/api/categories', headers: { 'accept-language': 'zh' } });
    expect(res.statusCode).toBe(200);
    const tree = res.json();
    const rice = tree.find((c: any) => c.slug === 'rice');
    expect(rice).toMatchObject({ name: '大米', nameI18n: { th: 'ข้าว', zh: '大米', en: 'Rice' } });
    expect(rice.children.map((c: any) => c.slug)).toEqual(
      expect.arrayContaining(['jasmine-rice', 'riceberry', 'sticky-rice', 'organic-rice']),
    );
    expect(tree.map((c: any) => c.slug)).toEqual(
      expect.arrayContaining(['fresh-fruit', 'coffee-tea', 'silk-textiles', 'handicrafts', 'otop-souvenirs']),
    );
  });

  it('can be seeded again without duplicates or new ids', async () => {
    const before = await database.db.select().from(categories);
    await seedCategories(database.db);
    const after = await database.db.select().from(categories);
    expect(after).toHaveLength(before.length);
    expect(new Map(after.map((c) => [c.slug, c.id]))).toEqual(new Map(before.map((c) => [c.slug, c.id])));
  });
});
