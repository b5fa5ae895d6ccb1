// Delivery needs proof: a shop that ships itself cannot just say "delivered"; it sends a photo or
// the recipient's signature, which the buyer and operators can see, and the payout hold counts from it.
import { beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { queryRows } from '../../platform/db.ts';
import { drainOutbox, useTestApp } from '../../../test/db.ts';
import { PDF, PNG, multipart } from '../../../test/uploads.ts';
import { signedInUser } from '../catalog/testing.ts';
import { paidOrder } from './testing.ts';
import { s10Number } from './s10.ts';

const t = useTestApp();
let operator: { cookie: string };
beforeAll(async () => {
  operator = await signedInUser(t.database.db, { isOperator: true });
});
let serial = 60_000_000 + Math.floor(Math.random() * 1_000_000);

async function shippedOrder() {
  const o = await paidOrder(t.app, t.database.db);
  for (const payload of [
    { to: 'processing' },
    { to: 'shipped', trackingNumber: s10Number('EE', ++serial), carrier: 'thailand-post' },
  ]) {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/orders/${o.orderId}/transitions`,
      headers: { cookie: o.shop.cookie },
      payload,
    });
    expect(res.statusCode).toBe(200);
  }
  return o;
}

const sendProof = (orderId: string, cookie: string, proof: unknown, file = PNG, lang = 'en') => {
  const body = multipart([
    { name: 'proof', value: JSON.stringify(proof) },
    { name: 'file', filename: 'door.png', type: 'image/png', data: file },
  ]);
  return t.app.inject({
    method: 'POST',
    url: `/api/orders/${orderId}/delivery-proof`,
    headers: { cookie, 'accept-language': lang, ...body.headers },
    payload: body.payload,
  });
};
const statusOf = async (orderId: string, cookie: string) =>
  (await t.app.inject({ url: `/api/orders/${orderId}`, headers: { cookie } })).json().status;

describe('proof of delivery', () => {
  it('refuses a shop’s bare "delivered", and refuses a proof with every field error at once, storing nothing', async () => {
    const o = await shippedOrder();
    const bare = await t.app.inject({
      method: 'POST',
      url: `/api/orders/${o.orderId}/transitions`,
      headers: { cookie: o.shop.cookie, 'accept-language': 'zh' },
      payload: { to: 'delivered' },
    });
    expect(bare.statusCode).toBe(409);
    expect(bare.json()).toMatchObject({ code: 'delivery_proof_required', detail: expect.stringContaining('签收照片') });

    const empty = await sendProof(o.orderId, o.shop.cookie, { kind: 'photo', recipientName: '  ' }, PNG, 'th');
    expect(empty.statusCode).toBe(422);
    expect(empty.json().errors).toEqual([
      expect.objectContaining({ field: 'recipientName', code: 'required', detail: 'จำเป็นต้องกรอก' }),
    ]);
    // No picture and no name: both said at once.
    const bothBody = multipart([{ name: 'proof', value: JSON.stringify({ kind: 'photo', recipientName: '' }) }]);
    const both = await t.app.inject({
      method: 'POST',
      url: `/api/orders/${o.orderId}/delivery-proof`,
      headers: { cookie: o.shop.cookie, 'accept-language': 'zh', ...bothBody.headers },
      payload: bothBody.payload,
    });
    expect(both.statusCode).toBe(422);
    expect(both.json().errors.map((e: { field: string; detail: string }) => [e.field, e.detail])).toEqual([
      ['file', '必填'],
      ['recipientName', '必填'],
    ]);
    const pdf = await sendProof(o.orderId, o.shop.cookie, { kind: 'signature', recipientName: 'สมชาย' }, PDF);
    expect(pdf.statusCode).toBe(422);
    expect(pdf.json().errors[0]).toMatchObject({ field: 'file', detail: expect.stringContaining('picture') });
    const notImage = await sendProof(
      o.orderId,
      o.shop.cookie,
      { kind: 'photo', recipientName: 'สมชาย' },
      Buffer.from('hello'),
    );
    expect(notImage.statusCode).toBe(422);

    expect(await statusOf(o.orderId, o.shop.cookie)).toBe('shipped');
    const [{ n }] = await queryRows<{ n: number }>(
      t.database.db,
      sql`select count(*)::int as n from delivery_proofs where order_id = ${o.orderId}::uuid`,
    );
    expect(n).toBe(0);
  });

  it('lets the shop prove it with a photo: delivered, on the timeline, seen by buyer and operator, not by others', async () => {
    const o = await shippedOrder();
    // The buyer cannot prove their own delivery; another shop's owner does not see the order at all.
    expect((await sendProof(o.orderId, o.buyer.cookie, { kind: 'photo', recipientName: 'x' })).statusCode).toBe(403);
    const other = await paidOrder(t.app, t.database.db);
    expect((await sendProof(o.orderId, other.shop.cookie, { kind: 'photo', recipientName: 'x' })).statusCode).toBe(404);

    const sent = await sendProof(o.orderId, o.shop.cookie, {
      kind: 'photo',
      recipientName: 'สมหญิง ใจดี',
      note: 'วางไว้หน้าบ้าน',
    });
    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toMatchObject({ kind: 'photo', recipientName: 'สมหญิง ใจดี', contentType: 'image/png' });
    expect(await statusOf(o.orderId, o.buyer.cookie)).toBe('delivered');

    for (const cookie of [o.buyer.cookie, operator.cookie, o.shop.cookie]) {
      const seen = await t.app.inject({ url: `/api/orders/${o.orderId}/delivery-proof`, headers: { cookie } });
      expect(seen.json()).toMatchObject({ recipientName: 'สมหญิง ใจดี', note: 'วางไว้หน้าบ้าน' });
      const file = await t.app.inject({ url: seen.json().fileUrl, headers: { cookie } });
      expect(file.headers['content-type']).toBe('image/png');
      expect(file.rawPayload.equals(PNG)).toBe(true);
    }
    const stranger = await t.app.inject({
      url: `/api/orders/${o.orderId}/delivery-proof/file`,
      headers: { cookie: other.shop.cookie },
    });
    expect(stranger.statusCode).toBe(404);

    const timeline = (
      await t.app.inject({ url: `/api/orders/${o.orderId}/tracking`, headers: { cookie: o.buyer.cookie } })
    ).json();
    expect(timeline[0].events[0]).toMatchObject({ code: 'delivered', source: 'seller' });

    // Sent again: refused, nothing changed.
    const again = await sendProof(o.orderId, o.shop.cookie, { kind: 'signature', recipientName: 'อีกคน' });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('already_delivered');
  });

  it('starts the payout hold at the proven delivery', async () => {
    const o = await shippedOrder();
    const before = Date.now();
    expect((await sendProof(o.orderId, o.shop.cookie, { kind: 'signature', recipientName: 'Li Wei' })).statusCode).toBe(
      201,
    );
    await drainOutbox(t.app);
    const [proof] = await queryRows<{ delivered_at: string }>(
      t.database.db,
      sql`select delivered_at from delivery_proofs where order_id = ${o.orderId}::uuid`,
    );
    const [cleared] = await queryRows<{ delivered_at: string }>(
      t.database.db,
      sql`select delivered_at from ledger_order_clearances where order_id = ${o.orderId}::uuid`,
    );
    expect(new Date(cleared.delivered_at).getTime()).toBe(new Date(proof.delivered_at).getTime());
    expect(new Date(proof.delivered_at).getTime()).toBeGreaterThanOrEqual(before - 1000);
  });

  it('leaves an order the hub ships to the carrier: the shop cannot prove it', async () => {
    const o = await shippedOrder();
    await t.database.db.execute(sql`update shipments set fulfilment = 'hub' where order_id = ${o.orderId}::uuid`);
    const res = await sendProof(o.orderId, o.shop.cookie, { kind: 'photo', recipientName: 'x' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('order_fulfilled_by_hub');
    expect(await statusOf(o.orderId, o.shop.cookie)).toBe('shipped');
  });
});
