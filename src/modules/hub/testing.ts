// Test fixtures for the hub: staff accounts, a paid order drained through the outbox (so the hub
// has its outbound work) — domestic (paidOrder) or cross-border from bonded stock through the real
// cross-border checkout, Alipay as the buyer, and customs (paidCrossBorderOrder, releaseByCustoms).
import type { FastifyInstance } from 'fastify';
import { newId } from '../../platform/ids.ts';
import type { Db } from '../../platform/db.ts';
import { drainOutbox } from '../../../test/db.ts';
import { signedInUser } from '../catalog/testing.ts';
import { addToCart, checkout } from '../../../test/shop.ts';
import { paymentsRuntime } from '../payments/index.ts';
import { deliverDue } from '../payments/testing.ts';
import type { Config } from '../../platform/config.ts';
import { buyerIdentity, cnCheckout, freshRate, payAsBuyer } from '../crossborder/testing.ts';
import { answerCustoms } from '../customs/testing.ts';
import { setHubStaff } from './access.ts';
import { systemActor } from '../../platform/actor.ts';
import type { HubRole } from './access.ts';

export const addDays = (days: number): string =>
  new Date(Date.now() + 7 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

export async function hubWorker(
  db: Db,
  locationId: string,
  role: HubRole = 'manager',
): Promise<{ userId: string; cookie: string }> {
  const u = await signedInUser(db);
  await setHubStaff(db, systemActor('test'), locationId, { userId: u.userId, role });
  return u;
}

/** A buyer checks out `quantity` of a variant and pays by the sandbox QR; the outbox is drained. */
export async function paidOrder(
  app: FastifyInstance,
  variantId: string,
  quantity: number,
): Promise<{ orderId: string; groupId: string; buyerCookie: string }> {
  const buyer = await signedInUser(app.db);
  const { cookie } = await addToCart(app, variantId, quantity, buyer.cookie);
  const res = await checkout(app, cookie, newId());
  if (res.statusCode !== 201) throw new Error(`checkout failed: ${res.statusCode} ${res.body}`);
  const g = res.json();
  const intent = await app.inject({
    method: 'POST',
    url: `/api/order-groups/${g.orderGroupId}/payment-intents`,
    headers: { cookie, 'idempotency-key': newId() },
    payload: { method: 'promptpay' },
  });
  if (intent.statusCode !== 201) throw new Error(`intent failed: ${intent.body}`);
  const paid = await app.inject({
    method: 'POST',
    url: '/api/sandbox-gateway/promptpay/pay',
    payload: { payload: intent.json().promptpay.payload },
  });
  if (paid.statusCode >= 300) throw new Error(`pay failed: ${paid.body}`);
  await deliverDue(paymentsRuntime(app).sandbox!);
  await drainOutbox(app);
  return { orderId: g.orders[0].id, groupId: g.orderGroupId, buyerCookie: cookie };
}

/**
 * A Chinese buyer checks out `quantity` of a bonded variant (eligible for China: crossborder's
 * bondedProduct) through the cross-border checkout and pays with Alipay as herself; the outbox is
 * drained, so customs has declared the order and the hub holds it until customs answers.
 */
export async function paidCrossBorderOrder(
  app: FastifyInstance,
  config: Config,
  variantId: string,
  quantity: number,
  identity = buyerIdentity(),
): Promise<{ orderId: string; groupId: string; orderNo: string; totalFen: number; buyerCookie: string }> {
  await freshRate(app.db);
  const buyer = await signedInUser(app.db);
  const { cookie } = await addToCart(app, variantId, quantity, buyer.cookie);
  const res = await cnCheckout(app, cookie, identity);
  if (res.statusCode !== 201) throw new Error(`cross-border checkout failed: ${res.statusCode} ${res.body}`);
  const placed = res.json();
  await payAsBuyer(app, cookie, placed.orderGroupId, identity);
  await drainOutbox(app);
  return {
    orderId: placed.orderId,
    groupId: placed.orderGroupId,
    orderNo: placed.orderNo,
    totalFen: placed.totalFen,
    buyerCookie: cookie,
  };
}

/** The customs sandbox answers every waiting message (all pass unless a receipt already rejected one); the outbox is drained. */
export async function releaseByCustoms(app: FastifyInstance, config: Config): Promise<void> {
  await answerCustoms(app);
  await drainOutbox(app);
}

// The test entry: the module's public entry, and what only tests reach.
export * from './index.ts';
export { HUB, allocateReady, binsOffMovements, confirmPick, createWaves } from './service.ts';
