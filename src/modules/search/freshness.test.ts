import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { drainOutbox, useTestApp } from '../../../test/db.ts';
import { addToCart, checkout } from '../../../test/shop.ts';
import { queryRows } from '../../platform/db.ts';
import { systemActor } from '../../platform/actor.ts';
import { seedCategories } from '../catalog/index.ts';
import { categoryIdBySlug, productOnSale, shopWithOwner, signedInUser, type ShopFixture } from '../catalog/testing.ts';
import { expireUnpaidOrders, markGroupPaid } from '../orders/testing.ts';
import { reindex } from './service.ts';
import { adjustHubStock } from '../inventory/index.ts';
import { HUB_LOCATIONS } from '../inventory/index.ts';

const t = useTestApp();
let shop: ShopFixture;
let rice: string;
beforeAll(async () => {
  await seedCategories(t.database.db);
  rice = await categoryIdBySlug(t.database.db, 'jasmine-rice');
  shop = await shopWithOwner(t.database.db, { provinceCode: '32' });
});

/** What `talad start` does every second: deliver the outbox to the handlers (search's among them). */
const deliver = async () => {
  await drainOutbox(t.app, 20);
  const [stuck] = await queryRows<{ n: number }>(
    t.database.db,
    sql`select count(*)::int as n from outbox where delivered_at is null`,
  );
  expect(stuck.n).toBe(0);
};
const found = async (q: string, extra = '') => {
  const res = await t.app.inject({ method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}${extra}` });
  expect(res.statusCode).toBe(200);
  return res.json().items as { id: string; priceSatang: number; inStock: boolean; shop: { isFlagship: boolean } }[];
};
const ids = async (q: string, extra = '') => (await found(q, extra)).map((i) => i.id);
const thaiOnly = (th: string, sku: string) => ({
  title: { th },
  description: { th: 'ข้าวใหม่จากสุรินทร์' },
  variants: [{ sku, optionValues: [{ th: '1 กก.' }], priceSatang: 6_000, weightGrams: 1000 }],
});
const setStock = (variantId: string, onHand: number) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/sellers/${shop.sellerId}/stock/${variantId}`,
    headers: { cookie: shop.cookie },
    payload: { onHand, reason: 'count' },
  });

