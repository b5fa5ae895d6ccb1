// Checkout: the cart becomes, in one transaction, an order group with one order per shop, its
// stock reserved, immutable line snapshots and totals in satang, status pending_payment.
//
// Checkouts are group-committed (platform/batcher.ts): all checkouts waiting while a batch runs go
// into the next transaction together. Each still gets its own answer, which is stored under its
// Idempotency-Key in the same transaction, so a retry returns the same answer and an order the
// buyer was told about is always committed (and an order nobody was told about never is).
import type { Actor } from '../../platform/actor.ts';
import { createBatcher } from '../../platform/batcher.ts';
import type { Config } from '../../platform/config.ts';
import type { Db, Executor } from '../../platform/db.ts';
import { AppError } from '../../platform/errors.ts';
import {
  IdempotentBatch,
  isUniqueViolation,
  refusal,
  type StoredRefusal,
  type StoredResponse,
} from '../../platform/idempotency.ts';
import { newId } from '../../platform/ids.ts';
import {
  type CartOwner,
  cartLines,
  cartVariantIds,
  clearCarts,
  lockCarts,
  ownerKey,
  shopShipping,
} from '../cart/index.ts';
import { getVariantsForSale, sellersOfVariants, type VariantForSale } from '../catalog/index.ts';
import { applyReservations, planReservations, readStock, StockConflict } from '../inventory/index.ts';
import { sellerFacts } from '../sellers/index.ts';
import type { Hooks } from '../../platform/module.ts';
import {
  type CheckoutPromotions,
  checkoutPromotionsHook,
  type OrderDiscount,
  type PlacedPromotion,
  PromotionConflict,
  type PromotionOutcome,
} from './promotions.ts';
import type { ShippingAddress } from './schema.ts';
import {
  type GroupDraft,
  lineTotal,
  type OrderLineDraft,
  type OrderNumbers,
  orderNumberBlocks,
  orderSubtotal,
  orderTotal,
  writeOrders,
} from './writer.ts';
import './messages.ts';

export interface CheckoutInput {
  shippingAddress: ShippingAddress;
  contactPhone: string;
  contactEmail?: string;
  /** What the buyer saw; when the total has changed since, the checkout is refused. */
  expectedTotalSatang?: number;
  /** Voucher codes the buyer applies (at most one per shop and one of the platform's). */
  voucherCodes?: string[];
}

export interface CheckoutRequest {
  actor: Actor;
  owner: CartOwner;
  idempotencyKey: string;
  requestHash: string;
  input: CheckoutInput;
}

export interface PlacedOrder {
  id: string;
  number: string;
  sellerId: string;
  status: 'pending_payment';
  subtotalSatang: number;
  shippingSatang: number;
  discountSatang: number;
  discounts: OrderDiscount[];
  totalSatang: number;
  lines: {
    variantId: string;
    sku: string;
    title: VariantForSale['title'];
    unitPriceSatang: number;
    listUnitPriceSatang: number | null;
    campaignId: string | null;
    quantity: number;
    lineTotalSatang: number;
  }[];
}

export interface CheckoutSuccess {
  orderGroupId: string;
  status: 'pending_payment';
  currency: 'THB';
  subtotalSatang: number;
  shippingSatang: number;
  discountSatang: number;
  totalSatang: number;
  paymentDueAt: string;
  orders: PlacedOrder[];
}

/** The first answer to a checkout, as stored: a success (201) or a refusal (its code and params). */
export type CheckoutAnswer = { statusCode: 201; body: CheckoutSuccess } | { statusCode: number; body: StoredRefusal };

