// Test fixtures for finance: a sandbox lender with its two products and a credit officer; a shop
// with months of real paid orders (placed and paid through checkout, then moved back in time —
// the only way a test gets a history — and approved months ago); consents and applications.
import type { FastifyInstance } from 'fastify';
import { sql } from 'drizzle-orm';
import { newId } from '../../platform/ids.ts';
import { operatorSession } from '../identity/testing.ts';
import { shopWithOwner, signedInUser, type ShopFixture } from '../catalog/testing.ts';
import { productInStock } from '../inventory/testing.ts';
import { paidOrder } from '../hub/testing.ts';
import { DATA_ITEMS } from './profile.ts';

async function call(app: FastifyInstance, method: 'GET' | 'POST', url: string, cookie: string, payload?: object) {
  const res = await app.inject({ method, url, headers: { cookie }, payload });
  if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

export interface TestLender {
  lenderId: string;
  revenueProductId: string;
  instalmentProductId: string;
  staff: { userId: string; cookie: string };
  operatorCookie: string;
}

export async function sandboxLender(app: FastifyInstance, name = 'ธนาคารทดสอบ'): Promise<TestLender> {
  const op = await operatorSession(app);
  const lender = await call(app, 'POST', '/api/operator/finance/lenders', op.cookie, {
    name: { th: name, zh: '测试银行', en: 'Test Bank' },
    gateway: 'sandbox',
    retentionDays: 365,
  });
  const product = (p: object) => call(app, 'POST', `/api/operator/finance/lenders/${lender.id}/products`, op.cookie, p);
  const revenue = await product({
    name: { th: 'เงินทุนหมุนเวียน', en: 'Working capital' },
    minAmount: 500_000,
    maxAmount: 50_000_000,
    minTenorMonths: 3,
    maxTenorMonths: 12,
    rateBp: 800,
    feeBp: 100,
    guaranteeFeeBp: 175,
    guaranteeScheme: 'tcg_ps_smes',
    repayment: 'revenue_share',
    revenueShareBp: 1000,
  });
  const instalment = await product({
    name: { th: 'สินเชื่อผ่อนรายเดือน', en: 'Instalment loan' },
    minAmount: 500_000,
    maxAmount: 100_000_000,
    minTenorMonths: 3,
    maxTenorMonths: 24,
    rateBp: 1200,
    feeBp: 150,
    guaranteeFeeBp: 0,
    guaranteeScheme: null,
    repayment: 'instalments',
    revenueShareBp: null,
  });
  const staff = await signedInUser(app.db);
  await call(app, 'POST', `/api/operator/finance/lenders/${lender.id}/staff`, op.cookie, { userId: staff.userId });
  return {
    lenderId: lender.id,
    revenueProductId: revenue.id,
    instalmentProductId: instalment.id,
    staff,
    operatorCookie: op.cookie,
  };
}

export interface HistoryShop extends ShopFixture {
  variantId: string;
  orderIds: string[];
}

/**
 * An approved shop (approved `tenureMonths` ago) with one paid order of `priceSatang` in each of the
 * last `months` months (the order's payment moved back in time; the ledger posted it as paid now).
 */
export async function shopWithHistory(
  app: FastifyInstance,
  opts: { months?: number; priceSatang?: number; tenureMonths?: number; provinceCode?: string } = {},
): Promise<HistoryShop> {
  const shop = await shopWithOwner(app.db, { provinceCode: opts.provinceCode });
  const { variantId } = await productInStock(app.db, shop.sellerId, {
    priceSatang: opts.priceSatang ?? 600_000,
    stock: 100,
  });
  const orderIds: string[] = [];
  for (let i = 0; i < (opts.months ?? 6); i++) {
    const { orderId } = await paidOrder(app, variantId, 1);
    await app.db.execute(
      sql`update orders set paid_at = paid_at - make_interval(months => ${i}) where id = ${orderId}::uuid`,
    );
    orderIds.push(orderId);
  }
  await app.db.execute(
    sql`update sellers set reviewed_at = now() - make_interval(months => ${opts.tenureMonths ?? 14}) where id = ${shop.sellerId}::uuid`,
  );
  return { ...shop, variantId, orderIds };
}

export function giveConsent(
  app: FastifyInstance,
  shop: { sellerId: string; cookie: string },
  lenderId: string,
  opts: { purpose?: 'credit_assessment' | 'loan_servicing'; items?: readonly string[]; lang?: string } = {},
) {
  return app.inject({
    method: 'POST',
    url: `/api/sellers/${shop.sellerId}/finance/consents`,
    headers: { cookie: shop.cookie, 'accept-language': opts.lang ?? 'th' },
    payload: { lenderId, purpose: opts.purpose ?? 'credit_assessment', dataItems: [...(opts.items ?? DATA_ITEMS)] },
  });
}

export function applyFor(
  app: FastifyInstance,
  shop: { sellerId: string; cookie: string },
  body: { productId: string; amount: number; tenorMonths: number; purpose?: string },
  opts: { lang?: string; key?: string } = {},
) {
  return app.inject({
    method: 'POST',
    url: `/api/sellers/${shop.sellerId}/finance/applications`,
    headers: { cookie: shop.cookie, 'accept-language': opts.lang ?? 'th', 'idempotency-key': opts.key ?? newId() },
    payload: { purpose: 'ซื้อวัตถุดิบ', ...body },
  });
}

export function acceptOfferOf(
  app: FastifyInstance,
  shop: { sellerId: string; cookie: string },
  applicationId: string,
  key = newId(),
) {
  return app.inject({
    method: 'POST',
    url: `/api/sellers/${shop.sellerId}/finance/applications/${applicationId}/accept`,
    headers: { cookie: shop.cookie, 'idempotency-key': key },
    payload: { servicingConsent: true },
  });
}

export * from './index.ts';
export { collectDue, settleCollected } from './loans.ts';
export { eraseExpiredCopies } from './retention.ts';
export { acceptOffer, applyForLoan } from './applications.ts';
export { grantConsent } from './consent.ts';
export { loadFinanceRuntime } from './config.ts';
export { createLender, createProduct } from './lenders.ts';
export { DATA_ITEMS } from './profile.ts';
