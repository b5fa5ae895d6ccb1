// Cross-border checkout (market CN): the cart becomes one order to China, in one transaction —
// landed price in CNY within the per-order limit, the buyer's identity within the yearly limit
// (counted by identity across accounts, serialized per identity by a lock row), units from the
// bonded hub only (orders/checkout-market.ts), and the payment fixed to the exact CNY total and the
// buyer as payer (payments/requirements.ts).
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import { systemActor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import type { Config } from '../../platform/config.ts';
import type { Db, Executor } from '../../platform/db.ts';
import { emit } from '../../events.ts';
import { hashRequest, idempotent, type StoredResponse } from '../../platform/idempotency.ts';
import { getVariantsForSale } from '../catalog/index.ts';
import { type CartOwner, cartLines, lockCarts, ownerKey } from '../cart/index.ts';
import { bondedAvailability } from '../inventory/index.ts';
import { placeMarketOrders } from '../orders/index.ts';
import { requireGroupPayment } from '../payments/index.ts';
import { cbecIdentityLocks, cbecOrders, cbecRefundsSeen, type CbecLine } from './schema.ts';
import { checkIdentity, type BuyerIdentityInput } from './identity.ts';
import { quoteOrder, sellingRate, type OrderQuote } from './pricing.ts';
import { productTerms } from './terms.ts';
import { chinaYear, ORDER_LIMIT_FEN, YEARLY_LIMIT_FEN } from './rules.ts';
import type { FxRate } from '../payments/index.ts';
import './messages.ts';

export interface CrossBorderCheckoutInput extends BuyerIdentityInput {
  /** The landed total in fen the buyer saw; a different total now is refused. */
  expectedTotalFen?: number;
}

const yuan = (fen: number) => (fen / 100).toFixed(2);

/** The cart as one landed order to China, with every rule checked that needs no identity. */
export async function quoteCart(
  tx: Executor,
  config: Config,
  ownerKey: string,
  now = new Date(),
): Promise<{ cartId: string; quote: OrderQuote; rate: FxRate }> {
  const cart = (await cartLines(tx, [ownerKey])).get(ownerKey);
  if (!cart || !cart.lines.length) throw new AppError(422, 'cart_empty');
  const variants = new Map(
    (
      await getVariantsForSale(
        tx,
        cart.lines.map((l) => l.variantId),
      )
    ).map((v) => [v.variantId, v]),
  );
  const unavailable = cart.lines.filter((l) => !variants.get(l.variantId)?.saleable).map((l) => l.variantId);
  if (unavailable.length) throw new AppError(409, 'item_unavailable', { variantIds: unavailable });
  const lines = cart.lines.map((l) => ({ v: variants.get(l.variantId)!, quantity: l.quantity }));
  const sellers = new Set(lines.map((l) => l.v.sellerId));
  // One customs order is one shop's order with one payment: the three documents must match 1:1.
  if (sellers.size > 1) throw new AppError(422, 'cbec_one_shop_per_order');
  const terms = await productTerms(
    tx,
    lines.map((l) => l.v.productId),
  );
  const ineligible = lines.filter((l) => !terms.get(l.v.productId)?.eligible).map((l) => l.v.variantId);
  if (ineligible.length) throw new AppError(422, 'cbec_not_eligible', { variantIds: ineligible });
  // Only what the bonded hub holds goes to China: a product with no bonded stock is refused here,
  // before the quote (the checkout's reservation checks again, atomically).
  const bonded = await bondedAvailability(
    tx,
    lines.map((l) => l.v.variantId),
  );
  const short = lines.filter((l) => (bonded.get(l.v.variantId) ?? 0) < l.quantity).map((l) => l.v.variantId);
  if (short.length) throw new AppError(409, 'out_of_stock_bonded', { variantIds: short });
  const rate = await sellingRate(tx, config, now);
  const quote = quoteOrder(
    config,
    rate,
    [...sellers][0],
    lines.map((l) => ({ ...l, terms: terms.get(l.v.productId)! })),
  );
  return { cartId: cart.cartId, quote, rate };
}

/** Refuses an order over 5,000 CNY. A single indivisible item over it would be general trade, which Talad does not handle. */
export function checkOrderLimit(q: OrderQuote): void {
  if (q.landed.totalFen <= ORDER_LIMIT_FEN) return;
  const single = q.lines.length === 1 && q.lines[0].quantity === 1;
  throw new AppError(422, single ? 'cbec_single_item_over_limit' : 'cbec_order_limit', {
    total: yuan(q.landed.totalFen),
    limit: yuan(ORDER_LIMIT_FEN),
  });
}

/** What one identity has used of this year's limit: paid orders less refunds, and unpaid orders still open (they may yet be paid). */
export async function yearlyUsage(
  tx: Executor,
  idHash: string,
  year: number,
): Promise<{ usedFen: number; quantities: Map<string, number> }> {
  const rows = await tx
    .select({
      totalFen: cbecOrders.totalFen,
      refundedFen: cbecOrders.refundedFen,
      lines: cbecOrders.lines,
      status: cbecOrders.status,
    })
    .from(cbecOrders)
    .where(and(eq(cbecOrders.idHash, idHash), eq(cbecOrders.year, year), ne(cbecOrders.status, 'cancelled')));
  const quantities = new Map<string, number>();
  for (const r of rows)
    for (const l of r.lines) quantities.set(l.productId, (quantities.get(l.productId) ?? 0) + l.quantity);
  return { usedFen: rows.reduce((s, r) => s + r.totalFen - r.refundedFen, 0), quantities };
}

/** Locks the identity's row: concurrent checkouts of one person (from any account) take turns from here to their commit. */
async function lockIdentity(tx: Executor, idHash: string): Promise<void> {
  await tx.insert(cbecIdentityLocks).values({ idHash }).onConflictDoNothing();
  await tx
    .select({ h: cbecIdentityLocks.idHash })
    .from(cbecIdentityLocks)
    .where(eq(cbecIdentityLocks.idHash, idHash))
    .for('update');
}

function checkYearly(q: OrderQuote, usage: Awaited<ReturnType<typeof yearlyUsage>>): void {
  if (usage.usedFen + q.landed.totalFen > YEARLY_LIMIT_FEN) {
    throw new AppError(422, 'cbec_yearly_limit', {
      limit: yuan(YEARLY_LIMIT_FEN),
      used: yuan(usage.usedFen),
      remaining: yuan(Math.max(0, YEARLY_LIMIT_FEN - usage.usedFen)),
      total: yuan(q.landed.totalFen),
    });
  }
  for (const l of q.lines) {
    const cap = l.terms.yearlyQuantityCap;
    const had = usage.quantities.get(l.v.productId) ?? 0;
    if (cap !== null && had + l.quantity > cap)
      throw new AppError(422, 'cbec_quantity_cap', { cap, bought: had, sku: l.v.sku });
  }
}

export interface CrossBorderPlaced {
  orderGroupId: string;
  orderId: string;
  orderNo: string;
  market: 'CN';
  status: 'pending_payment';
  paymentDueAt: string;
  currency: 'CNY';
  goodsFen: number;
  freightFen: number;
  taxFen: number;
  totalFen: number;
  fx: { rate: string; source: string; validFrom: string };
  buyer: { name: string; idMasked: string };
  payment: { method: 'alipay'; payerMustBe: string };
}

export async function crossBorderCheckout(
  db: Db,
  actor: Actor,
  config: Config,
  input: { owner: CartOwner; idempotencyKey?: string; body: CrossBorderCheckoutInput; now?: Date },
): Promise<StoredResponse> {
  const now = input.now ?? new Date();
  const id = checkIdentity(config, input.body);
  // The request hash covers the ID number only as its keyed hash: nothing personal is stored with the key.
  const { idNumber: _omit, ...rest } = input.body;
  const hash = hashRequest('cbec-checkout', { ...rest, idHash: id.idHash });
  const cartKey = ownerKey(input.owner);
  return idempotent(db, `cbec-checkout:${cartKey}`, input.idempotencyKey, hash, async (tx) => {
    await lockCarts(tx, [cartKey]);
    const { cartId, quote, rate } = await quoteCart(tx, config, cartKey, now);
    if (input.body.expectedTotalFen !== undefined && input.body.expectedTotalFen !== quote.landed.totalFen) {
      throw new AppError(409, 'cbec_price_changed', {
        total: yuan(quote.landed.totalFen),
        totalFen: quote.landed.totalFen,
      });
    }
    checkOrderLimit(quote);
    await lockIdentity(tx, id.idHash);
    const year = chinaYear(now);
    checkYearly(quote, await yearlyUsage(tx, id.idHash, year));

    const placed = await placeMarketOrders(
      tx,
      input.owner,
      {
        market: 'CN',
        cartId,
        lines: quote.lines.map((l) => ({ v: l.v, quantity: l.quantity })),
        shippingSatangBySeller: new Map([[quote.sellerId, quote.freightSatang]]),
        contactPhone: id.phone,
        now,
        shippingAddress: {
          name: id.consigneeName,
          phone: id.consigneePhone,
          houseNumber: id.addressDetail,
          subdistrict: id.district.county,
          district: id.district.city,
          provinceCode: '',
          postcode: '',
          country: 'CN',
          districtCode: id.districtCode,
          fullAddress: id.address,
        },
      },
      config,
    );
    const order = placed.orders[0];
    const lines: CbecLine[] = quote.lines.map((l, i) => ({
      variantId: l.v.variantId,
      productId: l.v.productId,
      sku: l.v.sku,
      itemNameZh: l.terms.customsNameZh,
      hsCode: l.terms.hsCode,
      unit: l.terms.customsUnit,
      quantity: l.quantity,
      unitPriceSatang: l.v.priceSatang,
      unitPriceFen: l.unitPriceFen,
      goodsFen: quote.landed.lines[i].goodsFen,
      freightFen: quote.landed.lines[i].freightFen,
      taxFen: quote.landed.lines[i].taxFen,
      vatBp: l.terms.vatBp,
      consumptionTaxBp: l.terms.consumptionTaxBp,
      netWeightGrams: l.v.weightGrams,
      grossWeightGrams: l.v.weightGrams + l.terms.packagingGrams,
    }));
    await tx.insert(cbecOrders).values({
      orderId: order.id,
      groupId: placed.groupId,
      sellerId: order.sellerId,
      orderNo: order.number,
      buyerUserId: actor.kind === 'user' ? actor.userId : null,
      year,
      idHash: id.idHash,
      buyerName: id.name,
      idSealed: id.idSealed,
      idMasked: id.idMasked,
      buyerPhone: id.phone,
      consigneeName: id.consigneeName,
      consigneePhone: id.consigneePhone,
      consigneeAddress: id.address,
      districtCode: id.districtCode,
      fxRate: rate.rate,
      fxSource: rate.source,
      fxValidFrom: new Date(rate.validFrom),
      goodsFen: quote.landed.goodsFen,
      freightFen: quote.landed.freightFen,
      taxFen: quote.landed.taxFen,
      totalFen: quote.landed.totalFen,
      goodsSatang: order.subtotalSatang,
      lines,
    });
    await requireGroupPayment(tx, systemActor('crossborder'), {
      groupId: placed.groupId,
      method: 'alipay',
      amount: quote.landed.totalFen,
      currency: 'CNY',
      fxRate: rate.rate,
      fxSource: rate.source,
      payerFingerprint: id.payerFingerprint,
    });
    const body: CrossBorderPlaced = {
      orderGroupId: placed.groupId,
      orderId: order.id,
      orderNo: order.number,
      market: 'CN',
      status: 'pending_payment',
      paymentDueAt: placed.paymentDueAt,
      currency: 'CNY',
      goodsFen: quote.landed.goodsFen,
      freightFen: quote.landed.freightFen,
      taxFen: quote.landed.taxFen,
      totalFen: quote.landed.totalFen,
      fx: { rate: rate.rate, source: rate.source, validFrom: rate.validFrom },
      buyer: { name: id.name, idMasked: id.idMasked },
      payment: { method: 'alipay', payerMustBe: id.name },
    };
    return { statusCode: 201, body };
  });
}

/** Status changes that move the yearly count (outbox handlers; idempotent). */
export async function markCbecStatus(db: Executor, orderId: string, status: 'paid' | 'cancelled'): Promise<void> {
  await db
    .update(cbecOrders)
    .set({ status })
    .where(and(eq(cbecOrders.orderId, orderId), ne(cbecOrders.status, status)));
}

/**
 * order.paid: counted as paid, and the tax the buyer paid is announced for the ledger (the platform
 * withholds it for customs) — in one transaction, once (only when the status changes).
 */
export async function markCbecPaid(db: Db, orderId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(cbecOrders)
      .set({ status: 'paid' })
      .where(and(eq(cbecOrders.orderId, orderId), eq(cbecOrders.status, 'pending')))
      .returning({
        sellerId: cbecOrders.sellerId,
        groupId: cbecOrders.groupId,
        taxFen: cbecOrders.taxFen,
        fxRate: cbecOrders.fxRate,
        fxSource: cbecOrders.fxSource,
      });
    if (!row) return;
    await emit(tx, {
      topic: 'crossborder.tax_collected',
      aggregateId: orderId,
      payload: {
        orderId,
        groupId: row.groupId,
        sellerId: row.sellerId,
        taxFen: row.taxFen,
        currency: 'CNY',
        fxRate: row.fxRate,
        fxSource: row.fxSource,
      },
    });
  });
}

/** A refund, counted back towards the yearly limit once per refund id (its CNY amount when paid in CNY). */
export async function recordCbecRefund(
  db: Executor,
  p: { refundId: string; groupId: string; orderId: string | null; providerAmount: number; providerCurrency: string },
): Promise<void> {
  if (p.providerCurrency !== 'CNY') return;
  const [fresh] = await db.insert(cbecRefundsSeen).values({ refundId: p.refundId }).onConflictDoNothing().returning();
  if (!fresh) return;
  const where = p.orderId ? eq(cbecOrders.orderId, p.orderId) : eq(cbecOrders.groupId, p.groupId);
  await db
    .update(cbecOrders)
    .set({
      refundedFen: sql`least(${cbecOrders.totalFen}, ${cbecOrders.refundedFen} + ${p.providerAmount})`,
    })
    .where(and(where, eq(cbecOrders.status, 'paid')));
}
