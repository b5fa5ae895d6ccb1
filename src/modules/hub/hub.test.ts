import { describe, expect, it, beforeAll } from 'vitest';
import { sql } from 'drizzle-orm';
import { useTestApp } from '../../../test/db.ts';
import { queryRows } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import { shopWithOwner, signedInUser, type ShopFixture } from '../catalog/testing.ts';
import { productInStock, stockOf } from '../inventory/testing.ts';
import { HUB_LOCATIONS } from '../inventory/index.ts';
import { bondedProduct, buyerIdentity } from '../crossborder/testing.ts';
import { addDays, hubWorker, paidCrossBorderOrder, paidOrder, releaseByCustoms } from './testing.ts';
import {
  binsOffMovements,
  blockExpiredLots,
  onCustomsReleased,
  onOrderPaid,
  type CustomsReleasePayload,
} from './service.ts';

const t = useTestApp();
const FC = HUB_LOCATIONS.domesticFulfilment.id;
const EEC = HUB_LOCATIONS.eecBonded.id;

let shop: ShopFixture;
let other: ShopFixture;
let staff: { userId: string; cookie: string };
let variantId: string;

const call = (
  method: 'GET' | 'POST' | 'PUT',
  url: string,
  cookie: string,
  payload?: object,
  headers: Record<string, string> = {},
) =>
  t.app.inject({
    method,
    url,
    headers: { cookie, 'accept-language': 'en', ...headers },
    ...(payload ? { payload } : {}),
  });

async function sendAsn(locationId: string, lines: object[], cookie = shop.cookie, sellerId = shop.sellerId) {
  return call(
    'POST',
    `/api/sellers/${sellerId}/inbound`,
    cookie,
    { locationId, cartons: 3, lines },
    { 'idempotency-key': newId() },
  );
}

beforeAll(async () => {
  shop = await shopWithOwner(t.app.db);
  other = await shopWithOwner(t.app.db);
  staff = await hubWorker(t.app.db, FC, 'manager');
  ({ variantId } = await productInStock(t.app.db, shop.sellerId, { stock: 0 })); // perishable durian, nothing at the shop itself
});

describe('the hubs by name', () => {
  it("names each hub in the reader's language: Thai, Chinese or English", async () => {
    const names = async (lang: string) =>
      (await t.app.inject({ url: '/api/hubs', headers: { 'accept-language': lang } }))
        .json()
        .items.map((h: { code: string; name: string }) => [h.code, h.name]);
    const zh = Object.fromEntries(await names('zh-CN'));
    const th = Object.fromEntries(await names('th'));
    const en = Object.fromEntries(await names('en'));
    expect(zh['EEC-BONDED']).toBe('Talad 东部经济走廊智慧物流中心（保税仓）');
    expect(th['EEC-BONDED']).toMatch(/คลังสินค้าทัณฑ์บน/);
    expect(en['EEC-BONDED']).toBe('Talad EEC Smart Digital Hub (bonded)');
    for (const name of Object.values(zh)) expect(name).not.toMatch(/[\u0E00-\u0E7F]|Hub|centre/);
    for (const name of Object.values(th)) expect(name).not.toMatch(/[\u4E00-\u9FFF]|Hub|centre/);
  });
});

