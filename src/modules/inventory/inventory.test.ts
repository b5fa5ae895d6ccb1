import { describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/db.ts';
import { addToCart, checkout } from '../../../test/shop.ts';
import { shopWithOwner } from '../catalog/testing.ts';
import { productInStock, stockOf } from './testing.ts';
import {
  adjustHubStock,
  applyReservations,
  planReservations,
  readStock,
  sellerLocation,
  StockConflict,
} from './service.ts';
import { HUB_LOCATIONS, hubLocations } from './hubs.ts';

const t = useTestApp();

const put = (sellerId: string, variantId: string, cookie: string, payload: object, key?: string) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/sellers/${sellerId}/stock/${variantId}`,
    payload,
    headers: { cookie, ...(key ? { 'idempotency-key': key } : {}) },
  });

describe('stock', () => {
  it('lets a shop count and correct its own stock, and no one else', async () => {
    const shop = await shopWithOwner(t.database.db);
    const other = await shopWithOwner(t.database.db);
    const p = await productInStock(t.database.db, shop.sellerId, { stock: 0 });
    const set = await put(shop.sellerId, p.variantId, shop.cookie, { onHand: 40 });
    expect(set.statusCode).toBe(200);
    expect(set.json()).toMatchObject({ onHand: 40, reserved: 0, available: 40 });
    expect((await put(shop.sellerId, p.variantId, shop.cookie, { delta: -5, reason: 'ผลไม้ช้ำ' })).json().onHand).toBe(
      35,
    );
    expect((await put(shop.sellerId, p.variantId, other.cookie, { onHand: 1 })).statusCode).toBe(403);
    expect((await put(other.sellerId, p.variantId, other.cookie, { onHand: 1 })).statusCode).toBe(404);
    expect(
      (await t.app.inject({ url: `/api/sellers/${shop.sellerId}/stock`, headers: { cookie: other.cookie } }))
        .statusCode,
    ).toBe(403);
    const avail = (await t.app.inject({ url: `/api/availability?variantIds=${p.variantId}` })).json();
    expect(avail.items).toEqual([{ variantId: p.variantId, available: 35 }]);
  });

  it('applies a retried stock change once', async () => {
    const shop = await shopWithOwner(t.database.db);
    const p = await productInStock(t.database.db, shop.sellerId, { stock: 10 });
    const first = await put(shop.sellerId, p.variantId, shop.cookie, { delta: 5, reason: 'รับของเข้า' }, 'receipt-1');
    const again = await put(shop.sellerId, p.variantId, shop.cookie, { delta: 5, reason: 'รับของเข้า' }, 'receipt-1');
    expect(again.json()).toEqual(first.json());
    expect(await stockOf(t.database.db, p.variantId)).toEqual({ onHand: 15, reserved: 0 });
  });

  it('never lets on-hand stock drop below what buyers have reserved', async () => {
    const shop = await shopWithOwner(t.database.db);
    const p = await productInStock(t.database.db, shop.sellerId, { stock: 10 });
    const { cookie } = await addToCart(t.app, p.variantId, 6);
    expect((await checkout(t.app, cookie, 'reserve-6')).statusCode).toBe(201);
    const res = await put(shop.sellerId, p.variantId, shop.cookie, { onHand: 5 }, undefined);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('stock_below_reserved');
    expect(res.json().detail).toContain('6');
    expect(await stockOf(t.database.db, p.variantId)).toEqual({ onHand: 10, reserved: 6 });
  });
});

describe('planned reservations', () => {
  it('serve checkouts in order, all-or-nothing, and refuse a plan whose units were taken meanwhile', async () => {
    const shop = await shopWithOwner(t.database.db);
    const a = await productInStock(t.database.db, shop.sellerId, { stock: 3 });
    const b = await productInStock(t.database.db, shop.sellerId, { stock: 1 });
    const rows = await readStock(t.database.db, [a.variantId, b.variantId], { lock: false });
    const plan = planReservations(rows, [
      [{ variantId: a.variantId, quantity: 2 }],
      [
        { variantId: a.variantId, quantity: 1 },
        { variantId: b.variantId, quantity: 2 },
      ], // b has only 1: all-or-nothing
      [{ variantId: a.variantId, quantity: 1 }],
      [{ variantId: a.variantId, quantity: 1 }], // a is gone by now
    ]);
    expect(plan.outcomes.map((o) => o.ok)).toEqual([true, false, true, false]);
    const locationOfA = rows.find((r) => r.variant_id === a.variantId)!.location_id;
    expect(plan.changes).toEqual([{ v: a.variantId, l: locationOfA, q: 3 }]);
    // Someone else reserves one unit of a before this plan is applied: the plan must not oversell.
    await t.database.db.transaction((tx) => applyReservations(tx, [{ v: a.variantId, l: plan.changes[0].l, q: 1 }]));
    await expect(t.database.db.transaction((tx) => applyReservations(tx, plan.changes))).rejects.toBeInstanceOf(
      StockConflict,
    );
    expect(await stockOf(t.database.db, a.variantId)).toEqual({ onHand: 3, reserved: 1 });
  });
});

describe('hub locations', () => {
  it('exist in every database: the bonded EEC hub and the domestic fulfilment centre', async () => {
    const hubs = await hubLocations(t.database.db);
    expect(hubs.map((h) => [h.id, h.code, h.bonded, h.provinceCode]).sort()).toEqual([
      [HUB_LOCATIONS.eecBonded.id, 'EEC-BONDED', true, '20'],
      [HUB_LOCATIONS.domesticFulfilment.id, 'BKK-FC', false, '11'],
    ]);
  });
});

describe('stock at a hub', () => {
  it("holds a seller's stock at the bonded hub beside its own, and refuses a seller location", async () => {
    const shop = await shopWithOwner(t.database.db);
    const p = await productInStock(t.database.db, shop.sellerId, { stock: 5 });
    const hub = HUB_LOCATIONS.eecBonded.id;
    const staff = { kind: 'system', name: 'hub-test' } as const;
    const line = await adjustHubStock(t.database.db, staff, {
      locationId: hub,
      sellerId: shop.sellerId,
      variantId: p.variantId,
      delta: 120,
      reason: 'inbound received',
    });
    expect(line).toMatchObject({ locationId: hub, onHand: 120, available: 120 });
    expect(await stockOf(t.database.db, p.variantId)).toEqual({ onHand: 125, reserved: 0 });
    await expect(
      adjustHubStock(t.database.db, staff, {
        locationId: hub,
        sellerId: shop.sellerId,
        variantId: p.variantId,
        delta: -121,
        reason: 'count',
      }),
    ).rejects.toMatchObject({ code: 'stock_below_reserved' });
    const own = await sellerLocation(t.database.db, shop.sellerId);
    await expect(
      adjustHubStock(t.database.db, staff, {
        locationId: own,
        sellerId: shop.sellerId,
        variantId: p.variantId,
        delta: 1,
        reason: 'x',
      }),
    ).rejects.toMatchObject({ status: 404 });
  });
});
