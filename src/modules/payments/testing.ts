// Test helpers for payments and the modules after it (ledger, documents, benchmarks):
//   const p = await placedGroup(app);                          // a checkout awaiting payment
//   const intent = await startIntent(app, p, 'promptpay');      // its PromptPay QR
//   await paySandboxQr(app, intent);                             // a sandbox banking app pays it
//   await sendSigned(app, 'gateway', { type: 'charge.succeeded', data: {...} });  // a hand-made notification
import type { FastifyInstance } from 'fastify';
import { newId } from '../../platform/ids.ts';
import { addToCart, checkout } from '../../../test/shop.ts';
import { shopWithOwner, signedInUser, type ShopFixture } from '../catalog/testing.ts';
import { productInStock } from '../inventory/testing.ts';
import { paymentsRuntime } from './index.ts';
import { signedDelivery, type SandboxGatewayName } from './sandbox/gateway.ts';
import type { SandboxKeys } from './config.ts';

export interface PlacedGroup {
  groupId: string;
  orderIds: string[];
  totalSatang: number;
  buyer: { userId: string; cookie: string };
  shops: ShopFixture[];
  variantIds: string[];
}

/** A buyer's checkout with one order per shop (prices in satang), awaiting payment. */
export async function placedGroup(
  app: FastifyInstance,
  opts: { prices?: number[]; quantity?: number; shops?: ShopFixture[] } = {},
): Promise<PlacedGroup> {
  const prices = opts.prices ?? [89_000];
  const shops = opts.shops ?? (await Promise.all(prices.map(() => shopWithOwner(app.db))));
  const buyer = await signedInUser(app.db);
  let cookie = buyer.cookie;
  const variantIds: string[] = [];
  for (let i = 0; i < prices.length; i++) {
    const p = await productInStock(app.db, shops[i].sellerId, { priceSatang: prices[i], stock: 1000 });
    variantIds.push(p.variantId);
    ({ cookie } = await addToCart(app, p.variantId, opts.quantity ?? 1, cookie));
  }
  const res = await checkout(app, cookie, newId());
  if (res.statusCode !== 201) throw new Error(`checkout failed: ${res.statusCode} ${res.body}`);
  const g = res.json();
  return {
    groupId: g.orderGroupId,
    orderIds: g.orders.map((o: any) => o.id),
    totalSatang: g.totalSatang,
    buyer: { ...buyer, cookie },
    shops,
    variantIds,
  };
}

export async function startIntent(
  app: FastifyInstance,
  p: PlacedGroup,
  method: 'promptpay' | 'alipay' | 'card',
  key = newId(),
) {
  const res = await app.inject({
    method: 'POST',
    url: `/api/order-groups/${p.groupId}/payment-intents`,
    headers: { cookie: p.buyer.cookie, 'idempotency-key': key },
    payload: { method },
  });
  if (res.statusCode !== 201) throw new Error(`payment intent not created: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** A sandbox banking app scans the intent's QR and pays it. */
export const paySandboxQr = (app: FastifyInstance, intent: { promptpay: { payload: string } }) =>
  app.inject({
    method: 'POST',
    url: '/api/sandbox-gateway/promptpay/pay',
    payload: { payload: intent.promptpay.payload },
  });

/**
 * A notification signed as the sandbox gateway signs it (or with other keys, to forge one), sent
 * to the platform's notification route at a chosen time.
 */
export async function sendSigned(
  app: FastifyInstance,
  gateway: SandboxGatewayName,
  body: object,
  opts: { id?: string; now?: number; keys?: SandboxKeys } = {},
) {
  const sandbox = paymentsRuntime(app).sandbox!;
  const signed = signedDelivery(
    { ...sandbox, keys: opts.keys ?? sandbox.keys },
    { id: opts.id ?? newId(), gateway, body },
    opts.now,
  );
  return app.inject({ method: 'POST', url: signed.path, headers: signed.headers, payload: signed.body });
}

/** The body of a card/PromptPay gateway event about an intent. */
export const gatewayEvent = (
  type: string,
  intent: { id: string; amount: number; currency: string; providerRef?: string | null },
  extra: Record<string, unknown> = {},
) => ({
  type,
  data: {
    chargeId: intent.providerRef ?? '',
    merchantRequestId: intent.id,
    amount: intent.amount,
    currency: intent.currency,
    ...extra,
  },
});

/** The body of an Alipay payment-result notification about an intent. */
export const alipayResult = (
  intent: { id: string; amount: number; currency: string; providerRef?: string | null },
  status: 'S' | 'U' | 'F' = 'S',
  extra: Record<string, unknown> = {},
) => ({
  notifyType: 'PAYMENT_RESULT',
  result: { resultCode: status === 'S' ? 'SUCCESS' : 'PROCESSING', resultStatus: status, resultMessage: '' },
  paymentRequestId: intent.id,
  paymentId: intent.providerRef ?? '',
  paymentAmount: { currency: intent.currency, value: String(intent.amount) },
  ...extra,
});

// The test entry: the module's public entry, and what only tests reach.
export * from './index.ts';
export { intentRow } from './intents.ts';
export { NOTIFY_PATHS } from './runtime.ts';
export { deliverDue, signedDelivery } from './sandbox/gateway.ts';
export type { SandboxGateway } from './sandbox/gateway.ts';
export { sendPendingRefunds } from './refunds.ts';
