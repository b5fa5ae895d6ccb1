// A shop ships an order itself: the tracking number is checked for the chosen carrier, the order
// becomes shipped, and buyer and shop follow the carrier sandbox's events to delivery.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db.ts';
import { systemActor } from '../../platform/actor.ts';
import { useTestApp } from '../../../test/db.ts';
import { shopWithOwner, signedInUser } from '../catalog/testing.ts';
import { paidOrder, sandboxShipping } from './testing.ts';
import { advanceCarrierSandbox, runCarrierSandbox } from './sandbox.ts';
import { s10Number } from './s10.ts';

const t = useTestApp();
let operator: { cookie: string };
beforeAll(async () => {
  operator = await signedInUser(t.database.db, { isOperator: true });
});

const ship = async (orderId: string, cookie: string, body: Record<string, unknown>, lang = 'en') => {
  await t.app.inject({
    method: 'POST',
    url: `/api/orders/${orderId}/transitions`,
    headers: { cookie },
    payload: { to: 'processing' },
  });
  return t.app.inject({
    method: 'POST',
    url: `/api/orders/${orderId}/transitions`,
    headers: { cookie, 'accept-language': lang },
    payload: { to: 'shipped', ...body },
  });
};
const tracking = (orderId: string, cookie: string, lang = 'en') =>
  t.app.inject({ url: `/api/orders/${orderId}/tracking`, headers: { cookie, 'accept-language': lang } });
let serial = 40_000_000 + Math.floor(Math.random() * 1_000_000);

