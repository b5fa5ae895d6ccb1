import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app.ts';
import type { Database } from '../../platform/db.ts';
import { createTestDatabase, testConfig } from '../../../test/db.ts';
import { addToCart } from '../../../test/shop.ts';
import { shopWithOwner, signedInUser } from '../catalog/testing.ts';
import { productInStock } from '../inventory/testing.ts';

let database: Database;
let app: FastifyInstance;
beforeAll(async () => {
  database = await createTestDatabase();
  app = await buildApp({ db: database.db, config: testConfig(), logger: false });
});
afterAll(async () => { await app.close(); await database.close(); });

describe('the cart', () => {
  it('gives a guest a cart cookie and adds up repeated adds', async () => {
    const shop = await shopWithOwner(database.db);
    const p = await productInStock(database.db, shop.sellerId, { priceSatang: 12_000, stock: 20 });
    const first = await addToCart(app, p.variantId, 2);
    const setCookie = String(first.res.headers['set-cookie']);
    expect(setCookie).toMatch(/talad_guest=.+HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const second = await addToCart(app, p.variantId, 3, first.cookie);
    expect(second.res.json().quantity).toBe(5);
    const cart = (await app.inject({ url: '/api/cart', headers: { cookie: first.cookie, 'accept-language': 'zh' } })).json();
    expect(cart.itemCount).toBe(5);
    expect(cart.shops[0].items[0]).toMatchObject({ title: '金枕头榴莲 5公斤', unitPriceSatang: 12_000, lineTotalSatang: 60_000, available: 20 });
    expect(cart.shops[0]).toMatchObject({ shopSlug: shop.slug, shopName: expect.stringContaining('测试店') });
    expect(cart.readyForCheckout).toBe(true);
    // Another guest sees an empty cart.
    expect((await app.inject({ url: '/api/cart' })).json().itemCount).toBe(0);
  });

  it('refuses what cannot be bought, with the reason', async () => {
    const shop = await shopWithOwner(database.db);
    const draft = await productInStock(database.db, shop.sellerId, { status: 'draft' });
    const few = await productInStock(database.db, shop.sellerId, { stock: 2 });
    const pending = await shopWithOwner(database.db, { status: 'pending' });
    const unapproved = await productInStock(database.db, pending.sellerId);
    expect((await addToCart(app, draft.variantId)).res.json().code).toBe('item_unavailable');
    expect((await addToCart(app, unapproved.variantId)).res.json().code).toBe('item_unavailable');
    const tooMany = (await addToCart(app, few.variantId, 3)).res;
    expect(tooMany.statusCode).toBe(409);
    expect(tooMany.json()).toMatchObject({ code: 'not_enough_stock', detail: 'มีสินค้าเหลือเพียง 2 ชิ้น' });
    expect((await addToCart(app, '00000000-0000-7000-8000-000000000000')).res.statusCode).toBe(404);
  });

  it('changes and removes lines, and keeps a guest cart when the guest signs in', async () => {
    const shop = await shopWithOwner(database.db);
    const p = await productInStock(database.db, shop.sellerId, { stock: 9 });
    const { cookie } = await addToCart(app, p.variantId, 1);
    const changed = await app.inject({ method: 'PUT', url: `/api/cart/items/${p.variantId}`, headers: { cookie }, payload: { quantity: 4 } });
    expect(changed.json().itemCount).toBe(4);
    const user = await signedInUser(database.db);
    const both = `${cookie}; ${user.cookie}`;
    expect((await app.inject({ url: '/api/cart', headers: { cookie: both } })).json().itemCount).toBe(4);
    expect((await app.inject({ url: '/api/cart', headers: { cookie: user.cookie } })).json().itemCount).toBe(4);
    const removed = await app.inject({ method: 'DELETE', url: `/api/cart/items/${p.variantId}`, headers: { cookie: user.cookie } });
    expect(removed.json().itemCount).toBe(0);
  });
});
