import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/db.ts';
import type { Database } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import { shopWithOwner } from './testing.ts';
import { getVariantsForSale } from './service.ts';
import { categories, productVariants, products } from './schema.ts';

let database: Database;
beforeAll(async () => { database = await createTestDatabase(); });
afterAll(async () => { await database.close(); });

async function productWithVariant(sellerId: string, status: 'draft' | 'active', variantActive = true) {
  const db = database.db;
  const categoryId = newId();
  await db.insert(categories).values({ id: categoryId, slug: `c-${categoryId}`, nameTh: 'ข้าว' });
  const productId = newId();
  await db.insert(products).values({
    id: productId, sellerId, categoryId, slug: `p-${productId}`, titleTh: 'ข้าวหอมมะลิ', titleEn: 'Jasmine rice',
    originProvinceCode: '45', status, hsCode: '100630',
  });
  const variantId = newId();
  await db.insert(productVariants).values({
    id: variantId, sellerId, productId, sku: `SKU-${variantId}`, priceSatang: 25_000, weightGrams: 1000,
    optionValues: [{ th: '1 กก.', en: '1 kg' }], active: variantActive,
  });
  return { productId, variantId };
}

describe('getVariantsForSale', () => {
  it('tells checkout which variants can be sold, with price, weight and title', async () => {
    const shop = await shopWithOwner(database.db);
    const live = await productWithVariant(shop.sellerId, 'active');
    const draft = await productWithVariant(shop.sellerId, 'draft');
    const off = await productWithVariant(shop.sellerId, 'active', false);
    const pending = await shopWithOwner(database.db, { status: 'pending' });
    const unapproved = await productWithVariant(pending.sellerId, 'active');

    const found = await getVariantsForSale(database.db, [live.variantId, draft.variantId, off.variantId, unapproved.variantId, newId(), 'not-a-uuid']);
    const byId = new Map(found.map((v) => [v.variantId, v]));
    expect(found).toHaveLength(4);
    expect(byId.get(live.variantId)).toEqual({
      variantId: live.variantId, productId: live.productId, sellerId: shop.sellerId, sku: `SKU-${live.variantId}`,
      priceSatang: 25_000, weightGrams: 1000, optionValues: [{ th: '1 กก.', zh: null, en: '1 kg' }],
      title: { th: 'ข้าวหอมมะลิ', zh: null, en: 'Jasmine rice' }, hsCode: '100630', originProvinceCode: '45', perishable: false,
      saleable: true,
    });
    expect(byId.get(draft.variantId)!.saleable).toBe(false);
    expect(byId.get(off.variantId)!.saleable).toBe(false);
    expect(byId.get(unapproved.variantId)!.saleable).toBe(false);
  });
});
