// Checkout: the cart becomes, in one transaction, an order group with one order per shop, its
// stock reserved, immutable line snapshots and totals in satang, status pending_payment.
//
// Checkouts are group-committed (platform/batcher.ts): all checkouts waiting while a batch runs go
// into the next transaction together. Each still gets its own answer, which is stored under its
// Idempotency-Key in the same transaction, so a retry returns the same answer and an order the
// buyer was told about is always committed (and an order nobody was told about never is).
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { createBatcher } from '../../platform/batcher.ts';
import { queryRows, type Db, type Executor } from '../../platform/db.ts';
import { isUniqueViolation } from '../../platform/idempotency.ts';
import type { Config } from '../../platform/config.ts';
import { getVariantsForSale, sellersOfVariants, type VariantForSale } from '../catalog/index.ts';
import { sellerFacts } from '../sellers/index.ts';
import {
  readStock,
  planReservations,
  applyReservations,
  insertReservations,
  StockConflict,
} from '../inventory/index.ts';
import { cartLines, cartVariantIds, clearCarts, lockCarts, shopShipping } from '../cart/index.ts';
import type { ShippingAddress } from './schema.ts';
import { formatOrderNumber } from './views.ts';
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
  ownerKey: string;
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
export type CheckoutAnswer =
  | { statusCode: 201; body: CheckoutSuccess }
  | {
      statusCode: number;
      body: { error: { code: string; params: Record<string, unknown>; fieldErrors: AppError['fieldErrors'] } };
    };

const refusal = (e: AppError): CheckoutAnswer => ({
  statusCode: e.status,
  body: { error: { code: e.code, params: e.params, fieldErrors: e.fieldErrors } },
});

export function answerToError(answer: CheckoutAnswer): AppError | null {
  if (answer.statusCode === 201) return null;
  const { code, params, fieldErrors } = (
    answer.body as { error: { code: string; params: Record<string, unknown>; fieldErrors: AppError['fieldErrors'] } }
  ).error;
  return new AppError(answer.statusCode, code, params, fieldErrors);
}

