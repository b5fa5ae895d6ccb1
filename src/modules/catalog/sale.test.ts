import { beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { useTestApp } from '../../../test/db.ts';
import { newId } from '../../platform/ids.ts';
import { approvedSeller } from '../sellers/testing.ts';
import { sellers } from '../sellers/testing.ts';
import { getVariantsForSale, seedCategories } from './service.ts';
import { categoryIdBySlug, jasmineRice, productOnSale } from './testing.ts';

const t = useTestApp();
let rice: string;
beforeAll(async () => {
  await seedCategories(t.database.db);
  rice = await categoryIdBySlug(t.database.db, 'jasmine-rice');
});

describe('getVariantsForSale', () => {
  it('tells checkout which variants can be sold, with price, weight, options and title', async () => {
    const shop = await approvedSeller(t.app);
    const live = await productOnSale(t.app, shop, rice);
    const draft = await t.app.inject({
      method: 'POST',
      url: `/api/sellers/${shop.sellerId}/products`,
      headers: { cookie: shop.cookie },
      payload: jasmineRice(rice),
    });
    const draftVariant = draft.json().variants[0].id;
    const off = await t.app.inject({
      method: 'PATCH',
      url: `/api/sellers/${shop.sellerId}/products/${live.productId}/variants/${live.variantIds[1]}`,
      headers: { cookie: shop.cookie },
      payload: { active: false },
    });
    expect(off.statusCode).toBe(200);

    const found = await getVariantsForSale(t.database.db, [...live.variantIds, draftVariant, newId(), 'not-a-uuid']);
    const byId = new Map(found.map((v) => [v.variantId, v]));
    expect(found).toHaveLength(3);
    expect(byId.get(live.variantIds[0])).toEqual({
      variantId: live.variantIds[0],
      productId: live.productId,
      sellerId: shop.sellerId,
      sku: expect.stringMatching(/^RICE-1KG-/),
      priceSatang: 12_000,
      weightGrams: 1000,
      optionValues: [{ th: '1 กก.', zh: '1 公斤', en: '1 kg' }],
      title: { th: 'ข้าวหอมมะลิทุ่งกุลาร้องไห้', zh: '通库拉荣海茉莉香米', en: 'Thung Kula Rong Hai jasmine rice' },
      hsCode: '100630',
      originProvinceCode: '45',
      perishable: false,
      saleable: true,
    });
    expect(byId.get(live.variantIds[1])!.saleable).toBe(false); // variant deactivated
    expect(byId.get(draftVariant)!.saleable).toBe(false); // product still a draft
  });

  it('stops selling everything of a shop that is no longer approved', async () => {
    const shop = await approvedSeller(t.app);
    const live = await productOnSale(t.app, shop, rice);
    // No API suspends a shop yet; the operator's decision is simulated on the row.
    await t.database.db.update(sellers).set({ status: 'suspended' }).where(eq(sellers.id, shop.sellerId));
    const [variant] = await getVariantsForSale(t.database.db, [live.variantIds[0]]);
    expect(variant.saleable).toBe(false);
  });
});
