// Test fixtures for the hub: staff accounts, an ASN received and put away, a paid order drained
// through the outbox (so the hub has its outbound work).
import type { FastifyInstance } from 'fastify';
import { newId } from '../../platform/ids.ts';
import type { Db } from '../../platform/db.ts';
import { deliverOutbox } from '../../platform/outbox.ts';
import { outboxHandlers } from '../../jobs.ts';
import { signedInUser } from '../catalog/testing.ts';
import { addToCart, checkout } from '../../../test/shop.ts';
import { paymentsRuntime } from '../payments/routes.ts';
import { deliverDue } from '../payments/sandbox/gateway.ts';
import { hubStaff } from './schema.ts';
import type { HubRole } from './access.ts';

export const addDays = (days: number): string => new Date(Date.now() + 7 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);

export async function hubWorker(db: Db, locationId: string, role: HubRole = 'manager'): Promise<{ userId: string; cookie: string }> {
  const u = await signedInUser(db);
  await db.insert(hubStaff).values({ userId: u.userId, locationId, role });
  return u;
}

export async function drainAll(db: Db): Promise<void> {
  const handlers = outboxHandlers();
  for (let i = 0; i < 50 && (await deliverOutbox(db, handlers)) > 0; i++);
}

/** A buyer checks out `quantity` of a variant and pays by the sandbox QR; the outbox is drained. */
export async function paidOrder(app: FastifyInstance, variantId: string, quantity: number): Promise<{ orderId: string; groupId: string; buyerCookie: string }> {
  const buyer = await signedInUser(app.db);
  const { cookie } = await addToCart(app, variantId, quantity, buyer.cookie);
  const res = await checkout(app, cookie, newId());
  if (res.statusCode !== 201) throw new Error(`checkout failed: ${res.statusCode} ${res.body}`);
  const g = res.json();
  const intent = await app.inject({ method: 'POST', url: `/api/order-groups/${g.orderGroupId}/payment-intents`, headers: { cookie, 'idempotency-key': newId() }, payload: { method: 'promptpay' } });
  if (intent.statusCode !== 201) throw new Error(`intent failed: ${intent.body}`);
  const paid = await app.inject({ method: 'POST', url: '/api/sandbox-gateway/promptpay/pay', payload: { payload: intent.json().promptpay.payload } });
  if (paid.statusCode >= 300) throw new Error(`pay failed: ${paid.body}`);
  await deliverDue(paymentsRuntime(app).sandbox!);
  await drainAll(app.db);
  return { orderId: g.orders[0].id, groupId: g.orderGroupId, buyerCookie: cookie };
}