export async function placeOrders(
  tx: Executor,
  requests: CheckoutRequest[],
  config: Config,
  opts: { lockStockFirst?: boolean; now?: Date; numbers?: OrderNumbers } = {},
): Promise<CheckoutAnswer[]> {
  const now = opts.now ?? new Date();
  const answers: (CheckoutAnswer | undefined)[] = new Array(requests.length);

  // 1. Retries: a key seen before gets its stored answer; twice in one batch, the first one's.
  const firstOf = new Map<string, number>();
  requests.forEach((r, i) => {
    const k = `${r.ownerKey}\0${r.idempotencyKey}`;
    if (!firstOf.has(k)) firstOf.set(k, i);
  });
  // Everything the batch needs to know, in one round trip: the buyers' carts are locked first (a
  // retry racing its original — same key, so same cart — waits here, then finds the original's
  // stored answer), and every later read in the pipeline sees the carts as they are after the lock.
  const ownerKeys = [...new Set(requests.map((r) => r.ownerKey))];
  const inCarts = cartVariantIds(ownerKeys);
  const [, stored, carts, saleable, stockRows, facts] = await Promise.all([
    lockCarts(tx, ownerKeys),
    queryRows<{ scope: string; key: string; request_hash: string; status_code: number; response: any }>(
      tx,
      sql`
      select k.scope, k.key, k.request_hash, k.status_code, k.response from idempotency_keys k
      join jsonb_to_recordset(${JSON.stringify(
        [...firstOf.keys()].map((k) => {
          const [s, key] = k.split('\0');
          return { s, k: key };
        }),
      )}::jsonb) as x(s text, k text)
        on k.scope = x.s and k.key = x.k`,
    ),
    cartLines(tx, ownerKeys),
    getVariantsForSale(tx, inCarts),
    readStock(tx, inCarts, { lock: !!opts.lockStockFirst }),
    sellerFacts(tx, sellersOfVariants(inCarts)),
    opts.numbers?.prefetch(tx, requests.length),
  ]);
  const storedBy = new Map(stored.map((s) => [`${s.scope}\0${s.key}`, s]));
  const fresh: number[] = [];
  requests.forEach((r, i) => {
    const k = `${r.ownerKey}\0${r.idempotencyKey}`;
    const s = storedBy.get(k);
    if (s) {
      answers[i] =
        s.request_hash === r.requestHash
          ? { statusCode: s.status_code, body: s.response }
          : refusal(new AppError(422, 'idempotency_key_reused'));
    } else if (firstOf.get(k) === i) fresh.push(i);
  });

  // 2. What each cart holds, at today's prices.
  const variants = new Map(saleable.map((v) => [v.variantId, v]));
  const claimed = new Set<string>(); // a cart is checked out once per batch, whatever the keys
  const priced: { i: number; cartId: string; lines: { v: VariantForSale; quantity: number }[]; total: number }[] = [];
  for (const i of fresh) {
    const r = requests[i];
    const cart = carts.get(r.ownerKey);
    if (!cart || !cart.lines.length || claimed.has(cart.cartId)) {
      answers[i] = refusal(new AppError(422, 'cart_empty'));
      continue;
    }
    const lines = cart.lines.map((l) => ({ v: variants.get(l.variantId), quantity: l.quantity }));
    const unavailable = cart.lines.filter((_, j) => !lines[j].v?.saleable).map((l) => l.variantId);
    if (unavailable.length) {
      answers[i] = refusal(new AppError(409, 'item_unavailable', { variantIds: unavailable }));
      continue;
    }
    const sellers = new Set(lines.map((l) => l.v!.sellerId));
    const total =
      lines.reduce((s, l) => s + l.v!.priceSatang * l.quantity, 0) +
      [...sellers].reduce((s, id) => s + shopShipping(facts.get(id)?.shippingFlatSatang, config), 0);
    if (r.input.expectedTotalSatang !== undefined && r.input.expectedTotalSatang !== total) {
      answers[i] = refusal(new AppError(409, 'price_changed', { total: (total / 100).toFixed(2), totalSatang: total }));
      continue;
    }
    claimed.add(cart.cartId);
    priced.push({ i, cartId: cart.cartId, lines: lines.map((l) => ({ v: l.v!, quantity: l.quantity })), total });
  }

  // 3. Stock for all of them at once; each checkout is all-or-nothing. Optimistically the rows are
  // locked only at the end (after the orders are written), so batches overlap up to their commit.
  const plan = planReservations(
    stockRows,
    priced.map((p) => p.lines.map((l) => ({ variantId: l.v.variantId, quantity: l.quantity }))),
  );
  const outcomes = plan.outcomes;

  // 4. Orders for those that got their stock.
  const paymentDue = new Date(now.getTime() + config.reservationTtlMinutes * 60_000);
  const groups: any[] = [],
    orders: any[] = [],
    orderLines: any[] = [],
    reservations: any[] = [],
    events: any[] = [];
  const placed: { i: number; body: CheckoutSuccess; cartId: string }[] = [];
  priced.forEach((p, j) => {
    const outcome = outcomes[j];
    const r = requests[p.i];
    if (!outcome.ok) {
      answers[p.i] = refusal(new AppError(409, 'out_of_stock', { variantIds: outcome.soldOut }));
      return;
    }
    const groupId = newId();
    const buyerUserId = r.actor.kind === 'user' ? r.actor.userId : null;
    const guestHash = r.ownerKey.startsWith('g:') ? r.ownerKey.slice(2) : null;
    const bySeller = new Map<string, typeof p.lines>();
    for (const l of p.lines) bySeller.set(l.v.sellerId, [...(bySeller.get(l.v.sellerId) ?? []), l]);
    const body: CheckoutSuccess = {
      orderGroupId: groupId,
      status: 'pending_payment',
      currency: 'THB',
      subtotalSatang: 0,
      shippingSatang: 0,
      totalSatang: 0,
      paymentDueAt: paymentDue.toISOString(),
      orders: [],
    };
    for (const [sellerId, lines] of bySeller) {
      const orderId = newId();
      const subtotal = lines.reduce((s, l) => s + l.v.priceSatang * l.quantity, 0);
      const shipping = shopShipping(facts.get(sellerId)?.shippingFlatSatang, config);
      const order: PlacedOrder = {
        id: orderId,
        number: '',
        sellerId,
        status: 'pending_payment',
        subtotalSatang: subtotal,
        shippingSatang: shipping,
        totalSatang: subtotal + shipping,
        lines: lines.map((l) => ({
          variantId: l.v.variantId,
          sku: l.v.sku,
          title: l.v.title,
          unitPriceSatang: l.v.priceSatang,
          quantity: l.quantity,
          lineTotalSatang: l.v.priceSatang * l.quantity,
        })),
      };
      body.orders.push(order);
      body.subtotalSatang += subtotal;
      body.shippingSatang += shipping;
      body.totalSatang += subtotal + shipping;
      orders.push({
        id: orderId,
        g: groupId,
        s: sellerId,
        b: buyerUserId,
        h: guestHash,
        st: subtotal,
        sh: shipping,
        t: subtotal + shipping,
        a: r.input.shippingAddress,
        d: paymentDue.toISOString(),
      });
      for (const l of lines) {
        orderLines.push({
          id: newId(),
          o: orderId,
          s: sellerId,
          p: l.v.productId,
          v: l.v.variantId,
          k: l.v.sku,
          t: l.v.title,
          ov: l.v.optionValues,
          u: l.v.priceSatang,
          q: l.quantity,
          lt: l.v.priceSatang * l.quantity,
        });
      }
      for (const a of outcome.allocations.filter((a) => a.sellerId === sellerId)) {
        reservations.push({
          orderId,
          sellerId,
          variantId: a.variantId,
          locationId: a.locationId,
          quantity: a.quantity,
          expiresAt: paymentDue,
        });
      }
      const productIds = [...new Set(lines.map((l) => l.v.productId))].sort();
      events.push({
        topic: 'order.placed',
        aggregateId: orderId,
        payload: { orderId, groupId, sellerId, productIds, totalSatang: subtotal + shipping, market: 'TH' },
      });
    }
    groups.push({
      id: groupId,
      b: buyerUserId,
      h: guestHash,
      e: r.input.contactEmail ?? null,
      p: r.input.contactPhone,
      st: body.subtotalSatang,
      sh: body.shippingSatang,
      t: body.totalSatang,
      d: paymentDue.toISOString(),
    });
    placed.push({ i: p.i, body, cartId: p.cartId });
  });

  const writes: Promise<unknown>[] = [];
  if (placed.length) {
    // Order numbers come from this process's block of the sequence (hi/lo), so the orders insert
    // needs no answer and joins the single pipeline of writes below.
    const numbers = await (opts.numbers ?? sequenceNumbers).take(tx, orders.length);
    orders.forEach((o, k) => {
      o.n = numbers[k];
    });
    const numberOf = new Map(orders.map((o) => [o.id, formatOrderNumber(o.n)]));
    for (const p of placed) for (const o of p.body.orders) o.number = numberOf.get(o.id)!;
    writes.push(
      tx.execute(sql`
      with g as (
        insert into order_groups (id, buyer_user_id, guest_token_hash, contact_email, contact_phone, subtotal_satang, shipping_satang, total_satang, payment_due_at)
        select id, b, h, e, p, st, sh, t, d from jsonb_to_recordset(${JSON.stringify(groups)}::jsonb)
          as x(id uuid, b uuid, h text, e text, p text, st bigint, sh bigint, t bigint, d timestamptz)
        returning id
      )
      insert into orders (id, number, group_id, seller_id, buyer_user_id, guest_token_hash, subtotal_satang, shipping_satang, total_satang, shipping_address, payment_due_at)
      select x.id, x.n, x.g, x.s, x.b, x.h, x.st, x.sh, x.t, x.a, x.d from jsonb_to_recordset(${JSON.stringify(orders)}::jsonb)
        as x(id uuid, n bigint, g uuid, s uuid, b uuid, h text, st bigint, sh bigint, t bigint, a jsonb, d timestamptz)
      where exists (select 1 from g where g.id = x.g)`),
    );
    writes.push(
      tx.execute(sql`
        insert into order_lines (id, order_id, seller_id, product_id, variant_id, sku, title, option_values, unit_price_satang, quantity, line_total_satang)
        select id, o, s, p, v, k, t, ov, u, q, lt from jsonb_to_recordset(${JSON.stringify(orderLines)}::jsonb)
          as x(id uuid, o uuid, s uuid, p uuid, v uuid, k text, t jsonb, ov jsonb, u bigint, q int, lt bigint)`),
      insertReservations(tx, reservations),
      tx.execute(sql`
        insert into outbox (topic, aggregate_id, payload)
        select topic, "aggregateId", payload from jsonb_to_recordset(${JSON.stringify(events)}::jsonb) as x(topic text, "aggregateId" uuid, payload jsonb)`),
      clearCarts(
        tx,
        placed.map((p) => p.cartId),
      ),
    );
    for (const p of placed) answers[p.i] = { statusCode: 201, body: p.body };
  }

  // 5. Every first answer is remembered under its key, in this same transaction.
  const toStore = fresh.map((i) => ({
    s: requests[i].ownerKey,
    k: requests[i].idempotencyKey,
    h: requests[i].requestHash,
    c: answers[i]!.statusCode,
    r: answers[i]!.body,
  }));
  if (toStore.length) {
    writes.push(
      tx.execute(sql`
      insert into idempotency_keys (scope, key, request_hash, status_code, response)
      select s, k, h, c, r from jsonb_to_recordset(${JSON.stringify(toStore)}::jsonb) as x(s text, k text, h text, c int, r jsonb)`),
    );
  }
  // The stock rows are locked last, just before the commit.
  writes.push(applyReservations(tx, plan.changes));
  await Promise.all(writes);
  // Duplicates within the batch share the first one's answer (or are refused if the body differs).
  requests.forEach((r, i) => {
    if (answers[i]) return;
    const first = firstOf.get(`${r.ownerKey}\0${r.idempotencyKey}`)!;
    answers[i] =
      requests[first].requestHash === r.requestHash
        ? answers[first]
        : refusal(new AppError(422, 'idempotency_key_reused'));
  });
  return answers as CheckoutAnswer[];
}

