// The card facts of a page of products in one call: rating, units sold, the campaign price with the
// catalog price and its end, and the badges (flagship, verified marks with OTOP stars, cross-border
// ready only with bonded stock, free shipping).
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { drainOutbox, useTestApp } from '../../../test/db.ts';
import { addToCart, checkout } from '../../../test/shop.ts';
import { systemActor } from '../../platform/actor.ts';
import { newId } from '../../platform/ids.ts';
import { shopWithOwner, signedInUser } from '../catalog/testing.ts';
import { bondedProduct, freshRate } from '../crossborder/testing.ts';
import { makeOperator, signIn } from '../identity/testing.ts';
import { productInStock } from '../inventory/testing.ts';
import { markGroupPaid } from '../orders/index.ts';
import { reindex } from '../search/index.ts';
import { setFlagship } from '../sellers/index.ts';
import { verifiedCertificate } from '../standards/testing.ts';

const t = useTestApp();
const cards = async (ids: string[], lang = 'th') =>
  t.app.inject({
    url: `/api/storefront/cards?${ids.map((id) => `productIds=${id}`).join('&')}`,
    headers: { 'accept-language': lang },
  });

describe('product cards', () => {
  it('shows rating, units sold, the campaign price over the catalog price, and badges, for a page at once', async () => {
    const db = t.database.db;
    const shop = await shopWithOwner(db);
    const durian = await productInStock(db, shop.sellerId, { priceSatang: 129_000, stock: 50 });
    const plain = await productInStock(db, shop.sellerId, { priceSatang: 20_000, stock: 5 });
    await reindex(db);

    // A flash sale at 990 baht until tomorrow, free shipping from 500 baht, a flagship store.
    const endsAt = new Date(Date.now() + 86_400_000).toISOString();
    const campaign = await t.app.inject({
      method: 'POST',
      url: `/api/sellers/${shop.sellerId}/campaigns`,
      headers: { cookie: shop.cookie },
      payload: {
        name: { th: 'ทุเรียนราคาพิเศษ' },
        startsAt: new Date(Date.now() - 60_000).toISOString(),
        endsAt,
        items: [{ variantId: durian.variantId, priceSatang: 99_000, stockLimit: 10, perBuyerLimit: 2 }],
      },
    });
    expect(campaign.statusCode, campaign.body).toBe(201);
    const free = await t.app.inject({
      method: 'PUT',
      url: `/api/sellers/${shop.sellerId}/free-shipping`,
      headers: { cookie: shop.cookie },
      payload: { minSubtotalSatang: 50_000 },
    });
    expect(free.statusCode).toBe(200);
    await setFlagship(db, systemActor('test'), shop.sellerId, { isFlagship: true });
    const op = await makeOperator(db);
    await verifiedCertificate(t.app, shop, await signIn(t.app, op.email, op.password), {
      kind: 'otop',
      productId: durian.productId,
      number: 'OTOP 22-0001',
      details: { stars: 5, year: 2567 },
    });

    // Three units sold (a paid order), and two published reviews of 5 and 4 stars.
    const buyer = await signedInUser(db);
    await addToCart(t.app, durian.variantId, 2, buyer.cookie);
    const placed = await checkout(t.app, buyer.cookie, newId());
    expect(placed.statusCode, placed.body).toBe(201);
    await markGroupPaid(db, systemActor('payments'), placed.json().orderGroupId);
    await drainOutbox(t.app);
    for (const rating of [5, 4])
      await db.execute(sql`insert into reviews (id, order_id, line_no, seller_id, product_id, buyer_user_id, rating, body, language)
        values (${newId()}, ${newId()}, 0, ${shop.sellerId}, ${durian.productId}, ${buyer.userId}, ${rating}, 'อร่อย', 'th')`);

    const res = await cards([durian.productId, plain.productId, newId()]);
    expect(res.statusCode, res.body).toBe(200);
    const [d, p, ...rest] = res.json().items;
    expect(rest).toEqual([]); // an unknown product has no card
    expect(d).toMatchObject({
      productId: durian.productId,
      rating: { average: 4.5, count: 2 },
      shopRating: { average: 4.5, count: 2 },
      sold: 2,
      campaign: { priceSatang: 99_000, listPriceSatang: 129_000, endsAt },
    });
    expect(d.campaign.variants).toEqual([
      { variantId: durian.variantId, priceSatang: 99_000, listPriceSatang: 129_000, left: 8, perBuyerLimit: 2 },
    ]);
    expect(d.badges).toEqual([
      { kind: 'flagship' },
      { kind: 'mark', mark: 'otop', stars: 5 },
      { kind: 'free_shipping', minSubtotalSatang: 50_000 },
    ]);
    // The other product has no review of its own, but its shop's rating shows.
    expect(p).toMatchObject({ rating: null, shopRating: { average: 4.5, count: 2 }, sold: 0, campaign: null });
  });

  it('calls a product cross-border ready only while the bonded hub holds some of it', async () => {
    const shop = await shopWithOwner(t.database.db);
    await freshRate(t.database.db);
    const held = await bondedProduct(t.database.db, shop.sellerId, { stock: 3 });
    const none = await bondedProduct(t.database.db, shop.sellerId, { stock: 0, domesticStock: 5 });
    const [a, b] = (await cards([held.productId, none.productId])).json().items;
    expect(a.badges).toContainEqual({ kind: 'cross_border' });
    expect(b.badges).not.toContainEqual({ kind: 'cross_border' });
  });
});
