// Test fixtures for the hub: staff accounts, a paid order drained through the outbox (so the hub
// has its outbound work) — domestic (paidOrder) or cross-border from bonded stock through the real
// cross-border checkout, Alipay as the buyer, and customs (paidCrossBorderOrder, releaseByCustoms).
import type { FastifyInstance } from 'fastify';
import { newId } from '../../platform/ids.ts';
import type { Db } from '../../platform/db.ts';
import { deliverOutbox } from '../../platform/outbox.ts';
import { outboxHandlers } from '../../jobs.ts';
import { signedInUser } from '../catalog/testing.ts';
import { addToCart, checkout } from '../../../test/shop.ts';
import { paymentsRuntime } from '../payments/routes.ts';
import { deliverDue } from '../payments/sandbox/gateway.ts';
import type { Config } from '../../platform/config.ts';
import { buyerIdentity, cnCheckout, freshRate, payAsBuyer } from '../crossborder/testing.ts';
import { runSandboxOnce } from '../customs/routes.ts';
import { hubStaff } from './schema.ts';
import type { HubRole } from './access.ts';

export const addDays = (days: number): string =>
  new Date(Date.now() + 7 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

export async function hubWorker(
  db: Db,
  locationId: string,
  role: HubRole = 'manager',
): Promise<{ userId: string; cookie: string }> {
  const u = await signedInUser(db);
  await db.insert(hubStaff).values({ userId: u.userId, locationId, role });
  return u;
}

export async function drainAll(db: Db, config?: Config): Promise<void> {
  const handlers = outboxHandlers(config);
  for (let i = 0; i < 50 && (await deliverOutbox(db, handlers)) > 0; i++);
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
  await drainAll(app.db);
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
  await drainAll(app.db, config);
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
  await runSandboxOnce(app.db, config);
  await drainAll(app.db, config);
}
