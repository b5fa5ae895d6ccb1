// Test fixtures for selling to China (crossborder, customs and the modules after them):
//   const p = await bondedProduct(app.db, shop.sellerId, { priceSatang: 40_000, stock: 100 });
//   await freshRate(app.db);                                    // THB->CNY 0.2000, valid from now
//   const { cookie } = await addToCart(app, p.variantId, 2, buyer.cookie);
//   const res = await cnCheckout(app, cookie, buyerIdentity());
//   await payAsBuyer(app, cookie, res.json().orderGroupId, buyerIdentity());
import type { FastifyInstance } from 'fastify';
import { systemActor } from '../../platform/actor.ts';
import { newId } from '../../platform/ids.ts';
import type { Executor } from '../../platform/db.ts';
import { productInStock } from '../inventory/testing.ts';
import { adjustHubStock } from '../inventory/index.ts';
import { HUB_LOCATIONS } from '../inventory/index.ts';
import { setRate } from '../payments/index.ts';
import { cbecProducts } from './schema.ts';
import { residentIdCheckChar } from './rules.ts';

/** A valid 18-character resident ID from 17 digits (birth date inside). */
export const residentId = (first17 = '44010619900307123') => first17 + residentIdCheckChar(first17);

export const buyerIdentity = (over: Record<string, unknown> = {}) => ({
  name: '王小明',
  idNumber: residentId(),
  phone: '13800138000',
  districtCode: '440106',
  addressDetail: '天河路385号太古汇一座1201室',
  ...over,
});

/** An active product eligible for China, its stock in the bonded EEC hub only. */
export async function bondedProduct(
  db: Executor,
  sellerId: string,
  opts: {
    priceSatang?: number;
    stock?: number;
    vatBp?: 900 | 1300;
    consumptionTaxBp?: number;
    yearlyQuantityCap?: number | null;
    eligible?: boolean;
    domesticStock?: number;
  } = {},
): Promise<{ productId: string; variantId: string }> {
  const p = await productInStock(db, sellerId, {
    priceSatang: opts.priceSatang ?? 40_000,
    stock: opts.domesticStock ?? 0,
    titleTh: 'ข้าวหอมมะลิทุ่งกุลาร้องไห้ 5 กก.',
  });
  if ((opts.stock ?? 100) > 0) {
    await adjustHubStock(db, systemActor('test'), {
      locationId: HUB_LOCATIONS.eecBonded.id,
      sellerId,
      variantId: p.variantId,
      delta: opts.stock ?? 100,
      reason: 'inbound (test)',
    });
  }
  await db.insert(cbecProducts).values({
    productId: p.productId,
    sellerId,
    eligible: opts.eligible ?? true,
    vatBp: opts.vatBp ?? 900,
    consumptionTaxBp: opts.consumptionTaxBp ?? 0,
    hsCode: '1006301000',
    customsNameZh: '泰国茉莉香米',
    customsUnit: '011',
    packagingGrams: 200,
    yearlyQuantityCap: opts.yearlyQuantityCap ?? null,
  });
  return p;
}

/** The operator's THB->CNY rate, valid from `validFrom` (now by default). */
export const freshRate = (db: Executor, rate = '0.2000', validFrom = new Date()) =>
  setRate(db, systemActor('test'), {
    base: 'THB',
    quote: 'CNY',
    rate,
    source: 'test rate',
    validFrom: validFrom.toISOString(),
  });

export const cnCheckout = (app: FastifyInstance, cookie: string, body: Record<string, unknown>, key = newId()) =>
  app.inject({
    method: 'POST',
    url: '/api/crossborder/checkout',
    headers: { cookie, 'idempotency-key': key },
    payload: body,
  });

/** Opens an Alipay payment for the group and approves it in the sandbox wallet as `payer`. */
export async function payAsBuyer(
  app: FastifyInstance,
  cookie: string,
  groupId: string,
  payer: { name: string; idNumber: string },
) {
  const res = await app.inject({
    method: 'POST',
    url: `/api/order-groups/${groupId}/payment-intents`,
    headers: { cookie, 'idempotency-key': newId() },
    payload: { method: 'alipay' },
  });
  if (res.statusCode !== 201) throw new Error(`alipay intent not created: ${res.statusCode} ${res.body}`);
  const intent = res.json();
  const paymentId = String(intent.redirectUrl).split('/').pop();
  const confirm = await app.inject({
    method: 'POST',
    url: `/api/sandbox-gateway/alipay/payments/${paymentId}/confirm`,
    payload: { payer: { name: payer.name, idNumber: payer.idNumber } },
  });
  if (confirm.statusCode !== 200) throw new Error(`sandbox wallet refused: ${confirm.statusCode} ${confirm.body}`);
  return intent;
}

// The test entry: the module's public entry, and what only tests reach.
export * from './index.ts';