describe('the index follows the catalog through the outbox', () => {
  it('finds a new product in every language once the outbox has delivered its event', async () => {
    const { productId } = await productOnSale(t.app, shop, rice, thaiOnly('ข้าวหอมมะลิสุรินทร์ คัดพิเศษ', 'SURIN-1'));
    expect(await ids('ข้าวหอมมะลิสุรินทร์')).not.toContain(productId);
    await deliver();
    expect(await ids('ข้าวหอมมะลิสุรินทร์')).toContain(productId);
    // The title is only in Thai; Chinese and English buyers find it through the glossary.
    expect(await ids('素林 茉莉香米')).toContain(productId);
    expect(await ids('surin jasmine rice')).toContain(productId);
  });

  it('shows a new price after delivery, and hides an archived product at once', async () => {
    const { productId, variantIds } = await productOnSale(
      t.app,
      shop,
      rice,
      thaiOnly('ข้าวหอมมะลิ ทดสอบราคา', 'PRICE-1'),
    );
    await deliver();
    const patched = await t.app.inject({
      method: 'PATCH',
      url: `/api/sellers/${shop.sellerId}/products/${productId}/variants/${variantIds[0]}`,
      headers: { cookie: shop.cookie },
      payload: { priceSatang: 45_000 },
    });
    expect(patched.statusCode).toBe(200);
    await deliver();
    expect((await found('ทดสอบราคา')).find((i) => i.id === productId)?.priceSatang).toBe(45_000);
    expect(await ids('ทดสอบราคา', '&maxPriceSatang=30000')).not.toContain(productId);

    const archived = await t.app.inject({
      method: 'PUT',
      url: `/api/sellers/${shop.sellerId}/products/${productId}/status`,
      headers: { cookie: shop.cookie },
      payload: { status: 'archived' },
    });
    expect(archived.statusCode).toBe(200);
    // Before the worker has run: gone from results already.
    expect(await ids('ทดสอบราคา')).not.toContain(productId);
    await deliver();
    const rows = await queryRows(
      t.database.db,
      sql`select 1 from search_documents where product_id = ${productId}::uuid`,
    );
    expect(rows).toHaveLength(0);
  });

  it('marks a product out of stock when its stock runs out', async () => {
    const { productId, variantIds } = await productOnSale(
      t.app,
      shop,
      rice,
      thaiOnly('ข้าวหอมมะลิ ทดสอบสต็อก', 'STOCK-1'),
    );
    expect((await setStock(variantIds[0], 5)).statusCode).toBe(200);
    await deliver();
    expect((await found('ทดสอบสต็อก')).find((i) => i.id === productId)?.inStock).toBe(true);
    await setStock(variantIds[0], 0);
    await deliver();
    expect((await found('ทดสอบสต็อก')).find((i) => i.id === productId)?.inStock).toBe(false);
    expect(await ids('ทดสอบสต็อก', '&inStock=true')).not.toContain(productId);
    // Units held in bond at the EEC hub sell only to China: at home the product stays out of stock.
    await adjustHubStock(t.database.db, systemActor('hub-test'), {
      locationId: HUB_LOCATIONS.eecBonded.id,
      sellerId: shop.sellerId,
      variantId: variantIds[0],
      delta: 50,
      reason: 'inbound received',
    });
    await deliver();
    expect((await found('ทดสอบสต็อก')).find((i) => i.id === productId)?.inStock).toBe(false);
    await adjustHubStock(t.database.db, systemActor('hub-test'), {
      locationId: HUB_LOCATIONS.domesticFulfilment.id,
      sellerId: shop.sellerId,
      variantId: variantIds[0],
      delta: 3,
      reason: 'inbound received',
    });
    await deliver();
    expect(await ids('ทดสอบสต็อก', '&inStock=true')).toContain(productId);
  });

  it('follows orders: reserved units leave stock, paid units rank best-sellers first, counted once', async () => {
    const a = await productOnSale(t.app, shop, rice, thaiOnly('ข้าวหอมมะลิ ทดสอบขายดี ก', 'SALE-A'));
    const b = await productOnSale(t.app, shop, rice, thaiOnly('ข้าวหอมมะลิ ทดสอบขายดี ข', 'SALE-B'));
    await setStock(a.variantIds[0], 10);
    await setStock(b.variantIds[0], 2);
    await deliver();
    const before = await ids('ทดสอบขายดี', '&sort=best_selling');
    expect(before).toHaveLength(2);

    const buyer = await signedInUser(t.database.db);
    const { cookie } = await addToCart(t.app, b.variantIds[0], 2, buyer.cookie);
    const placed = await checkout(t.app, cookie, `fresh-${b.productId}`);
    expect(placed.statusCode).toBe(201);
    await deliver();
    // Both units are held for the order: nothing left to sell.
    expect((await found('ทดสอบขายดี')).find((i) => i.id === b.productId)?.inStock).toBe(false);

    await markGroupPaid(t.database.db, systemActor('test'), placed.json().orderGroupId);
    await deliver();
    expect(await ids('ทดสอบขายดี', '&sort=best_selling')).toEqual([b.productId, a.productId]);
    const [sold] = await queryRows<{ sales_count: number }>(
      t.database.db,
      sql`select sales_count from search_documents where product_id = ${b.productId}::uuid`,
    );
    expect(sold.sales_count).toBe(2);
    // Delivered twice (at least once is the promise): still counted once.
    await t.database.db.execute(sql`update outbox set delivered_at = null where topic = 'order.paid'`);
    await deliver();
    const [again] = await queryRows<{ sales_count: number }>(
      t.database.db,
      sql`select sales_count from search_documents where product_id = ${b.productId}::uuid`,
    );
    expect(again.sales_count).toBe(2);
  });

  it('puts a product back in stock when an unpaid order expires', async () => {
    const c = await productOnSale(t.app, shop, rice, thaiOnly('ข้าวหอมมะลิ ทดสอบหมดเวลา', 'EXPIRE-1'));
    await setStock(c.variantIds[0], 1);
    const buyer = await signedInUser(t.database.db);
    const { cookie } = await addToCart(t.app, c.variantIds[0], 1, buyer.cookie);
    expect((await checkout(t.app, cookie, `expire-${c.productId}`)).statusCode).toBe(201);
    await deliver();
    expect((await found('ทดสอบหมดเวลา'))[0].inStock).toBe(false);
    await expireUnpaidOrders(t.database.db, new Date(Date.now() + 24 * 3600_000));
    await deliver();
    expect((await found('ทดสอบหมดเวลา'))[0].inStock).toBe(true);
  });

  it('rebuilds the whole index from the catalog (talad reindex), reporting progress', async () => {
    await deliver();
    const [{ n: before }] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from search_documents`,
    );
    await t.database.db.execute(sql`delete from search_documents`);
    expect(await ids('ทดสอบสต็อก')).toEqual([]);
    const progress: [number, number][] = [];
    const done = await reindex(t.database.db, (d, total) => progress.push([d, total]));
    expect(done).toBe(before);
    expect(progress.at(-1)).toEqual([before, before]);
    expect(await ids('ทดสอบสต็อก')).toHaveLength(1);
  });
});

describe('the index follows the shops through the outbox', () => {
  const operatorCall = async (method: 'PUT' | 'POST' | 'DELETE', url: string, payload?: object) => {
    const operator = await signedInUser(t.database.db, { isOperator: true });
    const res = await t.app.inject({ method, url, headers: { cookie: operator.cookie }, payload });
    expect(res.statusCode).toBe(200);
  };

  it('ranks and marks a shop made flagship once the change is delivered, and drops it again when unmarked', async () => {
    const plain = await shopWithOwner(t.database.db, { provinceCode: '45' });
    const coop = await shopWithOwner(t.database.db, { provinceCode: '45' });
    // The same product from two shops; ties are broken by id, so the flagship's must rank by its tier.
    const [a, b] = [
      await productOnSale(t.app, plain, rice, thaiOnly('ข้าวหอมมะลิ ทุ่งกุลาเรือธง', 'FLAG-1')),
      await productOnSale(t.app, coop, rice, thaiOnly('ข้าวหอมมะลิ ทุ่งกุลาเรือธง', 'FLAG-2')),
    ];
    await deliver();
    const card = async (productId: string) => (await found('ทุ่งกุลาเรือธง')).find((i) => i.id === productId);
    expect((await card(b.productId))?.shop.isFlagship).toBe(false);

    await operatorCall('PUT', `/api/sellers/${coop.sellerId}/flagship`, { isFlagship: true });
    await deliver();
    expect((await card(b.productId))?.shop.isFlagship).toBe(true);
    expect(await ids('ทุ่งกุลาเรือธง')).toEqual([b.productId, a.productId]);

    await operatorCall('PUT', `/api/sellers/${coop.sellerId}/flagship`, { isFlagship: false });
    await deliver();
    expect((await card(b.productId))?.shop.isFlagship).toBe(false);
  });

  it('hides a suspended shop at once, keeps it out after delivery, and shows it again when reinstated', async () => {
    const shop2 = await shopWithOwner(t.database.db, { provinceCode: '40' });
    const { productId } = await productOnSale(t.app, shop2, rice, thaiOnly('ข้าวเหนียวเขี้ยวงู ระงับร้าน', 'SUSP-1'));
    await deliver();
    expect(await ids('เขี้ยวงู')).toContain(productId);

    await operatorCall('POST', `/api/sellers/${shop2.sellerId}/suspension`, { reason: 'เอกสารไม่ครบ' });
    expect(await ids('เขี้ยวงู')).not.toContain(productId); // before delivery: the pending event hides it
    await deliver();
    expect(await ids('เขี้ยวงู')).not.toContain(productId);

    await operatorCall('DELETE', `/api/sellers/${shop2.sellerId}/suspension`);
    await deliver();
    expect(await ids('เขี้ยวงู')).toContain(productId);
  });
});
