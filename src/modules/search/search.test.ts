import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/db.ts';
import { createMediaStorage } from '../../platform/storage.ts';
import { reindex } from './service.ts';
import { loadRelevanceCatalog } from './relevance/testing.ts';

const t = useTestApp();
beforeAll(async () => {
  await loadRelevanceCatalog(t.database.db, createMediaStorage(t.config));
  await reindex(t.database.db);
});

const search = async (query: Record<string, string | string[]>, headers: Record<string, string> = {}) => {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) for (const one of [v].flat()) params.append(k, one);
  return t.app.inject({ method: 'GET', url: `/api/search?${params}`, headers });
};
const slugs = (res: { json(): { items: { slug: string }[] } }) => res.json().items.map((i) => i.slug);

describe('GET /api/search', () => {
  it('finds a product written only in Thai from a Chinese query, titles in the asked language with a Thai fallback', async () => {
    const res = await search({ q: '榴莲', lang: 'zh' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(
      body.items
        .map((i: { slug: string }) => i.slug)
        .slice(0, 3)
        .sort(),
    ).toEqual(['chanee-3kg', 'kanyao-nonthaburi', 'monthong-5kg']);
    const monthong = body.items.find((i: { slug: string }) => i.slug === 'monthong-5kg');
    expect(monthong).toMatchObject({
      title: '尖竹汶金枕头榴莲 5公斤',
      titleLang: 'zh',
      priceSatang: 99_500,
      currency: 'THB',
      inStock: true,
    });
    expect(monthong.originProvince).toEqual({ code: '22', name: '尖竹汶' });
    expect(body.items.find((i: { slug: string }) => i.slug === 'chanee-3kg')).toMatchObject({
      title: 'ทุเรียนชะนี 3 กก.',
      titleLang: 'th',
      inStock: false,
    });
  });

  it('ranks title over attributes over description, then products in stock first, the same way every time', async () => {
    const first = slugs(await search({ q: 'ทุเรียน' }));
    // The three durians (title and category) before the durian chips (title only); the one out of
    // stock after the two in stock.
    expect(first.slice(0, 2).sort()).toEqual(['kanyao-nonthaburi', 'monthong-5kg']);
    expect(first.slice(2)).toEqual(['chanee-3kg', 'durian-chips']);
    expect(slugs(await search({ q: 'ทุเรียน' }))).toEqual(first);
  });

  it('puts the exact phrase before the same words scattered', async () => {
    // "ข้าวเหนียว" is sticky rice, and also inside the sticky-rice basket's title (กระติบข้าวเหนียว).
    expect(slugs(await search({ q: 'ข้าวเหนียว' }))[0]).toBe('sticky-rice-2kg');
    expect(slugs(await search({ q: 'ทุเรียนหมอนทอง' }))[0]).toBe('monthong-5kg');
  });

  it('says which spelling it searched for, and when only some of the words were found', async () => {
    const fixed = (await search({ q: 'ทูเรียน' })).json();
    expect(fixed.correctedQuery).toBe('ทุเรียน');
    expect(fixed.total).toBeGreaterThanOrEqual(3);
    const partly = (await search({ q: 'ทุเรียน ตู้เย็น ' })).json();
    expect(partly.matchedAllWords).toBe(false);
    expect(partly.items[0].slug).toMatch(/chanee|kanyao|monthong|durian/);
    expect((await search({ q: 'ตู้เย็น' })).json()).toMatchObject({ total: 0, items: [], correctedQuery: null });
  });

  it('counts facets for the query, each facet under the other filters', async () => {
    // Tea is in "กาแฟและชา" (coffee and tea) too, so the three coffees come first among six.
    expect(
      slugs(await search({ q: 'กาแฟ' }))
        .slice(0, 3)
        .sort(),
    ).toEqual(['arabica-drip', 'chumphon-robusta', 'nan-arabica']);
    const all = (await search({ q: 'กาแฟ', category: 'coffee', lang: 'en' })).json();
    expect(all.total).toBe(3);
    expect(all.facets.provinces).toEqual([
      { value: '55', label: 'Nan', count: 2, selected: false },
      { value: '86', label: 'Chumphon', count: 1, selected: false },
    ]);
    expect(all.facets.sellerTypes).toEqual([{ value: 'cooperative', label: 'Cooperative', count: 3, selected: false }]);
    expect(
      all.facets.categories.map((c: { slug: string; count: number; depth: number; selected: boolean }) => [
        c.slug,
        c.count,
        c.depth,
        c.selected,
      ]),
    ).toEqual([
      ['coffee-tea', 3, 0, false],
      ['coffee', 3, 1, true],
    ]);
    expect(all.facets.inStock).toEqual({ count: 3, selected: false });

    const nan = (await search({ q: 'กาแฟ', category: 'coffee', province: '55', lang: 'en' })).json();
    expect(nan.total).toBe(2);
    // Chumphon is still offered with its count, so the buyer can switch.
    expect(nan.facets.provinces).toEqual([
      { value: '55', label: 'Nan', count: 2, selected: true },
      { value: '86', label: 'Chumphon', count: 1, selected: false },
    ]);
    expect(nan.facets.categories.find((c: { slug: string }) => c.slug === 'coffee').count).toBe(2);
  });

  it('filters by category (with its sub-categories), price range, stock and shop type', async () => {
    expect(
      (await search({ q: 'ทุเรียน', category: 'fresh-fruit' })).json().items.map((i: { slug: string }) => i.slug),
    ).not.toContain('durian-chips');
    const cheap = (await search({ q: 'ทุเรียน', minPriceSatang: '10000', maxPriceSatang: '29999' })).json();
    expect(cheap.items.map((i: { slug: string }) => i.slug)).toEqual(['durian-chips']);
    expect(cheap.facets.priceRanges.filter((r: { selected: boolean }) => r.selected)).toEqual([
      { minSatang: 10_000, maxSatang: 29_999, count: 1, selected: true },
    ]);
    expect(cheap.facets.priceRanges.length).toBeGreaterThan(1);
    const inStock = (await search({ q: 'ทุเรียน', inStock: 'true' })).json();
    expect(inStock.items.map((i: { slug: string }) => i.slug)).not.toContain('chanee-3kg');
    expect(inStock.facets.inStock.selected).toBe(true);
    const otop = (await search({ q: 'ผ้า', sellerType: 'otop_producer' })).json();
    expect(otop.total).toBeGreaterThan(0);
    expect(otop.items.every((i: { shop: { slug: string } }) => i.shop.slug === otop.items[0].shop.slug)).toBe(true);
  });

  it('sorts by price, newest and best-selling, and pages without repeating a product', async () => {
    const asc = (await search({ q: 'ข้าว', sort: 'price_asc' }))
      .json()
      .items.map((i: { priceSatang: number }) => i.priceSatang);
    expect(asc).toEqual([...asc].sort((a, b) => a - b));
    const desc = (await search({ q: 'ข้าว', sort: 'price_desc' }))
      .json()
      .items.map((i: { priceSatang: number }) => i.priceSatang);
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    expect((await search({ q: 'ข้าว', sort: 'newest' })).statusCode).toBe(200);
    expect((await search({ q: 'ข้าว', sort: 'best_selling' })).statusCode).toBe(200);
    const page1 = (await search({ q: 'ข้าว', perPage: '2' })).json();
    const page2 = (await search({ q: 'ข้าว', perPage: '2', page: '2' })).json();
    expect(page1.total).toBe(page2.total);
    expect(page1.items).toHaveLength(2);
    expect(page2.items.map((i: { id: string }) => i.id)).not.toContain(page1.items[0].id);
  });

  it('browses without words, newest first', async () => {
    const body = (await search({ category: 'durian' })).json();
    expect(body).toMatchObject({ sort: 'newest', total: 3 });
  });

  it("answers bad parameters with problem+json in the buyer's language", async () => {
    const sort = await search({ q: 'ทุเรียน', sort: 'cheapest' });
    expect(sort.statusCode).toBe(422);
    expect(sort.headers['content-type']).toContain('application/problem+json');
    expect(sort.json()).toMatchObject({ code: 'validation_failed', detail: 'ข้อมูลบางช่องไม่ถูกต้อง' });
    expect(sort.json().errors[0]).toMatchObject({ field: 'sort', code: 'not_allowed' });

    const prices = await search({ q: 'ทุเรียน', minPriceSatang: '50000', maxPriceSatang: '100', lang: 'zh' });
    expect(prices.statusCode).toBe(422);
    expect(prices.json().detail).toBe('部分字段无效');
    expect(prices.json().errors).toEqual([
      { field: 'maxPriceSatang', code: 'below_min_price', detail: '不能低于最低价格（50000 萨当）' },
    ]);

    const category = await search({ q: 'ทุเรียน', category: 'no-such-thing' }, { 'accept-language': 'en' });
    expect(category.json().errors).toEqual([
      { field: 'category', code: 'unknown_category', detail: 'is not a known category' },
    ]);
    expect((await search({ q: 'x', perPage: '1000' })).statusCode).toBe(422);
    expect((await search({ q: 'x', page: '300', perPage: '100' })).json().errors[0]).toMatchObject({
      field: 'page',
      code: 'page_too_deep',
    });
  });

  it('is documented in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs/json' })).json();
    const params = doc.paths['/api/search'].get.parameters.map((p: { name: string }) => p.name);
    expect(params).toEqual(
      expect.arrayContaining([
        'q',
        'lang',
        'category',
        'province',
        'sellerType',
        'certification',
        'minPriceSatang',
        'maxPriceSatang',
        'inStock',
        'sort',
        'page',
        'perPage',
      ]),
    );
    expect(doc.paths['/api/search/suggest'].get).toBeDefined();
  });
});

