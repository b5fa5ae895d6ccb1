// The /cn shelf: only what a buyer in China can order now (eligible and held in the bonded hub),
// with the landed CNY price of one unit including tax, the limits, and category shortcuts.
import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/db.ts';
import { shopWithOwner } from '../catalog/testing.ts';
import { bondedProduct, freshRate } from '../crossborder/testing.ts';
import { productInStock } from '../inventory/testing.ts';

const t = useTestApp();

describe('the China shelf', () => {
  it('lists eligible products held in bond with their landed CNY price, and nothing else', async () => {
    const db = t.database.db;
    const shop = await shopWithOwner(db);
    await freshRate(db);
    const held = await bondedProduct(db, shop.sellerId, { priceSatang: 40_000, stock: 12 });
    const soldOut = await bondedProduct(db, shop.sellerId, { stock: 0, domesticStock: 5 });
    const notListed = await bondedProduct(db, shop.sellerId, { eligible: false });
    const domestic = await productInStock(db, shop.sellerId, { stock: 9 });

    const res = await t.app.inject({ url: '/api/storefront/china', headers: { 'accept-language': 'zh' } });
    expect(res.statusCode, res.body).toBe(200);
    const shelf = res.json();
    const ids = shelf.items.map((i: { product: { id: string } }) => i.product.id);
    expect(ids).toEqual([held.productId]);
    expect(ids).not.toContain(soldOut.productId);
    expect(ids).not.toContain(notListed.productId);
    expect(ids).not.toContain(domestic.productId);

    // The same landed price the product page shows, tax included.
    const landed = (await t.app.inject({ url: `/api/crossborder/landed?variantIds=${held.variantId}` })).json();
    const [item] = shelf.items;
    expect(item.landed).toMatchObject({
      variantId: held.variantId,
      bondedAvailable: 12,
      unitPriceFen: 8_000, // 400 baht at 0.2000
      totalFen: landed.items[0].totalFen,
      taxRatePercent: 6.3,
    });
    expect(item.landed.taxFen).toBeGreaterThan(0);
    expect(item.landed.totalFen).toBe(item.landed.unitPriceFen + item.landed.freightFen + item.landed.taxFen);
    expect(item.product.title).toBe('金枕头榴莲 5公斤');
    expect(shelf.limits).toEqual({ orderFen: 500_000, yearlyFen: 2_600_000 });
    expect(shelf.currency).toBe('CNY');
    expect(shelf.categories).toEqual([expect.objectContaining({ count: 1, name: '新鲜水果' })]);

    // A category shortcut narrows the shelf; one without such goods shows none.
    const slug = shelf.categories[0].slug;
    const inCat = (await t.app.inject({ url: `/api/storefront/china?category=${slug}` })).json();
    expect(inCat.items).toHaveLength(1);
    const none = (await t.app.inject({ url: '/api/storefront/china?category=no-such-category' })).json();
    expect(none.items).toEqual([]);
  });
});
