// From cart to customs release: a Chinese buyer buys rice from the bonded hub, pays with Alipay as
// herself, Talad declares CEB311/411/511 and the hub's CEB621, the sandbox answers, the order is released.
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { drainOutbox, useTestApp } from '../../../test/db.ts';
import { addToCart } from '../../../test/shop.ts';
import { queryRows } from '../../platform/db.ts';
import { shopWithOwner, signedInUser } from '../catalog/testing.ts';
import { HUB_LOCATIONS } from '../inventory/index.ts';
import { bondedProduct, buyerIdentity, cnCheckout, freshRate, payAsBuyer } from '../crossborder/testing.ts';
import { answerCustoms } from './testing.ts';
import { receiveReceipt } from './service.ts';
import { isWaybillNo } from './carrier.ts';

const t = useTestApp();
const deliverAll = async () => {
  await drainOutbox(t.app, 10);
};
const events = (topic: string) =>
  queryRows<{ aggregate_id: string; payload: any }>(
    t.app.db,
    sql`select aggregate_id, payload from outbox where topic = ${topic} order by id`,
  );

describe('a cross-border order from cart to customs release', () => {
  it('is priced in CNY, taken from bonded stock, paid by its buyer, declared, and released', async () => {
    const shop = await shopWithOwner(t.app.db);
    const rice = await bondedProduct(t.app.db, shop.sellerId, { priceSatang: 40_000, stock: 50, vatBp: 900 });
    await freshRate(t.app.db, '0.2000');
    const buyer = await signedInUser(t.app.db);
    const { cookie } = await addToCart(t.app, rice.variantId, 2, buyer.cookie);

    const quote = (await t.app.inject({ url: '/api/crossborder/cart-quote', headers: { cookie } })).json();
    // 2 x 400.00 THB x 0.2 = 2 x 80.00 CNY; freight 80 + 30 x ceil(10.4 kg) = 410.00 THB = 82.00 CNY; tax (160 + 82) x 6.3% = 15.25 (15.246)
    expect(quote).toMatchObject({ goodsFen: 16_000, freightFen: 8_200, taxFen: 1_525, totalFen: 25_725 });

    const id = buyerIdentity();
    const res = await cnCheckout(t.app, cookie, { ...id, expectedTotalFen: quote.totalFen });
    expect(res.statusCode, res.body).toBe(201);
    const placed = res.json();
    expect(placed).toMatchObject({
      market: 'CN',
      currency: 'CNY',
      totalFen: 25_725,
      buyer: { name: '王小明', idMasked: '440106********' + id.idNumber.slice(-4) },
    });
    expect(res.body).not.toContain(id.idNumber);
    const [reserved] = await queryRows<{ reserved: number }>(
      t.app.db,
      sql`select reserved from stock_levels where variant_id = ${rice.variantId}::uuid and location_id = ${HUB_LOCATIONS.eecBonded.id}::uuid`,
    );
    expect(reserved.reserved).toBe(2);
    const [stored] = await queryRows<{ id_sealed: string }>(
      t.app.db,
      sql`select id_sealed from cbec_orders where order_id = ${placed.orderId}::uuid`,
    );
    expect(stored.id_sealed).not.toContain(id.idNumber.slice(0, 10));

    // Only Alipay, for exactly the landed total.
    const card = await t.app.inject({
      method: 'POST',
      url: `/api/order-groups/${placed.orderGroupId}/payment-intents`,
      headers: { cookie, 'idempotency-key': 'k-card' },
      payload: { method: 'card' },
    });
    expect(card.statusCode).toBe(422);
    const intent = await payAsBuyer(t.app, cookie, placed.orderGroupId, id);
    expect(intent).toMatchObject({ amount: 25_725, currency: 'CNY' });
    const order = (await t.app.inject({ url: `/api/orders/${placed.orderId}`, headers: { cookie } })).json();
    expect(order.status).toBe('paid');

    await deliverAll(); // order.paid -> customs declares (and the hub files CEB621)
    let status = (await t.app.inject({ url: `/api/customs/orders/${placed.orderId}`, headers: { cookie } })).json();
    expect(status.status).toBe('declared');
    expect(status.documents.map((d: any) => d.status)).toEqual(['sent', 'sent', 'sent', 'sent']);
    expect(isWaybillNo(status.waybillNo)).toBe(true);
    expect(await events('customs.order_released')).toEqual([]); // not before customs answers

    expect(await answerCustoms(t.app)).toBe(4);
    status = (await t.app.inject({ url: `/api/customs/orders/${placed.orderId}`, headers: { cookie } })).json();
    expect(status.status).toBe('released');
    expect(status.receipts.map((r: any) => `${r.code}:${r.passed}`).sort()).toEqual([
      '312:true',
      '412:true',
      '512:true',
      '622:true',
    ]);

    const [released] = await events('customs.order_released');
    expect(released.aggregate_id).toBe(placed.orderId);
    expect(released.payload).toEqual({
      orderId: placed.orderId,
      groupId: placed.orderGroupId,
      sellerId: shop.sellerId,
      waybillNo: status.waybillNo,
      logisticsCode: t.config.customs.logisticsCode,
      consignee: {
        name: '王小明',
        phone: '13800138000',
        address: '广东省广州市天河区天河路385号太古汇一座1201室',
        districtCode: '440106',
      },
      exportDeclaration: {
        originCountry: 'TH',
        fobSatang: 80_000,
        netWeightGrams: 10_000,
        grossWeightGrams: 10_400,
        lines: [
          {
            variantId: rice.variantId,
            hsCode: '100630',
            description: '泰国茉莉香米',
            quantity: 2,
            fobSatang: 80_000,
            netWeightGrams: 10_000,
          },
        ],
      },
    });
    const everything = JSON.stringify(await queryRows(t.app.db, sql`select payload from outbox`));
    expect(everything).not.toContain(id.idNumber);

    // The messages carried the numbers customs matches (sealed at rest, so read them through the sandbox's eyes).
    const xml = await queryRows<{ type: string; xml_sealed: string }>(
      t.app.db,
      sql`select type, xml_sealed from customs_messages where order_id = ${placed.orderId}::uuid`,
    );
    expect(xml.every((m) => !m.xml_sealed.includes('<ceb:'))).toBe(true);

    // A receipt delivered twice changes nothing the second time.
    const [receipt] = await queryRows<{ receipt_id: string; message_guid: string }>(
      t.app.db,
      sql`select receipt_id, message_guid from customs_receipts where order_id = ${placed.orderId}::uuid and code = '622'`,
    );
    const again = await t.app.db.transaction((tx) =>
      receiveReceipt(tx, t.config, {
        receiptId: receipt.receipt_id,
        messageGuid: receipt.message_guid,
        messageType: 'CEB621',
        orderNo: placed.orderNo,
        code: '622',
        passed: true,
        returnStatus: '800',
        reasons: [],
      }),
    );
    expect(again).toBe('duplicate');
    expect(await events('customs.order_released')).toHaveLength(1);

    // The buyer sees the identity masked.
    const facts = (
      await t.app.inject({ url: `/api/crossborder/orders/${placed.orderId}`, headers: { cookie } })
    ).json();
    expect(facts.buyer.idMasked).toMatch(/^440106\*+\d{3}[\dX]$/);
    expect(JSON.stringify(facts)).not.toContain(id.idNumber);
    // Another buyer cannot see it.
    const other = await signedInUser(t.app.db);
    expect(
      (await t.app.inject({ url: `/api/customs/orders/${placed.orderId}`, headers: { cookie: other.cookie } }))
        .statusCode,
    ).toBe(404);
  });
});