describe('the hub, from the inbound shipment to dispatch', () => {
  it('refuses an ASN without dates for perishables, or for another shop', async () => {
    const noDates = await sendAsn(FC, [{ variantId, quantity: 5, lotNumber: 'L1' }]);
    expect(noDates.statusCode).toBe(422);
    expect(noDates.json().errors.map((e: any) => e.field)).toEqual(
      expect.arrayContaining(['lines.0.productionDate', 'lines.0.expiryDate']),
    );
    const notMine = await sendAsn(
      FC,
      [{ variantId, quantity: 5, lotNumber: 'L1', productionDate: addDays(-1), expiryDate: addDays(9) }],
      other.cookie,
      other.sellerId,
    );
    expect(notMine.statusCode).toBe(422);
    const forOther = await sendAsn(
      FC,
      [{ variantId, quantity: 5, lotNumber: 'L1', productionDate: addDays(-1), expiryDate: addDays(9) }],
      other.cookie,
    );
    expect(forOther.statusCode).toBe(403);
  });

  it('receives with discrepancies the seller sees, puts away, allocates FEFO, picks, packs and dispatches', async () => {
    const asn = await sendAsn(FC, [
      { variantId, quantity: 10, lotNumber: 'LATE-B', productionDate: addDays(-1), expiryDate: addDays(20) },
      { variantId, quantity: 10, lotNumber: 'EARLY-A', productionDate: addDays(-2), expiryDate: addDays(10) },
    ]);
    expect(asn.statusCode).toBe(201);
    const { id, number } = asn.json();
    // The other shop's owner cannot read it; hub staff find it by its scanned number.
    expect((await call('GET', `/api/inbound/${id}`, other.cookie)).statusCode).toBe(404);
    expect((await call('GET', `/api/hubs/${FC}/inbound/${number}`, staff.cookie)).json().id).toBe(id);
    const outsider = await signedInUser(t.app.db);
    expect(
      (await call('POST', `/api/inbound/${id}/receipts`, outsider.cookie, { code: 'EARLY-A', quantity: 1 })).statusCode,
    ).toBe(403);

    const r1 = await call(
      'POST',
      `/api/inbound/${id}/receipts`,
      staff.cookie,
      { code: 'LATE-B', quantity: 10 },
      { 'idempotency-key': 'rcv-1' },
    );
    expect(r1.statusCode).toBe(200);
    // A retried scan with the same key changes nothing.
    await call(
      'POST',
      `/api/inbound/${id}/receipts`,
      staff.cookie,
      { code: 'LATE-B', quantity: 10 },
      { 'idempotency-key': 'rcv-1' },
    );
    await call('POST', `/api/inbound/${id}/receipts`, staff.cookie, { code: 'EARLY-A', quantity: 8, damaged: 1 });
    const unknown = await call('POST', `/api/inbound/${id}/receipts`, staff.cookie, { code: 'NOPE', quantity: 1 });
    expect(unknown.json().errors[0]).toMatchObject({ field: 'code', code: 'not_on_asn' });
    const closed = await call('POST', `/api/inbound/${id}/close`, staff.cookie);
    expect(closed.statusCode).toBe(200);

    const seen = (await call('GET', `/api/sellers/${shop.sellerId}/inbound`, shop.cookie)).json().items[0];
    const early = seen.lines.find((l: any) => l.lotNumber === 'EARLY-A');
    expect(early).toMatchObject({ expectedQty: 10, receivedQty: 8, damagedQty: 1, shortQty: 1 });
    expect(seen.lines.find((l: any) => l.lotNumber === 'LATE-B')).toMatchObject({
      receivedQty: 10,
      shortQty: 0,
      damagedQty: 0,
    });
    expect(seen.discrepancies).toBe(1);
    // Sellable at once: 18 good units at the hub.
    expect((await stockOf(t.app.db, variantId)).onHand).toBe(18);

    // Put away: the durians are suggested a bin in the cold room.
    const dock = (await call('GET', `/api/hubs/${FC}/dock`, staff.cookie)).json().items;
    expect(dock).toHaveLength(2);
    for (const item of dock) {
      expect(item.suggestedBin).toMatch(/^BKK-C-/);
      const moved = await call('POST', `/api/hubs/${FC}/moves`, staff.cookie, {
        lotId: item.lotId,
        fromBin: item.binCode,
        toBin: item.suggestedBin,
        quantity: item.quantity,
      });
      expect(moved.statusCode).toBe(200);
    }
    const tooMuch = await call('POST', `/api/hubs/${FC}/moves`, staff.cookie, {
      lotId: dock[0].lotId,
      fromBin: 'BKK-C-01',
      toBin: 'BKK-C-02',
      quantity: 99,
    });
    expect(tooMuch.statusCode).toBe(409);

    // A buyer pays for 12: the order becomes hub work with a ship-by time from the handling time.
    const { orderId, buyerCookie } = await paidOrder(t.app, variantId, 12);
    // The shop sees that the hub ships it, and is offered no step the API would refuse it.
    const mine = (await call('GET', `/api/sellers/${shop.sellerId}/orders`, shop.cookie)).json().items;
    expect(mine.find((o: any) => o.id === orderId)).toMatchObject({ fulfilment: 'hub', actions: ['cancelled'] });
    const selfProcess = await call('POST', `/api/orders/${orderId}/transitions`, shop.cookie, { to: 'processing' });
    expect(selfProcess.json().code).toBe('order_fulfilled_by_hub');
    const queue = (await call('GET', `/api/hubs/${FC}/outbound`, staff.cookie)).json().items;
    const ob = queue.find((o: any) => o.orderId === orderId);
    expect(ob).toMatchObject({ status: 'ready', handlingHours: 24, risk: 'on_time' });
    expect(new Date(ob.shipBy).getTime() - new Date(ob.paidAt).getTime()).toBe(24 * 3600_000);

    const work = await call('POST', `/api/hubs/${FC}/release-work`, staff.cookie, {});
    expect(work.json()).toMatchObject({ allocatedOrders: 1, waves: 1 });
    const wave = (await call('GET', `/api/hubs/${FC}/waves`, staff.cookie)).json().items[0];
    const pickList = (await call('GET', `/api/waves/${wave.id}/picks`, staff.cookie)).json().items;
    // First expired, first out: all 8 of the earlier lot, then 4 of the later one.
    expect(pickList.map((p: any) => [p.lotNumber, p.quantity]).sort()).toEqual([
      ['EARLY-A', 8],
      ['LATE-B', 4],
    ]);

    const wrong = await call('POST', `/api/picks/${pickList[0].id}/confirm`, staff.cookie, {
      binCode: 'BKK-A-01',
      code: pickList[0].sku,
    });
    expect(wrong.json().errors[0].code).toBe('wrong_bin');
    for (const p of pickList) {
      const ok = await call('POST', `/api/picks/${p.id}/confirm`, staff.cookie, {
        binCode: p.binCode,
        code: p.lotNumber,
      });
      expect(ok.statusCode).toBe(200);
    }
    const order = (await call('GET', `/api/orders/${orderId}`, buyerCookie)).json();
    expect(order.status).toBe('processing');

    const packed = await call('POST', `/api/outbound/${ob.id}/pack`, staff.cookie, {
      parcels: [{ weightGrams: 61000, lengthMm: 600, widthMm: 400, heightMm: 400 }],
    });
    expect(packed.statusCode).toBe(200);
    expect(packed.json().trackingNumber).toMatch(/^[A-Z]{2}\d{9}TH$/);
    const label = await call('GET', `/api/outbound/${ob.id}/label.pdf`, staff.cookie);
    expect(label.headers['content-type'], label.body.slice(0, 300)).toBe('application/pdf');
    expect(label.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    // Dispatch by the scanned tracking number.
    const found = (
      await call('GET', `/api/hubs/${FC}/outbound/find?code=${packed.json().trackingNumber}`, staff.cookie)
    ).json();
    const sent = await call('POST', `/api/outbound/${found.id}/dispatch`, staff.cookie);
    expect(sent.json().status).toBe('dispatched');
    expect((await call('GET', `/api/orders/${orderId}`, buyerCookie)).json().status).toBe('shipped');

    // On hand per bin equals the sum of the movements; every movement names who, from, to, lot, why.
    expect(await binsOffMovements(t.app.db, FC)).toEqual([]);
    const moves = await queryRows<{ reason: string; actor_id: string | null }>(
      t.app.db,
      sql`select reason, actor_id from hub_stock_movements where seller_id = ${shop.sellerId}::uuid`,
    );
    expect(new Set(moves.map((m) => m.reason))).toEqual(new Set(['received', 'put_away', 'picked']));
    expect(moves.every((m) => m.actor_id === staff.userId)).toBe(true);
  });

  it('counts with reason and person, alerts before expiry, blocks expired lots and never allocates them', async () => {
    const { variantId: v2 } = await productInStock(t.app.db, shop.sellerId, { stock: 0 });
    const asn = (
      await sendAsn(FC, [
        { variantId: v2, quantity: 5, lotNumber: 'SOON', productionDate: addDays(-3), expiryDate: addDays(3) },
        { variantId: v2, quantity: 5, lotNumber: 'LATER', productionDate: addDays(-1), expiryDate: addDays(30) },
      ])
    ).json();
    await call('POST', `/api/inbound/${asn.id}/receipts`, staff.cookie, { code: 'SOON', quantity: 5 });
    await call('POST', `/api/inbound/${asn.id}/receipts`, staff.cookie, { code: 'LATER', quantity: 5 });
    const stock = (await call('GET', `/api/hubs/${FC}/stock?variantId=${v2}`, staff.cookie)).json().items;
    const soon = stock.find((s: any) => s.lotNumber === 'SOON');
    const count = await call('POST', `/api/hubs/${FC}/counts`, staff.cookie, {
      binCode: soon.binCode,
      lotId: soon.lotId,
      countedQty: 4,
      reason: 'one crushed',
    });
    expect(count.json()).toEqual({ expectedQty: 5, countedQty: 4, delta: -1 });
    expect((await stockOf(t.app.db, v2)).onHand).toBe(9);
    const [counted] = await queryRows<{ counted_by: string; reason: string }>(
      t.app.db,
      sql`select counted_by, reason from hub_cycle_counts where lot_id = ${soon.lotId}::uuid`,
    );
    expect(counted).toEqual({ counted_by: staff.userId, reason: 'one crushed' });

    const alerts = (await call('GET', `/api/hubs/${FC}/expiry-alerts?days=7`, staff.cookie)).json().items;
    expect(
      alerts.filter((a: any) => a.variantId === v2).map((a: any) => [a.lotNumber, a.daysLeft, a.quantity]),
    ).toEqual([['SOON', 3, 4]]);

    // Four days on, SOON has expired: blocked, out of sellable stock, never allocated.
    expect(await blockExpiredLots(t.app.db, new Date(Date.now() + 4 * 86_400_000))).toBeGreaterThan(0);
    expect((await stockOf(t.app.db, v2)).onHand).toBe(5);
    // The shop promises 12 hours from payment to dispatch (only its owner may set it).
    expect(
      (await call('PUT', `/api/sellers/${shop.sellerId}/handling-time`, other.cookie, { handlingHours: 12 }))
        .statusCode,
    ).toBe(403);
    expect(
      (await call('PUT', `/api/sellers/${shop.sellerId}/handling-time`, shop.cookie, { handlingHours: 12 })).json(),
    ).toEqual({ handlingHours: 12 });
    const { orderId } = await paidOrder(t.app, v2, 3);
    const [ob] = await queryRows<{ handling_hours: number; hours: number }>(
      t.app.db,
      sql`
      select handling_hours, extract(epoch from ship_by - paid_at)::int / 3600 as hours from hub_outbound_orders where order_id = ${orderId}::uuid`,
    );
    expect(ob).toEqual({ handling_hours: 12, hours: 12 });
    await call('PUT', `/api/sellers/${shop.sellerId}/handling-time`, shop.cookie, { handlingHours: null });
    await call('POST', `/api/hubs/${FC}/release-work`, staff.cookie, {});
    const lots = await queryRows<{ lot_number: string; quantity: number }>(
      t.app.db,
      sql`
      select l.lot_number, p.quantity from hub_picks p join hub_lots l on l.id = p.lot_id join hub_outbound_orders o on o.id = p.outbound_id where o.order_id = ${orderId}::uuid`,
    );
    expect(lots).toEqual([{ lot_number: 'LATER', quantity: 3 }]);
    expect(await binsOffMovements(t.app.db, FC)).toEqual([]);
  });

  it('holds bonded cross-border orders until customs releases them, whichever event comes first', async () => {
    const eecStaff = await hubWorker(t.app.db, EEC, 'receiver');
    const { variantId: v3 } = await bondedProduct(t.app.db, shop.sellerId, { stock: 0 }); // eligible for China, nothing in bond yet
    const asn = (
      await sendAsn(EEC, [
        { variantId: v3, quantity: 20, lotNumber: 'CB-1', productionDate: addDays(-1), expiryDate: addDays(15) },
      ])
    ).json();
    await call('POST', `/api/inbound/${asn.id}/receipts`, eecStaff.cookie, { code: 'CB-1', quantity: 20 });
    // The domestic hub's manager has no rights at the bonded hub.
    expect((await call('GET', `/api/hubs/${EEC}/outbound`, staff.cookie)).statusCode).toBe(403);
    // Bonded stock never sells at home: only the cross-border checkout reaches it.
    await expect(paidOrder(t.app, v3, 1)).rejects.toThrow(/out_of_stock/);

    const outbound = async (orderId: string) =>
      await queryRows<{ status: string; cross_border: any; ship_to: any }>(
        t.app.db,
        sql`
      select status, cross_border, ship_to from hub_outbound_orders where order_id = ${orderId}::uuid`,
      );
    const releasedPayload = async (orderId: string) => {
      const [e] = await queryRows<{ payload: CustomsReleasePayload }>(
        t.app.db,
        sql`
        select payload from outbox where topic = 'customs.order_released' and aggregate_id = ${orderId}`,
      );
      return e.payload;
    };

    // paid first (customs declared it), then released by customs — and the release delivered twice
    const a = await paidCrossBorderOrder(t.app, t.config, v3, 1);
    expect((await outbound(a.orderId))[0].status).toBe('awaiting_release');
    await releaseByCustoms(t.app, t.config);
    const relA = await releasedPayload(a.orderId);
    await onCustomsReleased(t.app.db, relA);
    const [obA] = await outbound(a.orderId);
    expect(obA.status).toBe('ready');
    expect(obA.cross_border).toMatchObject({
      waybillNo: relA.waybillNo,
      exportDeclaration: { originCountry: 'TH', fobSatang: 40_000 },
    });
    expect(obA.ship_to.name).toBe(buyerIdentity().name);

    // released first (the hub's order.paid handler not yet run), then paid delivered again
    const b = await paidCrossBorderOrder(t.app, t.config, v3, 1);
    await t.app.db.execute(
      sql`delete from hub_outbound_lines where outbound_id in (select id from hub_outbound_orders where order_id = ${b.orderId}::uuid)`,
    );
    await t.app.db.execute(sql`delete from hub_outbound_orders where order_id = ${b.orderId}::uuid`);
    await releaseByCustoms(t.app, t.config); // customs.order_released reaches the hub before order.paid
    await onOrderPaid(t.app.db, b.orderId);
    const rows = await outbound(b.orderId);
    expect(rows).toHaveLength(1);
    expect(rows[0].status).toBe('ready');
    expect(rows[0].cross_border.waybillNo).toBe((await releasedPayload(b.orderId)).waybillNo);
  });

  it('shows the hub which orders are late or at risk of missing the ship-by their shop promised', async () => {
    const { variantId: v4 } = await productInStock(t.app.db, shop.sellerId, { stock: 0 });
    const asn = (
      await sendAsn(FC, [
        { variantId: v4, quantity: 6, lotNumber: 'RISK', productionDate: addDays(-1), expiryDate: addDays(30) },
      ])
    ).json();
    await call('POST', `/api/inbound/${asn.id}/receipts`, staff.cookie, { code: 'RISK', quantity: 6 });
    const [late, soon, fresh] = [
      await paidOrder(t.app, v4, 1),
      await paidOrder(t.app, v4, 1),
      await paidOrder(t.app, v4, 1),
    ];
    // Perishable, no handling time of the shop's own: 24 h from payment, so at risk in its last 6 h.
    // The clock moves for two of them: one was paid 25 h ago (late), one 20 h ago (4 h left).
    for (const [o, hours] of [
      [late, 25],
      [soon, 20],
    ] as const) {
      await t.app.db.execute(
        sql`update hub_outbound_orders set paid_at = paid_at - ${hours} * interval '1 hour', ship_by = ship_by - ${hours} * interval '1 hour' where order_id = ${o.orderId}::uuid`,
      );
    }
    const mine = (items: any[]) => items.filter((i) => [late, soon, fresh].some((o) => o.orderId === i.orderId));
    const atRisk = mine((await call('GET', `/api/hubs/${FC}/outbound?atRisk=true`, staff.cookie)).json().items);
    expect(atRisk.map((i: any) => [i.orderId, i.handlingHours, i.risk])).toEqual([
      [late.orderId, 24, 'late'],
      [soon.orderId, 24, 'at_risk'],
    ]);
    const all = mine((await call('GET', `/api/hubs/${FC}/outbound`, staff.cookie)).json().items);
    expect(all.find((i: any) => i.orderId === fresh.orderId).risk).toBe('on_time');
    // The shop does not see the hub's list.
    expect((await call('GET', `/api/hubs/${FC}/outbound?atRisk=true`, shop.cookie)).statusCode).toBe(403);
  });

  it('lets each member of staff do only the tasks of their role', async () => {
    const [receiver, picker, packer] = [
      await hubWorker(t.app.db, FC, 'receiver'),
      await hubWorker(t.app.db, FC, 'picker'),
      await hubWorker(t.app.db, FC, 'packer'),
    ];
    const { variantId: v5 } = await productInStock(t.app.db, shop.sellerId, { stock: 0 });
    const asn = (
      await sendAsn(FC, [
        { variantId: v5, quantity: 4, lotNumber: 'ROLE', productionDate: addDays(-1), expiryDate: addDays(20) },
      ])
    ).json();
    const receive = (cookie: string) =>
      call(
        'POST',
        `/api/inbound/${asn.id}/receipts`,
        cookie,
        { code: 'ROLE', quantity: 1 },
        { 'idempotency-key': newId() },
      );
    expect((await receive(packer.cookie)).statusCode).toBe(403);
    expect((await receive(picker.cookie)).statusCode).toBe(403);
    expect((await receive(receiver.cookie)).statusCode).toBe(200);
    const [lot] = (await call('GET', `/api/hubs/${FC}/stock?variantId=${v5}`, receiver.cookie)).json().items;
    expect(
      (
        await call('POST', `/api/hubs/${FC}/counts`, picker.cookie, {
          binCode: lot.binCode,
          lotId: lot.lotId,
          countedQty: 1,
          reason: 'recount',
        })
      ).statusCode,
    ).toBe(403);
    const { orderId } = await paidOrder(t.app, v5, 1);
    expect((await call('POST', `/api/hubs/${FC}/release-work`, packer.cookie, {})).statusCode).toBe(403);
    expect((await call('POST', `/api/hubs/${FC}/release-work`, receiver.cookie, {})).statusCode).toBe(403);
    expect((await call('POST', `/api/hubs/${FC}/release-work`, picker.cookie, {})).statusCode).toBe(200);
    const ob = (await call('GET', `/api/hubs/${FC}/outbound/find?code=${orderId}`, packer.cookie)).json();
    const parcels = [{ weightGrams: 5200, lengthMm: 300, widthMm: 300, heightMm: 300 }];
    expect((await call('POST', `/api/outbound/${ob.id}/pack`, picker.cookie, { parcels })).statusCode).toBe(403);
    expect((await call('POST', `/api/outbound/${ob.id}/pack`, packer.cookie, { parcels })).json().code).toBe(
      'outbound_wrong_state',
    ); // not picked yet
    expect((await call('POST', `/api/outbound/${ob.id}/dispatch`, receiver.cookie)).statusCode).toBe(403);
  });
});