describe('a shop ships an order with a tracking number', () => {
  it('refuses a Thailand Post number with a wrong check digit, in the reader’s language, and changes nothing', async () => {
    const o = await paidOrder(t.app, t.database.db);
    const good = s10Number('EE', ++serial);
    const bad = `${good.slice(0, 10)}${(Number(good[10]) + 3) % 10}TH`;
    const en = await ship(o.orderId, o.shop.cookie, { trackingNumber: bad, carrier: 'thailand-post' });
    expect(en.statusCode).toBe(422);
    expect(en.headers['content-type']).toContain('application/problem+json');
    expect(en.json()).toMatchObject({
      code: 'invalid_tracking_number',
      detail: `The tracking number ${bad} is not valid for the chosen carrier`,
    });
    expect(en.json().errors[0]).toMatchObject({
      field: 'trackingNumber',
      detail: expect.stringContaining(`it should be ${good[10]}`),
    });
    const th = await ship(o.orderId, o.shop.cookie, { trackingNumber: bad }, 'th');
    expect(th.json().errors[0].detail).toContain(`ควรเป็น ${good[10]}`);
    const zh = await ship(o.orderId, o.shop.cookie, { trackingNumber: 'XX12345678' }, 'zh');
    expect(zh.json().errors[0].detail).toContain('不是泰国邮政的运单号');
    const order = await t.app.inject({ url: `/api/orders/${o.orderId}`, headers: { cookie: o.shop.cookie } });
    expect(order.json()).toMatchObject({ status: 'processing', trackingNumber: null });
    expect((await tracking(o.orderId, o.buyer.cookie)).json()).toEqual([]);
  });

  it('ships with a valid Thailand Post number; the buyer sees the sandbox timeline advance to delivered', async () => {
    const o = await paidOrder(t.app, t.database.db);
    const number = s10Number('EE', ++serial);
    const res = await ship(o.orderId, o.shop.cookie, {
      trackingNumber: number.toLowerCase().replace(/(.{4})/g, '$1 '),
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'shipped', trackingNumber: number });

    const first = (await tracking(o.orderId, o.buyer.cookie)).json();
    expect(first).toHaveLength(1);
    expect(first[0]).toMatchObject({
      carrier: 'thailand-post',
      carrierName: 'Thailand Post',
      trackingNumber: number,
      sandbox: true,
      fulfilment: 'seller',
    });
    expect(first[0].events.map((e: any) => e.code)).toEqual(['shipped_by_seller']);

    // The post office accepts it at once; nothing more is due yet; a day of carrier time later it is out for delivery.
    expect(await runCarrierSandbox(t.database.db)).toBe(1);
    expect(await runCarrierSandbox(t.database.db)).toBe(0);
    await advanceCarrierSandbox(t.database.db, systemActor('test'), { hours: 23 }, sandboxShipping);
    const middle = (await tracking(o.orderId, o.shop.cookie, 'th')).json()[0];
    expect(middle.events.map((e: any) => e.code)).toEqual([
      'out_for_delivery',
      'in_transit',
      'accepted',
      'shipped_by_seller',
    ]);
    expect(middle.events[0]).toMatchObject({ label: 'กำลังนำจ่าย', place: 'ไปรษณีย์ปลายทาง จ.กรุงเทพมหานคร' });
    expect(
      (await t.app.inject({ url: `/api/orders/${o.orderId}`, headers: { cookie: o.buyer.cookie } })).json().status,
    ).toBe('shipped');

    await advanceCarrierSandbox(t.database.db, systemActor('test'), { hours: 48 }, sandboxShipping);
    const last = (await tracking(o.orderId, o.buyer.cookie)).json()[0];
    expect(last.status).toBe('delivered');
    expect(last.events[0]).toMatchObject({ code: 'delivered', label: 'Delivered' });
    expect(
      (await t.app.inject({ url: `/api/orders/${o.orderId}`, headers: { cookie: o.buyer.cookie } })).json().status,
    ).toBe('delivered');
    // Running the sandbox again reports nothing twice.
    expect(await advanceCarrierSandbox(t.database.db, systemActor('test'), { hours: 100 }, sandboxShipping)).toBe(0);

    const topics = await queryRows<{ topic: string }>(
      t.database.db,
      sql`
      select topic from outbox where aggregate_id in (select id from shipments where order_id = ${o.orderId}::uuid) order by id`,
    );
    const list = topics.map((r) => r.topic);
    expect(list[0]).toBe('shipment.handed_over');
    expect(list.filter((x) => x === 'shipment.tracking').length).toBe(last.events.length - 1);
    expect(list.at(-1)).toBe('shipment.delivered');
  });

  it('refuses a second "shipped" with another (or an invalid) tracking number; a retry of the same changes nothing', async () => {
    const o = await paidOrder(t.app, t.database.db);
    const number = s10Number('EE', ++serial);
    expect((await ship(o.orderId, o.shop.cookie, { trackingNumber: number })).statusCode).toBe(200);
    const again = (trackingNumber: string, lang = 'en') =>
      t.app.inject({
        method: 'POST',
        url: `/api/orders/${o.orderId}/transitions`,
        headers: { cookie: o.shop.cookie, 'accept-language': lang },
        payload: { to: 'shipped', trackingNumber },
      });
    const invalid = await again('XX12345678');
    expect(invalid.statusCode).toBe(409);
    expect(invalid.headers['content-type']).toContain('application/problem+json');
    expect(invalid.json()).toMatchObject({
      code: 'already_shipped',
      detail: `This order was already shipped with tracking number ${number}; nothing was changed`,
    });
    const other = await again(s10Number('EE', ++serial), 'th');
    expect(other.statusCode).toBe(409);
    expect(other.json().detail).toContain('จัดส่งแล้ว');
    const retry = await again(number);
    expect(retry.statusCode).toBe(200);
    const order = await t.app.inject({ url: `/api/orders/${o.orderId}`, headers: { cookie: o.shop.cookie } });
    expect(order.json()).toMatchObject({ status: 'shipped', trackingNumber: number });
    expect((await tracking(o.orderId, o.buyer.cookie)).json()).toHaveLength(1);
  });

  it('shows only what was entered for a carrier the sandbox does not play, and checks its format', async () => {
    const o = await paidOrder(t.app, t.database.db);
    const wrong = await ship(o.orderId, o.shop.cookie, { carrier: 'kerry-express', trackingNumber: '12345' });
    expect(wrong.statusCode).toBe(422);
    expect(wrong.json().errors[0].detail).toBe(
      'is not a Kerry Express (KEX) tracking number: it should be 3–5 letters followed by 8–12 digits',
    );
    expect(
      (await ship(o.orderId, o.shop.cookie, { carrier: 'pigeon', trackingNumber: 'ABC12345678' })).json().errors[0],
    ).toMatchObject({ field: 'carrier' });
    const ok = await ship(o.orderId, o.shop.cookie, { carrier: 'flash-express', trackingNumber: 'TH01234567890A' });
    expect(ok.json()).toMatchObject({ status: 'shipped', trackingNumber: 'TH01234567890A' });
    await advanceCarrierSandbox(t.database.db, systemActor('test'), { hours: 200 }, sandboxShipping);
    const [line] = (await tracking(o.orderId, o.buyer.cookie, 'zh')).json();
    expect(line).toMatchObject({ carrier: 'flash-express', sandbox: false });
    expect(line.events).toEqual([
      expect.objectContaining({ code: 'shipped_by_seller', label: '店铺已通过Flash Express 快递发货' }),
    ]);
  });

  it('refuses a tracking number already used for another order', async () => {
    const shop = await shopWithOwner(t.database.db);
    const a = await paidOrder(t.app, t.database.db, { shop });
    const b = await paidOrder(t.app, t.database.db, { shop });
    const number = s10Number('EE', ++serial);
    expect((await ship(a.orderId, shop.cookie, { trackingNumber: number })).statusCode).toBe(200);
    const again = await ship(b.orderId, shop.cookie, { trackingNumber: number });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('tracking_number_in_use');
  });

  it('shows the timeline to the order’s buyer, its shop and operators only', async () => {
    const o = await paidOrder(t.app, t.database.db);
    await ship(o.orderId, o.shop.cookie, { trackingNumber: s10Number('EE', ++serial) });
    const otherShop = await shopWithOwner(t.database.db);
    const otherBuyer = await signedInUser(t.database.db);
    expect((await tracking(o.orderId, otherShop.cookie)).statusCode).toBe(404);
    expect((await tracking(o.orderId, otherBuyer.cookie)).statusCode).toBe(404);
    expect((await tracking(o.orderId, operator.cookie)).json()).toHaveLength(1);
    // Only operators move the sandbox's clock; everyone sees which carriers a shop may name.
    const advance = (cookie: string) =>
      t.app.inject({ method: 'POST', url: '/api/carrier-sandbox/advance', headers: { cookie }, payload: { hours: 1 } });
    expect((await advance(o.shop.cookie)).statusCode).toBe(403);
    expect((await advance(operator.cookie)).statusCode).toBe(200);
    const carriers = (
      await t.app.inject({ url: '/api/shipping/carriers', headers: { 'accept-language': 'th' } })
    ).json();
    expect(carriers.map((c: any) => c.name)).toEqual([
      'ไปรษณีย์ไทย',
      'เคอรี่ เอ็กซ์เพรส (KEX)',
      'แฟลช เอ็กซ์เพรส',
      'เจแอนด์ที เอ็กซ์เพรส',
    ]);
    // The other shop cannot ship it either.
    expect((await ship(o.orderId, otherShop.cookie, { trackingNumber: s10Number('EE', ++serial) })).statusCode).toBe(
      404,
    );
  });
});
