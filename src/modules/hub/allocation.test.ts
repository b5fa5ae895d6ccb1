// FEFO allocation over several lots, bins and orders (checked from the outcome, not the code), a
// cancelled order giving its allocation back, and a released cross-border order packed under its
// customs waybill and dispatched.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { useTestApp } from '../../../test/db.ts';
import { queryRows } from '../../platform/db.ts';
import { shopWithOwner, type ShopFixture } from '../catalog/testing.ts';
import { productInStock, stockOf } from '../inventory/testing.ts';
import { HUB_LOCATIONS } from '../inventory/index.ts';
import { bondedProduct, buyerIdentity } from '../crossborder/testing.ts';
import { drainOutbox } from '../../../test/db.ts';
import { addDays, hubWorker, paidCrossBorderOrder, paidOrder, releaseByCustoms } from './testing.ts';
import { allocateReady, bangkokDate, binsOffMovements, blockExpiredLots } from './service.ts';

const t = useTestApp();
const FC = HUB_LOCATIONS.domesticFulfilment.id;
const EEC = HUB_LOCATIONS.eecBonded.id;
let shop: ShopFixture;
let staff: { userId: string; cookie: string };

const call = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie, 'accept-language': 'en' }, ...(payload ? { payload } : {}) });

async function stockHub(
  locationId: string,
  cookie: string,
  variantId: string,
  lots: { lot: string; qty: number; expiresIn: number }[],
) {
  const asn = await call('POST', `/api/sellers/${shop.sellerId}/inbound`, shop.cookie, {
    locationId,
    cartons: lots.length,
    lines: lots.map((l) => ({
      variantId,
      quantity: l.qty,
      lotNumber: l.lot,
      productionDate: addDays(-1),
      expiryDate: addDays(l.expiresIn),
    })),
  });
  for (const l of lots)
    await call('POST', `/api/inbound/${asn.json().id}/receipts`, cookie, { code: l.lot, quantity: l.qty });
  await call('POST', `/api/inbound/${asn.json().id}/close`, cookie);
}

beforeAll(async () => {
  shop = await shopWithOwner(t.app.db);
  staff = await hubWorker(t.app.db, FC, 'manager');
});

