import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import type { Database } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import type { SearchDocument } from './engine.ts';
import { memorySearchEngine } from './memory-engine.ts';
import { postgresSearchEngine as engine } from './pg-engine.ts';
import { NEUTRAL_RATING_SCORE, ratingScore } from './rating.ts';

// The engine on its own, with documents that differ only in the signals ranked after relevance.
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

function doc(name: string, signals: Partial<SearchDocument>, title = 'ข้าวหอมมะลิทดสอบอันดับ'): SearchDocument {
  const id = newId();
  const seller = newId();
  return {
    productId: id,
    sellerId: seller,
    categoryIds: [newId()],
    variantIds: [newId()],
    provinceCode: '45',
    sellerType: 'cooperative',
    sellerTier: 1,
    certifications: [],
    priceSatang: 10_000,
    inStock: true,
    salesCount: 0,
    ratingScore: NEUTRAL_RATING_SCORE,
    publishedAt: new Date('2026-01-01'),
    fields: { title: [title], attributes: [], description: [] },
    card: {
      slug: name,
      title: { th: name, zh: null, en: null },
      categoryId: newId(),
      originProvinceCode: '45',
      thumbKey: null,
      shop: { id: seller, slug: name, name: { th: name, zh: null, en: null }, isFlagship: false, provinceCode: '45' },
    },
    shop: { id: seller, slug: name, name: { th: name, zh: null, en: null } },
    ...signals,
  };
}

const query = (extra: Partial<Parameters<typeof engine.query>[1]> = {}) =>
  engine.query(database.db, {
    text: 'ข้าวหอมมะลิทดสอบอันดับ',
    filters: {},
    sort: 'relevance',
    page: 1,
    perPage: 10,
    facets: true,
    ...extra,
  });

describe('ranking after relevance', () => {
  it('in stock, then flagship over verified shops, then certificates, then units sold; ties by id', async () => {
    const docs = [
      doc('sold-out-flagship', { inStock: false, sellerTier: 2, salesCount: 900 }),
      doc('plain', {}),
      doc('best-seller', { salesCount: 40 }),
      doc('certified', { certifications: ['gi', 'organic'], salesCount: 1 }),
      doc('flagship', { sellerTier: 2 }),
    ];
    await engine.index(database.db, docs);
    const order = (await query()).hits.map((h) => h.card.slug);
    expect(order).toEqual(['flagship', 'certified', 'best-seller', 'plain', 'sold-out-flagship']);
    const twins = [doc('twin', {}), doc('twin', {})].sort((a, b) => (a.productId < b.productId ? -1 : 1));
    await engine.index(database.db, twins);
    const ids = (await query()).hits.filter((h) => h.card.slug === 'twin').map((h) => h.productId);
    expect(ids).toEqual(twins.map((d) => d.productId));
  });

  it('counts and filters certification marks (ready for the standards module)', async () => {
    const result = await query({ filters: { certifications: ['gi'] } });
    expect(result.hits.map((h) => h.card.slug)).toEqual(['certified']);
    expect(result.facets?.certifications.sort((a, b) => a.value.localeCompare(b.value))).toEqual([
      { value: 'gi', count: 1 },
      { value: 'organic', count: 1 },
    ]);
  });

  it('forgets removed products', async () => {
    const before = await query();
    await engine.remove(database.db, [before.hits[0].productId]);
    expect((await query()).total).toBe(before.total - 1);
  });
});

describe('ratings in ranking', () => {
  const stars = (count: number, average: number) => ({ count, sum: Math.round(count * average) });
  const TEXT = 'มะม่วงทดสอบรีวิว';
  const rated = (name: string, product: { count: number; sum: number } | undefined, salesCount = 0) =>
    doc(name, { salesCount, ratingScore: ratingScore(product, product) }, TEXT);

  it('is a Bayesian average: few reviews move it little, many good ones a lot; the shop is the prior', () => {
    expect(ratingScore(undefined, undefined)).toBe(35);
    expect(ratingScore(stars(1, 5), stars(1, 5))).toBe(36); // one perfect review: 3.6, not 5
    expect(ratingScore(stars(40, 4.6), stars(40, 4.6))).toBe(44);
    expect(ratingScore(stars(20, 2), stars(20, 2))).toBe(25);
    // A product nobody has reviewed yet, in a shop whose other products have 60 reviews averaging 4.5.
    expect(ratingScore(undefined, stars(60, 4.5))).toBe(42);
    // Its sibling's three 5-star reviews give it a little, not as much as they give the sibling.
    expect(ratingScore(undefined, stars(3, 5))).toBe(36);
    expect(ratingScore(stars(3, 5), stars(3, 5))).toBe(38);
  });

  it('ranks the better rated higher in both engines, the same way, without over-rewarding one review', async () => {
    const docs = [
      rated('one-perfect-review', stars(1, 5)),
      rated('unreviewed-best-seller', undefined, 500),
      rated('poorly-rated-best-seller', stars(20, 2), 900),
      rated('many-good-reviews', stars(40, 4.6)),
      rated('three-perfect-reviews', stars(3, 5)),
    ];
    await engine.index(database.db, docs);
    const expected = [
      'many-good-reviews',
      'three-perfect-reviews', // 3.8 stars: rounds to 4, above the unreviewed
      'unreviewed-best-seller', // 3.5 stars and 500 sold: one 5-star review (3.6) does not leap over it
      'one-perfect-review',
      'poorly-rated-best-seller', // 900 sold, but 20 reviews averaging 2 stars
    ];
    for (const e of [engine, memorySearchEngine]) {
      const result = await e.query(database.db, {
        text: TEXT,
        filters: {},
        sort: 'relevance',
        page: 1,
        perPage: 10,
        facets: false,
      });
      expect(result.hits.map((h) => h.card.slug)).toEqual(expected);
    }
    // A better rating (the reviews module's event sets the score) lifts a product at once.
    const lifted = docs.find((d) => d.card.slug === 'one-perfect-review')!;
    await engine.updateSignals(database.db, [
      { productId: lifted.productId, ratingScore: ratingScore(stars(30, 4.9), stars(30, 4.9)) },
    ]);
    for (const e of [engine, memorySearchEngine]) {
      const result = await e.query(database.db, {
        text: TEXT,
        filters: {},
        sort: 'relevance',
        page: 1,
        perPage: 10,
        facets: false,
      });
      expect(result.hits[0].card.slug).toBe('one-perfect-review');
    }
  });

  it('keeps ties in id order in both engines', async () => {
    const twins = [
      rated('rated-twin', stars(5, 4)),
      rated('rated-twin', stars(5, 4)),
      rated('rated-twin', stars(5, 4)),
    ];
    await engine.index(database.db, twins);
    const ids = twins.map((d) => d.productId).sort();
    for (const e of [engine, memorySearchEngine]) {
      const result = await e.query(database.db, {
        text: TEXT,
        filters: {},
        sort: 'relevance',
        page: 1,
        perPage: 20,
        facets: false,
      });
      expect(result.hits.filter((h) => h.card.slug === 'rated-twin').map((h) => h.productId)).toEqual(ids);
    }
  });
});
