import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import type { Database } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import type { SearchDocument } from './engine.ts';
import { postgresSearchEngine as engine } from './pg-engine.ts';

// The engine on its own, with documents that differ only in the signals ranked after relevance.
let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.close();
});

function doc(name: string, signals: Partial<SearchDocument>): SearchDocument {
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
    publishedAt: new Date('2026-01-01'),
    fields: { title: ['ข้าวหอมมะลิทดสอบอันดับ'], attributes: [], description: [] },
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