describe('FEFO allocation', () => {
  it('never takes an expired lot, nor a later-expiring lot while an earlier one has free units', async () => {
    const { variantId } = await productInStock(t.app.db, shop.sellerId, { stock: 0 });
    await stockHub(FC, staff.cookie, variantId, [
      { lot: 'D20', qty: 10, expiresIn: 20 },
      { lot: 'D3', qty: 5, expiresIn: 3 },
      { lot: 'D10', qty: 6, expiresIn: 10 },
    ]);
    // Half of D10 goes to another bin, so one lot is picked from two bins.
    const dock = (await call('GET', `/api/hubs/${FC}/dock`, staff.cookie)).json().items;
    const d10 = dock.find((d: any) => d.lotNumber === 'D10');
    await call('POST', `/api/hubs/${FC}/moves`, staff.cookie, {
      lotId: d10.lotId,
      fromBin: d10.binCode,
      toBin: 'BKK-C-05',
      quantity: 3,
    });
    const orders = [];
    for (const qty of [4, 4, 4]) orders.push((await paidOrder(t.app, variantId, qty)).orderId);

    // Four days on, D3 has expired (not yet blocked by the job): allocation skips it all the same.
    const later = new Date(Date.now() + 4 * 86_400_000);
    const result = await t.app.db.transaction((tx) => allocateReady(tx, FC, later));
    expect(result.orders).toBe(3);
    const picks = await queryRows<{ lot: string; expiry: string; quantity: number }>(
      t.app.db,
      sql`
      select l.lot_number as lot, l.expiry_date::text as expiry, p.quantity from hub_picks p join hub_lots l on l.id = p.lot_id where p.variant_id = ${variantId}::uuid`,
    );
    const byLot = new Map<string, number>();
    for (const p of picks) byLot.set(p.lot, (byLot.get(p.lot) ?? 0) + p.quantity);
    expect(Object.fromEntries(byLot)).toEqual({ D10: 6, D20: 6 });
    // The property, from the outcome: every picked lot is unexpired and no earlier good lot has units left.
    const free = await queryRows<{ lot: string; expiry: string; free: number }>(
      t.app.db,
      sql`
      select l.lot_number as lot, l.expiry_date::text as expiry, sum(s.quantity - s.allocated)::int as free
      from hub_bin_stock s join hub_lots l on l.id = s.lot_id where s.variant_id = ${variantId}::uuid group by l.id`,
    );
    const today = bangkokDate(later);
    for (const p of picks) {
      expect(p.expiry > today).toBe(true);
      expect(free.filter((f) => f.expiry > today && f.expiry < p.expiry && f.free > 0)).toEqual([]);
    }
  });

  it('allocates again when a lot expires in the middle of picking, and sellable stock still matches the free units', async () => {
    const { variantId } = await productInStock(t.app.db, shop.sellerId, { stock: 0 });
    await stockHub(FC, staff.cookie, variantId, [
      { lot: 'SHORT', qty: 2, expiresIn: 3 },
      { lot: 'LONG', qty: 10, expiresIn: 20 },
    ]);
    const { orderId, buyerCookie } = await paidOrder(t.app, variantId, 4);
    await call('POST', `/api/hubs/${FC}/release-work`, staff.cookie, {});
    const [wave] = (await call('GET', `/api/hubs/${FC}/waves`, staff.cookie)).json().items;
    const mine = (p: any) => p.lotNumber === 'LONG' || p.lotNumber === 'SHORT'; // the wave also holds the orders of the test above
    const list = (await call('GET', `/api/waves/${wave.id}/picks`, staff.cookie)).json().items.filter(mine);
    const long = list.find((p: any) => p.lotNumber === 'LONG');
    await call('POST', `/api/picks/${long.id}/confirm`, staff.cookie, { binCode: long.binCode, code: long.sku });
    expect(await blockExpiredLots(t.app.db, new Date(Date.now() + 4 * 86_400_000))).toBeGreaterThan(0);
    await call('POST', `/api/hubs/${FC}/release-work`, staff.cookie, {});
    const again = (await call('GET', `/api/waves/${wave.id}/picks`, staff.cookie)).json().items.filter(mine);
    expect(again.map((p: any) => [p.lotNumber, p.quantity, p.picked]).sort()).toEqual([
      ['LONG', 2, false],
      ['LONG', 2, true],
    ]);
    const open = again.find((p: any) => !p.picked);
    expect(
      (
        await call('POST', `/api/picks/${open.id}/confirm`, staff.cookie, {
          binCode: open.binCode,
          code: open.lotNumber,
        })
      ).json(),
    ).toEqual({ orderPicked: true });
    expect(
      (await t.app.inject({ url: `/api/orders/${orderId}`, headers: { cookie: buyerCookie } })).json().status,
    ).toBe('processing');
    const [free] = await queryRows<{ n: number }>(
      t.app.db,
      sql`
      select sum(s.quantity - s.allocated)::int as n from hub_bin_stock s join hub_lots l on l.id = s.lot_id where s.variant_id = ${variantId}::uuid and l.blocked_at is null`,
    );
    expect((await stockOf(t.app.db, variantId)).onHand).toBe(free.n);
  });

  it("gives a cancelled order's allocation back", async () => {
    const { variantId } = await productInStock(t.app.db, shop.sellerId, { stock: 0 });
    await stockHub(FC, staff.cookie, variantId, [{ lot: 'C1', qty: 5, expiresIn: 30 }]);
    const { orderId, buyerCookie } = await paidOrder(t.app, variantId, 2);
    await call('POST', `/api/hubs/${FC}/release-work`, staff.cookie, {});
    const allocated = async () =>
      (
        await queryRows<{ n: number }>(
          t.app.db,
          sql`select coalesce(sum(allocated), 0)::int as n from hub_bin_stock where variant_id = ${variantId}::uuid`,
        )
      )[0].n;
    expect(await allocated()).toBe(2);
    const cancelled = await t.app.inject({
      method: 'POST',
      url: `/api/orders/${orderId}/transitions`,
      headers: { cookie: buyerCookie },
      payload: { to: 'cancelled', reason: 'changed my mind' },
    });
    expect(cancelled.statusCode).toBe(200);
    await drainOutbox(t.app);
    expect(await allocated()).toBe(0);
    const [ob] = await queryRows<{ status: string }>(
      t.app.db,
      sql`select status from hub_outbound_orders where order_id = ${orderId}::uuid`,
    );
    expect(ob.status).toBe('cancelled');
  });
});

