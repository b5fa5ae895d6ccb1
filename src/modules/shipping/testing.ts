// Test fixtures: a paid order (a shop, a product in stock, a buyer who checked out and paid).
import { tmpdir } from 'node:os';
import { PNG, multipart } from '../../../test/uploads.ts';
import { loadShippingConfig } from './config.ts';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import { systemActor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db.ts';
import { addToCart, checkout } from '../../../test/shop.ts';
import { shopWithOwner, signedInUser, type ShopFixture } from '../catalog/testing.ts';
import { productInStock } from '../inventory/testing.ts';
import { markGroupPaid } from '../orders/index.ts';

export interface PaidOrder {
  shop: ShopFixture;
  buyer: { userId: string; cookie: string };
  orderId: string;
  groupId: string;
}

export async function paidOrder(
  app: FastifyInstance,
  db: Db,
  opts: { shop?: ShopFixture; paid?: boolean } = {},
): Promise<PaidOrder> {
  const shop = opts.shop ?? (await shopWithOwner(db));
  const p = await productInStock(db, shop.sellerId, { stock: 50 });
  const buyer = await signedInUser(db);
  const { cookie } = await addToCart(app, p.variantId, 1, buyer.cookie);
  const res = await checkout(app, cookie, `ship-${p.variantId}`);
  expect(res.statusCode).toBe(201);
  const groupId = res.json().orderGroupId;
  if (opts.paid !== false) await markGroupPaid(db, systemActor('payments'), groupId);
  return { shop, buyer: { ...buyer, cookie }, orderId: res.json().orders[0].id, groupId };
}

// The test entry: the module's public entry, and what only tests reach.
export * from './index.ts';
export { labelData } from './label.ts';
export { advanceCarrierSandbox } from './sandbox.ts';
export { shipments } from './schema.ts';

/** The shipping settings of a test app (the carrier sandbox on, as by default). */
export const sandboxShipping = loadShippingConfig({}, { dataDir: tmpdir(), uploadLimitBytes: 10 * 1024 * 1024 });

/** The shop proves a shipped order's delivery with a photo (the only way a shop marks it delivered). */
export async function proveDelivery(app: FastifyInstance, orderId: string, cookie: string, recipientName = 'ผู้รับ') {
  const body = multipart([
    { name: 'proof', value: JSON.stringify({ kind: 'photo', recipientName }) },
    { name: 'file', filename: 'door.png', type: 'image/png', data: PNG },
  ]);
  const res = await app.inject({
    method: 'POST',
    url: `/api/orders/${orderId}/delivery-proof`,
    headers: { cookie, ...body.headers },
    payload: body.payload,
  });
  expect(res.statusCode).toBe(201);
  return res.json();
}
