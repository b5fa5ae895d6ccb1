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
  totalSatang: number;
  lines: {
    variantId: string;
    sku: string;
    title: VariantForSale['title'];
    unitPriceSatang: number;
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
  opts: { lockStockFirst?: boolean; now?: Date; numbers?: OrderNumbers } = {},
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
  const [, , carts, saleable, stockRows, facts] = await Promise.all([
    lockCarts(tx, owners),
    keys.recall(tx),
    cartLines(tx, owners),
    getVariantsForSale(tx, inCarts),
    readStock(tx, inCarts, { lock: !!opts.lockStockFirst }),
    sellerFacts(tx, sellersOfVariants(inCarts)),
    opts.numbers?.prefetch(tx, requests.length),
  ]);
  const answers = new Map<number, StoredResponse>();

  // 2. What each cart holds, at today's prices (only requests not answered before).
  const variants = new Map(saleable.map((v) => [v.variantId, v]));
  const claimed = new Set<string>(); // a cart is checked out once per batch, whatever the keys
  const priced: { i: number; cartId: string; lines: { v: VariantForSale; quantity: number }[] }[] = [];
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
    const total =
      lines.reduce((s, l) => s + l.v!.priceSatang * l.quantity, 0) +
      [...sellers].reduce((s, id) => s + shopShipping(facts.get(id)?.shippingFlatSatang, config), 0);
    if (r.input.expectedTotalSatang !== undefined && r.input.expectedTotalSatang !== total) {
      answers.set(
        i,
        refusal(new AppError(409, 'price_changed', { total: (total / 100).toFixed(2), totalSatang: total })),
      );
      continue;
    }
    claimed.add(cart.cartId);
    priced.push({ i, cartId: cart.cartId, lines: lines.map((l) => ({ v: l.v!, quantity: l.quantity })) });
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
  priced.forEach((p, j) => {
    const outcome = plan.outcomes[j];
    if (!outcome.ok) {
      answers.set(p.i, refusal(new AppError(409, 'out_of_stock', { variantIds: outcome.soldOut })));
      return;
    }
    const r = requests[p.i];
    const bySeller = new Map<string, typeof p.lines>();
    for (const l of p.lines) bySeller.set(l.v.sellerId, [...(bySeller.get(l.v.sellerId) ?? []), l]);
    drafts.push({
      id: newId(),
      buyer: r.owner,
      contactPhone: r.input.contactPhone,
      contactEmail: r.input.contactEmail ?? null,
      market: 'TH',
      kind: 'goods',
      paymentDueAt,
      orders: [...bySeller].map(([sellerId, lines]) => ({
        id: newId(),
        sellerId,
        shippingSatang: shopShipping(facts.get(sellerId)?.shippingFlatSatang, config),
        shippingAddress: r.input.shippingAddress,
        lines: lines.map((l) => goodsLine(l.v, l.quantity)),
        reservations: outcome.allocations.filter((a) => a.sellerId === sellerId),
      })),
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
    totalSatang: orderTotal(o),
    lines: o.lines.map((l) => ({
      variantId: l.variantId!,
      sku: l.sku,
      title: l.title as VariantForSale['title'],
      unitPriceSatang: l.unitPriceSatang,
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
): Promise<CheckoutAnswer[]> {
  try {
    return await db.transaction((tx) => placeOrders(tx, requests, config, { numbers }));
  } catch (err) {
    // Lost a race for stock: plan again with the rows locked. Lost a race for an Idempotency-Key
    // (its original committed meanwhile): run again, which returns the stored answer.
    if (!(err instanceof StockConflict) && !isUniqueViolation(err)) throw err;
    return db.transaction((tx) => placeOrders(tx, requests, config, { lockStockFirst: true, numbers }));
  }
}

/** The checkout group committer of one running app. */
export function createCheckout(db: Db, config: Config) {
  const numbers = orderNumberBlocks();
  const batcher = createBatcher<CheckoutRequest, CheckoutAnswer>({
    maxSize: config.checkoutBatchMax,
    concurrency: 3,
    run: (reqs) => placeOrdersDurably(db, reqs, config, numbers),
    runOne: async (req) => (await placeOrdersDurably(db, [req], config, numbers))[0],
  });
  return (req: CheckoutRequest) => batcher.submit(req);
}