describe('a picked order cancelled by its shop', () => {
  it('brings the picked units back onto the dock, and sellable again', async () => {
    const { variantId } = await productInStock(t.app.db, shop.sellerId, { stock: 0 });
    await stockHub(FC, staff.cookie, variantId, [{ lot: 'BACK', qty: 5, expiresIn: 30 }]);
    const { orderId } = await paidOrder(t.app, variantId, 2);
    await call('POST', `/api/hubs/${FC}/release-work`, staff.cookie, {});
    const [pick] = await queryRows<{ id: string; bin: string }>(
      t.app.db,
      sql`
      select p.id, b.code as bin from hub_picks p join hub_bins b on b.id = p.bin_id join hub_outbound_orders o on o.id = p.outbound_id where o.order_id = ${orderId}::uuid`,
    );
    await call('POST', `/api/picks/${pick.id}/confirm`, staff.cookie, { binCode: pick.bin, code: 'BACK' });
    expect((await stockOf(t.app.db, variantId)).onHand).toBe(3);
    const cancelled = await t.app.inject({
      method: 'POST',
      url: `/api/orders/${orderId}/transitions`,
      headers: { cookie: shop.cookie },
      payload: { to: 'cancelled', reason: 'out of cold chain' },
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    await drainOutbox(t.app);
    const dock = (await call('GET', `/api/hubs/${FC}/dock`, staff.cookie))
      .json()
      .items.filter((d: any) => d.lotNumber === 'BACK');
    expect(dock.map((d: any) => d.quantity)).toEqual([5]); // never put away: 3 left there, 2 back
    const [back] = await queryRows<{ quantity: number; to_dock: boolean }>(
      t.app.db,
      sql`
      select m.quantity, b.code like '%-DOCK' as to_dock from hub_stock_movements m join hub_bins b on b.id = m.to_bin_id where m.reason = 'returned_cancelled' and m.variant_id = ${variantId}::uuid`,
    );
    expect(back).toEqual({ quantity: 2, to_dock: true });
    expect((await stockOf(t.app.db, variantId)).onHand).toBe(5);
    expect(await binsOffMovements(t.app.db, FC)).toEqual([]);
  });
});

describe('a released cross-border order', () => {
  it('is packed under its customs waybill with the consignee, and dispatched', async () => {
    const eec = await hubWorker(t.app.db, EEC, 'manager');
    const { variantId } = await bondedProduct(t.app.db, shop.sellerId, { stock: 0, priceSatang: 89_000 });
    await stockHub(EEC, eec.cookie, variantId, [{ lot: 'CB', qty: 5, expiresIn: 15 }]);
    const { orderId } = await paidCrossBorderOrder(t.app, t.config, variantId, 1);
    await releaseByCustoms(t.app, t.config);
    const [{ waybill }] = await queryRows<{ waybill: string }>(
      t.app.db,
      sql`select payload->>'waybillNo' as waybill from outbox where topic = 'customs.order_released' and aggregate_id = ${orderId}`,
    );
    await call('POST', `/api/hubs/${EEC}/release-work`, eec.cookie, {});
    const wave = (await call('GET', `/api/hubs/${EEC}/waves`, eec.cookie)).json().items[0];
    for (const p of (await call('GET', `/api/waves/${wave.id}/picks`, eec.cookie)).json().items) {
      expect(
        (await call('POST', `/api/picks/${p.id}/confirm`, eec.cookie, { binCode: p.binCode, code: p.sku })).statusCode,
      ).toBe(200);
    }
    const ob = (await call('GET', `/api/hubs/${EEC}/outbound/find?code=${orderId}`, eec.cookie)).json();
    expect(ob.crossBorder).toMatchObject({
      waybillNo: waybill,
      exportDeclaration: { fobSatang: 89_000, grossWeightGrams: 5200 },
    });
    expect(ob.shipTo).toMatchObject({ name: buyerIdentity().name, districtCode: buyerIdentity().districtCode });
    const packed = await call('POST', `/api/outbound/${ob.id}/pack`, eec.cookie, {
      parcels: [{ weightGrams: 5600, lengthMm: 400, widthMm: 300, heightMm: 300 }],
    });
    expect(packed.statusCode, packed.body).toBe(200);
    expect(packed.json()).toMatchObject({ carrier: 'linehaul-cn', trackingNumber: waybill, status: 'packed' });
    const sent = await call('POST', `/api/outbound/${ob.id}/dispatch`, eec.cookie);
    expect(sent.json().status).toBe('dispatched');
    expect(await binsOffMovements(t.app.db, EEC)).toEqual([]);
  });
});