/**
 * Order numbers, handed out from blocks drawn from the orders' sequence (the hi/lo pattern): one
 * query per block instead of one per order. Numbers stay unique across processes; a restart leaves
 * a gap, as sequences do anyway.
 */
export interface OrderNumbers {
  /** Draws a new block in the batch's first round trip when fewer than `n` numbers are left. */
  prefetch(tx: Executor, n: number): Promise<void>;
  take(tx: Executor, n: number): Promise<number[]>;
}

export function orderNumberBlocks(blockSize = 1000): OrderNumbers {
  let pool: number[] = [];
  const draw = async (tx: Executor, n: number) => {
    const [row] = await queryRows<{ ns: string[] }>(
      tx,
      sql`
      select array_agg(nextval('orders_number_seq')::text) as ns from generate_series(1, ${Math.max(n, blockSize)}::int)`,
    );
    pool = pool.concat(row.ns.map(Number));
  };
  return {
    async prefetch(tx, n) {
      if (pool.length < n * 4) await draw(tx, n * 4);
    },
    async take(tx, n) {
      if (pool.length < n) await draw(tx, n);
      return pool.splice(0, n);
    },
  };
}

/** For callers without a block allocator (a single checkout in a test). */
const sequenceNumbers = orderNumberBlocks(1);

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
