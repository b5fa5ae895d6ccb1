// Refunds: full or partial, per order, by the order's shop or an operator (and automatically when
// a paid order is cancelled, or money arrives that pays for nothing). The refund is recorded first,
// within what is still refundable, then sent to the gateway (idempotent there by refund id); the
// gateway's answer or notification settles it (notifications.ts), and the ledger hears of it.
import { and, eq, inArray, lt, sql } from 'drizzle-orm';
import { systemActor, type Actor } from '../../platform/actor.ts';
import { AppError, forbidden, isAccessRefusal } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { hashRequest, idempotent } from '../../platform/idempotency.ts';
import type { Locale } from '../../platform/i18n.ts';
import type { Db, Executor } from '../../platform/db.ts';
import { requireSellerAccess } from '../sellers/index.ts';
import { orderFacts, requireOrder } from '../orders/index.ts';
import { stopGroupIntents, type PaymentsContext } from './intents.ts';
import { settleRefund } from './notifications.ts';
import type { ProviderName } from './provider.ts';
import { paymentIntents, refunds } from './schema.ts';

export type RefundRow = typeof refunds.$inferSelect;

export interface RefundView {
  id: string;
  intentId: string;
  orderId: string | null;
  sellerId: string | null;
  amount: number;
  currency: string;
  providerAmount: number;
  providerCurrency: string;
  status: string;
  reason: string;
  createdAt: string;
  completedAt: string | null;
}

export const toRefundView = (r: RefundRow): RefundView => ({
  id: r.id,
  intentId: r.intentId,
  orderId: r.orderId,
  sellerId: r.sellerId,
  amount: r.amount,
  currency: r.currency,
  providerAmount: r.providerAmount,
  providerCurrency: r.providerCurrency,
  status: r.status,
  reason: r.reason,
  createdAt: r.createdAt.toISOString(),
  completedAt: r.completedAt ? r.completedAt.toISOString() : null,
});

const REFUNDABLE_STATUSES = new Set(['paid', 'processing', 'shipped', 'delivered', 'cancelled']);

/** Order-currency amount -> intent-currency amount, at the capture's own rate, rounded half up. */
function toIntentCurrency(amount: number, intent: { amount: number; groupAmount: number }): number {
  if (intent.amount === intent.groupAmount) return amount;
  return Number(
    (BigInt(amount) * BigInt(intent.amount) * 2n + BigInt(intent.groupAmount)) / (2n * BigInt(intent.groupAmount)),
  );
}

/**
 * Records a refund of `amount` (order currency) for one order, in the caller's transaction.
 * Cumulative conversion: the intent-currency amounts of an order's refunds add up to exactly the
 * conversion of their sum, so refunding an order in parts returns what refunding it whole would.
 */
export async function recordOrderRefund(
  tx: Executor,
  order: { id: string; groupId: string; sellerId: string; totalSatang: number; currency: string },
  amount: number,
  reason: string,
  requestedBy: string,
): Promise<RefundRow> {
  const [capture] = await tx
    .select()
    .from(paymentIntents)
    .where(and(eq(paymentIntents.groupId, order.groupId), eq(paymentIntents.capturesGroup, true)))
    .for('update');
  if (!capture) throw new AppError(409, 'not_paid');
  const [done] = await tx
    .select({
      amount: sql<number>`coalesce(sum(${refunds.amount}), 0)::bigint`,
      provider: sql<number>`coalesce(sum(${refunds.providerAmount}), 0)::bigint`,
    })
    .from(refunds)
    .where(and(eq(refunds.orderId, order.id), inArray(refunds.status, ['pending', 'succeeded'])));
  const already = Number(done.amount);
  const refundable = order.totalSatang - already;
  if (amount > refundable)
    throw new AppError(422, 'refund_exceeds_paid', { refundable: (refundable / 100).toFixed(2) });
  const providerAmount = toIntentCurrency(already + amount, capture) - toIntentCurrency(already, capture);
  const [row] = await tx
    .insert(refunds)
    .values({
      id: newId(),
      intentId: capture.id,
      orderId: order.id,
      sellerId: order.sellerId,
      amount,
      currency: order.currency,
      providerAmount,
      providerCurrency: capture.currency,
      reason,
      requestedBy,
    })
    .returning();
  return row;
}

async function mayRefund(db: Executor, actor: Actor, sellerId: string): Promise<void> {
  if (actor.kind === 'user' && actor.isOperator) return;
  if (actor.kind === 'guest') throw forbidden();
  await requireSellerAccess(db, actor, sellerId, { membersOnly: true }).catch((err) => {
    throw isAccessRefusal(err) ? forbidden() : err;
  });
}