describe('GET /api/search/suggest', () => {
  const suggest = (q: string, lang = 'th') =>
    t.app.inject({ method: 'GET', url: `/api/search/suggest?q=${encodeURIComponent(q)}&lang=${lang}` });

  it('suggests categories, products and shops as the buyer types, at most eight', async () => {
    const res = await suggest('ทุเรีย');
    expect(res.statusCode).toBe(200);
    const list = res.json().suggestions;
    expect(list.length).toBeLessThanOrEqual(8);
    expect(list[0]).toMatchObject({ kind: 'category', text: 'ทุเรียน', slug: 'durian' });
    expect(list.filter((s: { kind: string }) => s.kind === 'product').map((s: { text: string }) => s.text)).toContain(
      'ทุเรียนหมอนทองจันทบุรี 5 กก.',
    );
    expect(list.some((s: { kind: string; text: string }) => s.kind === 'shop' && s.text === 'สวนทุเรียนลุงชาย')).toBe(
      true,
    );
  });

  it('understands half a Chinese word and answers in Chinese', async () => {
    const list = (await suggest('榴', 'zh')).json().suggestions;
    expect(list[0]).toMatchObject({ kind: 'category', text: '榴莲' });
    expect(list.map((s: { text: string }) => s.text)).toContain('尖竹汶金枕头榴莲 5公斤');
  });

  it('needs something typed', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/search/suggest' })).statusCode).toBe(422);
  });
});