export async function placeOrders(
  tx: Executor,
  requests: CheckoutRequest[],
  config: Config,
  opts: { lockStockFirst?: boolean; now?: Date; numbers?: OrderNumbers; promotions?: CheckoutPromotions } = {},
): Promise<CheckoutAnswer[]> {
  const now = opts.now ?? new Date();
  const keys = new IdempotentBatch(
    requests.map((r) => ({ scope: ownerKey(r.owner), key: r.idempotencyKey, requestHash: r.requestHash })),
  );
  // 1. Everything the batch needs to know, in one round trip: the buyers' carts are locked first (a
  // retry racing its original — same key, so same cart — waits here, then finds the original's
  // stored answer), and every later read in the pipeline sees the carts as they are after the lock.
  const owners = [...new Set(requests.map((r) => ownerKey(r.owner)))];
  const inCarts = cartVariantIds(owners);
  const codes = [...new Set(requests.flatMap((r) => r.input.voucherCodes ?? []))];
  const [, , carts, saleable, stockRows, facts, book] = await Promise.all([
    lockCarts(tx, owners),
    keys.recall(tx),
    cartLines(tx, owners),
    getVariantsForSale(tx, inCarts),
    readStock(tx, inCarts, { lock: !!opts.lockStockFirst }),
    sellerFacts(tx, sellersOfVariants(inCarts)),
    // Campaign prices, vouchers and their uses so far (locked, after a lost race, in stock's wake).
    opts.promotions?.read(tx, {
      variantIds: inCarts,
      sellerIds: sellersOfVariants(inCarts),
      buyerKeys: owners,
      codes,
      lock: !!opts.lockStockFirst,
      now,
    }),
    opts.numbers?.prefetch(tx, requests.length),
  ]);
  const answers = new Map<number, StoredResponse>();

  // 2. What each cart holds, at today's prices (only requests not answered before).
  const variants = new Map(saleable.map((v) => [v.variantId, v]));
  const claimed = new Set<string>(); // a cart is checked out once per batch, whatever the keys
  const priced: {
    i: number;
    cartId: string;
    lines: { v: VariantForSale; quantity: number }[];
    promoted: (PromotionOutcome & { ok: true }) | null;
  }[] = [];
  for (const i of keys.fresh()) {
    const r = requests[i];
    const cart = carts.get(ownerKey(r.owner));
    if (!cart || !cart.lines.length || claimed.has(cart.cartId)) {
      answers.set(i, refusal(new AppError(422, 'cart_empty')));
      continue;
    }
    const lines = cart.lines.map((l) => ({ v: variants.get(l.variantId), quantity: l.quantity }));
    const unavailable = cart.lines.filter((_, j) => !lines[j].v?.saleable).map((l) => l.variantId);
    if (unavailable.length) {
      answers.set(i, refusal(new AppError(409, 'item_unavailable', { variantIds: unavailable })));
      continue;
    }
    const sellers = new Set(lines.map((l) => l.v!.sellerId));
    const shipping = [...sellers].reduce((s, id) => s + shopShipping(facts.get(id)?.shippingFlatSatang, config), 0);
    let total = lines.reduce((s, l) => s + l.v!.priceSatang * l.quantity, 0) + shipping;
    let promoted: (PromotionOutcome & { ok: true }) | null = null;
    if (book) {
      // The shops' lines in the order the orders keep them (the priced lines come back in it too).
      const shopLines = [...sellers].map((sellerId) => lines.filter((l) => l.v!.sellerId === sellerId));
      const outcome = book.price({
        buyerKey: ownerKey(r.owner),
        voucherCodes: r.input.voucherCodes ?? [],
        orders: [...sellers].map((sellerId, k) => ({
          sellerId,
          shippingSatang: shopShipping(facts.get(sellerId)?.shippingFlatSatang, config),
          lines: shopLines[k].map((l) => ({
            productId: l.v!.productId,
            variantId: l.v!.variantId,
            quantity: l.quantity,
            listPriceSatang: l.v!.priceSatang,
          })),
        })),
      });
      if (!outcome.ok) {
        answers.set(i, refusal(outcome.error));
        continue;
      }
      promoted = outcome;
      total = shipping;
      outcome.orders.forEach((o, k) => {
        total -= o.discountSatang;
        o.lines.forEach((l, j) => {
          total += l.unitPriceSatang * shopLines[k][j].quantity;
        });
      });
    }
    if (r.input.expectedTotalSatang !== undefined && r.input.expectedTotalSatang !== total) {
      answers.set(
        i,
        refusal(new AppError(409, 'price_changed', { total: (total / 100).toFixed(2), totalSatang: total })),
      );
      continue;
    }
    claimed.add(cart.cartId);
    priced.push({ i, cartId: cart.cartId, lines: lines.map((l) => ({ v: l.v!, quantity: l.quantity })), promoted });
  }

  // 3. Stock for all of them at once; each checkout is all-or-nothing. Optimistically the rows are
  // locked only at the end (after the orders are written), so batches overlap up to their commit.
  const plan = planReservations(
    stockRows,
    priced.map((p) => p.lines.map((l) => ({ variantId: l.v.variantId, quantity: l.quantity }))),
  );

  // 4. Orders for those that got their stock: one group per checkout, one order per shop.
  const paymentDueAt = new Date(now.getTime() + config.reservationTtlMinutes * 60_000);
  const drafts: GroupDraft[] = [];
  const placedCarts: string[] = [];
  const placedRequests: number[] = [];
  const placedPromotions: PlacedPromotion[] = [];
  priced.forEach((p, j) => {
    const outcome = plan.outcomes[j];
    if (!outcome.ok) {
      answers.set(p.i, refusal(new AppError(409, 'out_of_stock', { variantIds: outcome.soldOut })));
      return;
    }
    const r = requests[p.i];
    const bySeller = new Map<string, typeof p.lines>();
    for (const l of p.lines) bySeller.set(l.v.sellerId, [...(bySeller.get(l.v.sellerId) ?? []), l]);
    const groupId = newId();
    const orderIdOf = new Map([...bySeller.keys()].map((sellerId) => [sellerId, newId()]));
    if (p.promoted) {
      placedPromotions.push({ outcome: p.promoted, buyerKey: ownerKey(r.owner), groupId, orderIdOf });
    }
    drafts.push({
      id: groupId,
      buyer: r.owner,
      contactPhone: r.input.contactPhone,
      contactEmail: r.input.contactEmail ?? null,
      market: 'TH',
      kind: 'goods',
      paymentDueAt,
      orders: [...bySeller].map(([sellerId, lines]) => {
        const promo = p.promoted?.orders.find((o) => o.sellerId === sellerId);
        return {
          id: orderIdOf.get(sellerId)!,
          sellerId,
          shippingSatang: shopShipping(facts.get(sellerId)?.shippingFlatSatang, config),
          shippingAddress: r.input.shippingAddress,
          lines: lines.map((l, k) => ({ ...goodsLine(l.v, l.quantity), ...promo?.lines[k] })),
          discountSatang: promo?.discountSatang ?? 0,
          discounts: promo?.discounts ?? [],
          reservations: outcome.allocations.filter((a) => a.sellerId === sellerId),
        };
      }),
    });
    placedCarts.push(p.cartId);
    placedRequests.push(p.i);
  });
  // Order numbers come from this process's block of the sequence (hi/lo), so the writes need no
  // answer from the database and go out as one pipeline, the stock rows locked last, before the commit.
  const numbers = await writeOrders(tx, drafts, opts.numbers);
  for (const [k, g] of drafts.entries()) answers.set(placedRequests[k], placedAnswer(g, numbers));
  await Promise.all([
    clearCarts(tx, placedCarts),
    // 5. Every first answer is remembered under its key, in this same transaction.
    keys.remember(tx, answers),
    applyReservations(tx, plan.changes),
    // The promotions' counters in the same round trip, after the stock (statements run in the order
    // they are sent, which is the order a locked retry takes its rows in, so batches cannot deadlock).
    book && placedPromotions.length ? book.commit(tx, placedPromotions) : undefined,
  ]);
  return keys.answers(answers) as CheckoutAnswer[];
}