export async function requestRefund(
  ctx: PaymentsContext,
  actor: Actor,
  orderId: string,
  input: { amount: number; reason: string },
  opts: { idempotencyKey?: string; locale: Locale },
): Promise<RefundView> {
  const { order } = await requireOrder(ctx.db, actor, orderId);
  await mayRefund(ctx.db, actor, order.sellerId);
  if (!REFUNDABLE_STATUSES.has(order.status) || (order.status === 'cancelled' && !order.paidAt))
    throw new AppError(409, 'not_paid');
  const who =
    actor.kind === 'user' ? `user:${actor.userId}` : actor.kind === 'token' ? `token:${actor.tokenId}` : actor.kind;
  const answer = await idempotent(
    ctx.db,
    `refund:${orderId}`,
    opts.idempotencyKey,
    hashRequest('refund', input),
    async (tx) => {
      const row = await recordOrderRefund(tx, order, input.amount, input.reason, who);
      return { statusCode: 201, body: toRefundView(row) };
    },
  );
  const refund = answer.body as RefundView;
  await dispatchRefund(ctx, refund.id);
  const [now] = await ctx.db.select().from(refunds).where(eq(refunds.id, refund.id));
  return toRefundView(now);
}

/** Sends a pending refund to its gateway; settles it at once when the gateway answers with its end. */
export async function dispatchRefund(ctx: PaymentsContext, refundId: string): Promise<void> {
  const [refund] = await ctx.db.select().from(refunds).where(eq(refunds.id, refundId));
  if (!refund || refund.status !== 'pending') return;
  const [intent] = await ctx.db.select().from(paymentIntents).where(eq(paymentIntents.id, refund.intentId));
  try {
    const answer = await ctx.providers[intent.provider as ProviderName].requestRefund({
      refundId: refund.id,
      intentId: intent.id,
      providerRef: intent.providerRef ?? '',
      amount: refund.providerAmount,
      currency: refund.providerCurrency,
      reason: refund.reason,
    });
    if (answer.status !== 'pending')
      await ctx.db.transaction((tx) =>
        settleRefund(tx, refund.id, answer.status as 'succeeded' | 'failed', answer.providerRefundId),
      );
  } catch (err) {
    // Left pending: the refund job sends it again (the gateway de-duplicates by refund id).
    ctx.log.warn({ err, refundId }, 'refund not sent to the gateway; will retry');
  }
}

/** Refunds still pending a few seconds after they were made (recorded by a handler, or not answered) are sent (again). */
export async function sendPendingRefunds(ctx: PaymentsContext, olderThanMs = 5_000): Promise<number> {
  const rows = await ctx.db
    .select({ id: refunds.id })
    .from(refunds)
    .where(and(eq(refunds.status, 'pending'), lt(refunds.createdAt, new Date(Date.now() - olderThanMs))))
    .orderBy(refunds.createdAt)
    .limit(100);
  for (const r of rows) await dispatchRefund(ctx, r.id);
  return rows.length;
}

export async function listRefunds(
  ctx: PaymentsContext,
  actor: Actor,
  orderId: string,
  locale: Locale,
): Promise<RefundView[]> {
  await requireOrder(ctx.db, actor, orderId);
  const rows = await ctx.db.select().from(refunds).where(eq(refunds.orderId, orderId)).orderBy(refunds.createdAt);
  return rows.map(toRefundView);
}

/**
 * order.cancelled: a paid order cancelled by its shop (or an operator) is refunded in full; a
 * group whose unpaid orders were cancelled stops offering payment. Idempotent: an order is
 * refunded for its cancellation once. The refund is recorded here and sent by the refund job.
 */
export async function onOrderCancelled(
  db: Db,
  payload: { orderId: string; groupId: string; from: string; reason: string | null },
): Promise<void> {
  if (payload.from === 'pending_payment') {
    await stopGroupIntents(db, payload.groupId, payload.reason === 'payment_timeout' ? 'expired' : 'cancelled');
    return;
  }
  const order = await orderFacts(db, payload.orderId);
  await db.transaction(async (tx) => {
    const [prior] = await tx
      .select({ id: refunds.id })
      .from(refunds)
      .where(and(eq(refunds.orderId, order.id), eq(refunds.reason, 'order_cancelled')));
    if (prior) return;
    const [done] = await tx
      .select({ amount: sql<number>`coalesce(sum(${refunds.amount}), 0)::bigint` })
      .from(refunds)
      .where(and(eq(refunds.orderId, order.id), inArray(refunds.status, ['pending', 'succeeded'])));
    const rest = order.totalSatang - Number(done.amount);
    // No capture (an order paid before payments existed, or by hand in a test): nothing to send back.
    const [capture] = await tx
      .select({ id: paymentIntents.id })
      .from(paymentIntents)
      .where(and(eq(paymentIntents.groupId, order.groupId), eq(paymentIntents.capturesGroup, true)));
    if (rest > 0 && capture) await recordOrderRefund(tx, order, rest, 'order_cancelled', 'system:order-cancelled');
  });
}

/** Refunds by id, for a module that recorded them and shows their state (pending, succeeded, failed). */
export async function refundsById(db: Executor, ids: string[]): Promise<RefundView[]> {
  if (!ids.length) return [];
  const rows = await db.select().from(refunds).where(inArray(refunds.id, ids));
  return rows.map(toRefundView);
}
