// The whole cross-border journey of DESIGN.md, end to end over HTTP: a shop stocks the bonded EEC
// hub (ASN, receiving, put-away, lots with expiry); a Chinese buyer checks out in CNY from bonded
// stock only and pays with Alipay as herself; customs is declared (CEB311/411/511/621) and the
// sandbox releases the order; the hub allocates first-expired-first-out, picks by scanning, packs
// under the customs waybill with a Chinese label, dispatches; the carrier sandbox tracks the
// parcel over the border to the buyer's door. And an order customs rejects never reaches a pick list.
import { beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { useTestApp } from '../../../test/db.ts';
import { addToCart, checkout } from '../../../test/shop.ts';
import { systemActor } from '../../platform/actor.ts';
import { queryRows } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import { shopWithOwner, signedInUser, type ShopFixture } from '../catalog/testing.ts';
import { HUB_LOCATIONS } from '../inventory/index.ts';
import { productInStock } from '../inventory/testing.ts';
import { buyerIdentity, cnCheckout, freshRate, payAsBuyer, residentId } from '../crossborder/testing.ts';
import { receiveReceipt } from '../customs/testing.ts';
import { isWaybillNo } from '../customs/testing.ts';
import { advanceCarrierSandbox, sandboxShipping } from '../shipping/testing.ts';
import { labelData } from '../shipping/testing.ts';
import { shipments } from '../shipping/testing.ts';
import { drainOutbox } from '../../../test/db.ts';
import { addDays, hubWorker, paidCrossBorderOrder, releaseByCustoms } from './testing.ts';
import { binsOffMovements } from './service.ts';

const t = useTestApp();
const EEC = HUB_LOCATIONS.eecBonded.id;
let shop: ShopFixture;
let staff: { userId: string; cookie: string };
let durian: { productId: string; variantId: string };

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
const key = () => ({ 'idempotency-key': newId() });

/** The bonded hub's view of one order's outbound work (staff of the EEC hub). */
const outboundOf = async (orderId: string) =>
  (await call('GET', `/api/hubs/${EEC}/outbound/find?code=${orderId}`, staff.cookie)).json();
/** Every pick of every open wave at the EEC hub. */
async function allPicks() {
  const waves = (await call('GET', `/api/hubs/${EEC}/waves`, staff.cookie)).json().items;
  const lists = await Promise.all(
    waves.map(async (w: any) => (await call('GET', `/api/waves/${w.id}/picks`, staff.cookie)).json().items),
  );
  return lists.flat() as any[];
}

beforeAll(async () => {
  shop = await shopWithOwner(t.app.db);
  staff = await hubWorker(t.app.db, EEC, 'manager');
  // A perishable durian (5 kg, 890 THB) the shop makes eligible for China with its customs terms.
  durian = await productInStock(t.app.db, shop.sellerId, { stock: 0 });
  const terms = await call(
    'PUT',
    `/api/sellers/${shop.sellerId}/products/${durian.productId}/cross-border`,
    shop.cookie,
    {
      eligible: true,
      vatBp: 900,
      consumptionTaxBp: 0,
      hsCode: '0810600000',
      customsNameZh: '泰国金枕榴莲',
      customsUnit: '035',
      packagingGrams: 600,
      yearlyQuantityCap: null,
    },
  );
  expect(terms.statusCode, terms.body).toBe(200);
  await freshRate(t.app.db, '0.2000');
});

describe('a cross-border sale to China, end to end', () => {
  it('goes from the bonded hub to the buyer in China, and every party sees its part', async () => {
    // 1. The shop stocks the bonded hub: two lots, the earlier-expiring one second.
    const asn = await call(
      'POST',
      `/api/sellers/${shop.sellerId}/inbound`,
      shop.cookie,
      {
        locationId: EEC,
        cartons: 2,
        lines: [
          {
            variantId: durian.variantId,
            quantity: 6,
            lotNumber: 'CN-LATE',
            productionDate: addDays(-1),
            expiryDate: addDays(20),
          },
          {
            variantId: durian.variantId,
            quantity: 6,
            lotNumber: 'CN-EARLY',
            productionDate: addDays(-2),
            expiryDate: addDays(9),
          },
        ],
      },
      key(),
    );
    expect(asn.statusCode, asn.body).toBe(201);
    for (const lot of ['CN-LATE', 'CN-EARLY']) {
      expect(
        (await call('POST', `/api/inbound/${asn.json().id}/receipts`, staff.cookie, { code: lot, quantity: 6 }, key()))
          .statusCode,
      ).toBe(200);
    }
    expect((await call('POST', `/api/inbound/${asn.json().id}/close`, staff.cookie, undefined, key())).statusCode).toBe(
      200,
    );
    const dock = (await call('GET', `/api/hubs/${EEC}/dock`, staff.cookie)).json().items;
    expect(dock).toHaveLength(2);
    for (const item of dock) {
      const moved = await call(
        'POST',
        `/api/hubs/${EEC}/moves`,
        staff.cookie,
        { lotId: item.lotId, fromBin: item.binCode, toBin: item.suggestedBin, quantity: item.quantity },
        key(),
      );
      expect(moved.statusCode, moved.body).toBe(200);
    }
    // Held in bond: sold to China, never at home.
    const landed = (await t.app.inject({ url: `/api/crossborder/landed?variantIds=${durian.variantId}` })).json();
    expect(landed.items[0]).toMatchObject({ eligible: true, bondedAvailable: 12 });
    expect(
      (await t.app.inject({ url: `/api/availability?variantIds=${durian.variantId}` })).json().items[0].available,
    ).toBe(0);
    const homeBuyer = await signedInUser(t.app.db);
    const home = await checkout(t.app, (await addToCart(t.app, durian.variantId, 1, homeBuyer.cookie)).cookie, newId());
    expect(home.json().code).toBe('out_of_stock');

    // 2. A Chinese buyer checks out 3 in CNY with her identity and a GB/T 2260 address, and pays with Alipay as herself.
    const buyer = await signedInUser(t.app.db);
    const { cookie } = await addToCart(t.app, durian.variantId, 3, buyer.cookie);
    const quote = (await t.app.inject({ url: '/api/crossborder/cart-quote', headers: { cookie } })).json();
    expect(quote.totalFen).toBe(quote.goodsFen + quote.freightFen + quote.taxFen);
    const id = buyerIdentity();
    const placed = await cnCheckout(t.app, cookie, { ...id, expectedTotalFen: quote.totalFen });
    expect(placed.statusCode, placed.body).toBe(201);
    const { orderId, orderGroupId, orderNo } = placed.json();
    expect(placed.json()).toMatchObject({ currency: 'CNY', totalFen: quote.totalFen });
    const intent = await payAsBuyer(t.app, cookie, orderGroupId, id);
    expect(intent).toMatchObject({ amount: quote.totalFen, currency: 'CNY' }); // the landed total is what she pays
    expect((await t.app.inject({ url: `/api/orders/${orderId}`, headers: { cookie } })).json().status).toBe('paid');

    // 3. Customs is declared; the hub holds the order until customs answers.
    await drainOutbox(t.app);
    let customs = (await t.app.inject({ url: `/api/customs/orders/${orderId}`, headers: { cookie } })).json();
    expect(customs).toMatchObject({ status: 'declared', sandbox: true });
    expect(customs.documents.map((d: any) => `${d.type}:${d.status}`)).toEqual([
      'CEB311:sent',
      'CEB411:sent',
      'CEB511:sent',
      'CEB621:sent',
    ]);
    expect(isWaybillNo(customs.waybillNo)).toBe(true);
    expect((await outboundOf(orderId)).status).toBe('awaiting_release');
    expect((await call('POST', `/api/hubs/${EEC}/release-work`, staff.cookie, {})).json()).toMatchObject({ picks: 0 });

    // 4. The sandbox passes all four: released; the hub's order is ready, carrying what the parcel and the export need.
    await releaseByCustoms(t.app, t.config);
    customs = (await t.app.inject({ url: `/api/customs/orders/${orderId}`, headers: { cookie } })).json();
    expect(customs.status).toBe('released');
    expect(customs.receipts.map((r: any) => `${r.code}:${r.passed}`).sort()).toEqual([
      '312:true',
      '412:true',
      '512:true',
      '622:true',
    ]);
    const queue = (await call('GET', `/api/hubs/${EEC}/outbound`, staff.cookie)).json().items;
    const ob = queue.find((o: any) => o.orderId === orderId);
    expect(ob).toMatchObject({ orderNumber: orderNo, status: 'ready' });
    expect(ob.shipTo).toEqual({
      name: '王小明',
      phone: '13800138000',
      address: '广东省广州市天河区天河路385号太古汇一座1201室',
      districtCode: '440106',
    });
    expect(ob.crossBorder).toEqual({
      waybillNo: customs.waybillNo,
      logisticsCode: t.config.customs.logisticsCode,
      exportDeclaration: {
        originCountry: 'TH',
        fobSatang: 3 * 89_000,
        netWeightGrams: 3 * 5000,
        grossWeightGrams: 3 * 5600,
        lines: [
          {
            variantId: durian.variantId,
            hsCode: '081060',
            description: '泰国金枕榴莲',
            quantity: 3,
            fobSatang: 3 * 89_000,
            netWeightGrams: 3 * 5000,
          },
        ],
      },
    });

    // 5. First expired, first out: all three from the earlier lot; picked by scanning bin and lot.
    expect((await call('POST', `/api/hubs/${EEC}/release-work`, staff.cookie, {})).json()).toMatchObject({
      allocatedOrders: 1,
      waves: 1,
    });
    const picks = (await allPicks()).filter((p) => p.outboundId === ob.id);
    expect(picks.map((p) => [p.lotNumber, p.quantity])).toEqual([['CN-EARLY', 3]]);
    for (const p of picks)
      expect(
        (
          await call(
            'POST',
            `/api/picks/${p.id}/confirm`,
            staff.cookie,
            { binCode: p.binCode, code: p.lotNumber },
            key(),
          )
        ).statusCode,
      ).toBe(200);
    expect((await t.app.inject({ url: `/api/orders/${orderId}`, headers: { cookie } })).json().status).toBe(
      'processing',
    );

    // 6. Packed under the customs waybill with the consignee in Chinese on the label.
    const packed = await call(
      'POST',
      `/api/outbound/${ob.id}/pack`,
      staff.cookie,
      { parcels: [{ weightGrams: 16_800, lengthMm: 600, widthMm: 400, heightMm: 400 }] },
      key(),
    );
    expect(packed.statusCode, packed.body).toBe(200);
    expect(packed.json()).toMatchObject({
      status: 'packed',
      carrier: 'linehaul-cn',
      trackingNumber: customs.waybillNo,
    });
    // The export declaration keeps customs' figures and takes the gross weight weighed at packing.
    expect(packed.json().crossBorder.exportDeclaration).toMatchObject({
      originCountry: 'TH',
      fobSatang: 3 * 89_000,
      grossWeightGrams: 3 * 5600,
      packedGrossWeightGrams: 16_800,
      parcels: 1,
    });
    const label = await call('GET', `/api/outbound/${ob.id}/label.pdf`, staff.cookie);
    expect(label.headers['content-type']).toBe('application/pdf');
    const [shipment] = await t.app.db.select().from(shipments).where(eq(shipments.orderId, orderId));
    const printed = await labelData(t.app.db, shipment, sandboxShipping);
    expect(printed).toMatchObject({ trackingNumber: customs.waybillNo, crossBorder: true, sandbox: true });
    expect(printed.receiver).toEqual({
      name: '王小明',
      phone: '13800138000',
      address: '广东省广州市天河区天河路385号太古汇一座1201室 (440106)',
    });
    // The sender is the hub, named in Chinese on a label for China (no Thai, no English on it).
    expect(printed.sender.address).toContain(HUB_LOCATIONS.eecBonded.names.zh);
    expect(printed.sender.address).not.toMatch(/[\u0E00-\u0E7F]|Smart Digital Hub/);

    // 7. Dispatched (the parcel found by scanning its waybill): the order is shipped.
    const found = (await call('GET', `/api/hubs/${EEC}/outbound/find?code=${customs.waybillNo}`, staff.cookie)).json();
    expect(
      (await call('POST', `/api/outbound/${found.id}/dispatch`, staff.cookie, undefined, key())).json().status,
    ).toBe('dispatched');
    const shipped = (await t.app.inject({ url: `/api/orders/${orderId}`, headers: { cookie } })).json();
    expect(shipped).toMatchObject({ status: 'shipped', trackingNumber: customs.waybillNo });

    // 8. The carrier sandbox carries it over the border to her door; she reads the timeline in Chinese.
    await advanceCarrierSandbox(
      t.app.db,
      systemActor('test'),
      { hours: 120, shipmentId: shipment.id },
      sandboxShipping,
    );
    await drainOutbox(t.app);
    expect((await t.app.inject({ url: `/api/orders/${orderId}`, headers: { cookie } })).json().status).toBe(
      'delivered',
    );
    // The shop sees the same: delivered, customs released under the same waybill.
    expect((await call('GET', `/api/orders/${orderId}`, shop.cookie)).json().status).toBe('delivered');
    expect((await call('GET', `/api/customs/orders/${orderId}`, shop.cookie)).json()).toMatchObject({
      status: 'released',
      waybillNo: customs.waybillNo,
    });
    const [timeline] = (
      await t.app.inject({ url: `/api/orders/${orderId}/tracking`, headers: { cookie, 'accept-language': 'zh-CN' } })
    ).json();
    expect(timeline).toMatchObject({
      carrier: 'linehaul-cn',
      trackingNumber: customs.waybillNo,
      status: 'delivered',
      sandbox: true,
    });
    const codes = timeline.events.map((e: any) => e.code);
    expect(codes[0]).toBe('delivered');
    expect(codes).toEqual(expect.arrayContaining(['booked', 'accepted', 'at_border', 'customs_cleared']));
    expect(timeline.events.find((e: any) => e.code === 'at_border')).toMatchObject({
      label: '到达口岸，等待海关放行',
      place: '云南磨憨口岸',
    });
    expect(timeline.events.every((e: any) => /[\u4e00-\u9fff]/.test(e.label))).toBe(true);

    // 9. The hub's books: every bin's stock is the sum of its movements; 9 units left in bond.
    expect(await binsOffMovements(t.app.db, EEC)).toEqual([]);
    const stock = (await call('GET', `/api/hubs/${EEC}/stock?variantId=${durian.variantId}`, staff.cookie)).json()
      .items;
    expect(stock.reduce((s: number, r: any) => s + r.quantity, 0)).toBe(9);
    const landedAfter = (await t.app.inject({ url: `/api/crossborder/landed?variantIds=${durian.variantId}` })).json();
    expect(landedAfter.items[0].bondedAvailable).toBe(9);
  });

  it('keeps an order customs rejects off every pick list', async () => {
    const other = {
      ...buyerIdentity(),
      name: '李华',
      idNumber: residentId('11010519880512234'),
      districtCode: '110105',
      addressDetail: '建国路88号SOHO现代城3号楼1802',
    };
    const placed = await paidCrossBorderOrder(t.app, t.config, durian.variantId, 2, other);
    // Customs returns the order (CEB311) before the sandbox gets to it: the receipt intake applies it.
    const [msg] = await queryRows<{ guid: string }>(
      t.app.db,
      sql`select guid from customs_messages where order_id = ${placed.orderId}::uuid and type = 'CEB311'`,
    );
    await t.app.db.transaction((tx) =>
      receiveReceipt(tx, t.config, {
        receiptId: newId(),
        messageGuid: msg.guid,
        messageType: 'CEB311',
        orderNo: placed.orderNo,
        code: '312',
        passed: false,
        returnStatus: '100',
        reasons: ['订购人身份信息校验未通过'],
      }),
    );
    await releaseByCustoms(t.app, t.config); // the sandbox answers the rest; nothing releases a rejected declaration
    const customs = (
      await t.app.inject({ url: `/api/customs/orders/${placed.orderId}`, headers: { cookie: placed.buyerCookie } })
    ).json();
    expect(customs.status).toBe('rejected');
    const [released] = await queryRows<{ n: number }>(
      t.app.db,
      sql`select count(*)::int as n from outbox where topic = 'customs.order_released' and aggregate_id = ${placed.orderId}`,
    );
    expect(released.n).toBe(0);

    const ob = await outboundOf(placed.orderId);
    expect(ob).toMatchObject({ status: 'awaiting_release', crossBorder: null, waveId: null });
    await call('POST', `/api/hubs/${EEC}/release-work`, staff.cookie, {});
    expect((await allPicks()).filter((p) => p.outboundId === ob.id)).toEqual([]);
    expect((await outboundOf(placed.orderId)).status).toBe('awaiting_release');
  });
});