/** A line of goods as the order keeps it: the variant's texts and price at the time of sale. */
export const goodsLine = (v: VariantForSale, quantity: number): OrderLineDraft => ({
  productId: v.productId,
  variantId: v.variantId,
  sku: v.sku,
  title: v.title,
  optionValues: v.optionValues,
  unitPriceSatang: v.priceSatang,
  quantity,
});

/** What the buyer is told of a placed checkout (and what a retry is told again). */
function placedAnswer(g: GroupDraft, numbers: Map<string, string>): CheckoutAnswer {
  const orders: PlacedOrder[] = g.orders.map((o) => ({
    id: o.id,
    number: numbers.get(o.id)!,
    sellerId: o.sellerId,
    status: 'pending_payment',
    subtotalSatang: orderSubtotal(o),
    shippingSatang: o.shippingSatang,
    discountSatang: o.discountSatang ?? 0,
    discounts: o.discounts ?? [],
    totalSatang: orderTotal(o),
    lines: o.lines.map((l) => ({
      variantId: l.variantId!,
      sku: l.sku,
      title: l.title as VariantForSale['title'],
      unitPriceSatang: l.unitPriceSatang,
      listUnitPriceSatang: l.listUnitPriceSatang ?? null,
      campaignId: l.campaignId ?? null,
      quantity: l.quantity,
      lineTotalSatang: lineTotal(l),
    })),
  }));
  const sum = (f: (o: PlacedOrder) => number) => orders.reduce((s, o) => s + f(o), 0);
  return {
    statusCode: 201,
    body: {
      orderGroupId: g.id,
      status: 'pending_payment',
      currency: 'THB',
      subtotalSatang: sum((o) => o.subtotalSatang),
      shippingSatang: sum((o) => o.shippingSatang),
      discountSatang: sum((o) => o.discountSatang),
      totalSatang: sum((o) => o.totalSatang),
      paymentDueAt: g.paymentDueAt.toISOString(),
      orders,
    },
  };
}

/** One batch in one transaction: optimistic first, and with the stock locked first if it lost a race. */
export async function placeOrdersDurably(
  db: Db,
  requests: CheckoutRequest[],
  config: Config,
  numbers?: OrderNumbers,
  promotions?: CheckoutPromotions,
): Promise<CheckoutAnswer[]> {
  try {
    return await db.transaction((tx) => placeOrders(tx, requests, config, { numbers, promotions }));
  } catch (err) {
    // Lost a race for stock (or a campaign's units, a voucher's uses): plan again with the rows
    // locked. Lost a race for an Idempotency-Key (its original committed meanwhile): run again,
    // which returns the stored answer.
    if (!(err instanceof StockConflict) && !(err instanceof PromotionConflict) && !isUniqueViolation(err)) throw err;
    return db.transaction((tx) => placeOrders(tx, requests, config, { lockStockFirst: true, numbers, promotions }));
  }
}

/** The checkout group committer of one running app. */
export function createCheckout(db: Db, config: Config, hooks?: Hooks) {
  const numbers = orderNumberBlocks();
  // Hooks are filled in after every runtime has started, so the promotions are looked up per batch.
  const promotions = () => hooks?.get(checkoutPromotionsHook);
  const batcher = createBatcher<CheckoutRequest, CheckoutAnswer>({
    maxSize: config.checkoutBatchMax,
    concurrency: 3,
    run: (reqs) => placeOrdersDurably(db, reqs, config, numbers, promotions()),
    runOne: async (req) => (await placeOrdersDurably(db, [req], config, numbers, promotions()))[0],
  });
  return (req: CheckoutRequest) => batcher.submit(req);
}
