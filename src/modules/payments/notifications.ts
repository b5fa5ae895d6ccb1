// What a verified gateway notification does. In one transaction: the notification id is recorded
// (a replay finds it and changes nothing), the intent is locked, the amount and currency must be
// the intent's, and the state only moves forward. A success captures the order group — exactly
// once: the group's intents are locked together and a unique index allows one capture per group.
// Money that arrives for a group already paid, or whose orders were cancelled, is sent back.
import { and, eq, sql } from 'drizzle-orm';
import { systemActor } from '../../platform/actor.ts';
import { AppError } from '../../platform/errors.ts';
import { emit } from '../../events.ts';
import { newId } from '../../platform/ids.ts';
import type { Db, Executor } from '../../platform/db.ts';
import { markGroupPaid } from '../orders/index.ts';
import type { GatewayNotification } from './provider.ts';
import { paymentIntents, paymentNotifications, refunds } from './schema.ts';
import { afterFailure, afterProcessing, afterRefunds, isCaptured, isOpen } from './status.ts';
import { groupRequirement, payerMatches } from './requirements.ts';
import type { IntentRow } from './intents.ts';
import './messages.ts';

export type NotificationOutcome =
  | { outcome: 'duplicate' | 'ignored' | 'applied' | 'captured' }
  | { outcome: 'refunding'; refundId: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function applyNotification(
  db: Db,
  n: GatewayNotification,
  opts: { identityHashKey?: Buffer } = {},
): Promise<NotificationOutcome> {
  if (!UUID.test(n.intentId)) throw new AppError(404, 'unknown_payment');
  return db.transaction(async (tx) => {
    // Every intent of the group is locked, always in id order: notifications for one group queue up
    // (a second success waits, then finds the first one's capture) and never deadlock each other.
    const group = await tx
      .select()
      .from(paymentIntents)
      .where(sql`${paymentIntents.groupId} = (select group_id from payment_intents where id = ${n.intentId}::uuid)`)
      .orderBy(paymentIntents.id)
      .for('update');
    const intent = group.find((i) => i.id === n.intentId);
    if (
      !intent ||
      intent.provider !== n.provider ||
      (intent.providerRef && n.providerRef && intent.providerRef !== n.providerRef)
    ) {
      throw new AppError(404, 'unknown_payment');
    }
    const [fresh] = await tx
      .insert(paymentNotifications)
      .values({
        provider: n.provider,
        notificationId: n.notificationId,
        intentId: intent.id,
        kind: n.kind,
        outcome: 'applied',
      })
      .onConflictDoNothing()
      .returning({ id: paymentNotifications.notificationId });
    if (!fresh) return { outcome: 'duplicate' };

    if (n.kind === 'refund_succeeded' || n.kind === 'refund_failed') {
      if (!UUID.test(n.refundId ?? '')) throw new AppError(404, 'unknown_payment');
      const [refund] = await tx
        .select()
        .from(refunds)
        .where(and(eq(refunds.id, n.refundId!), eq(refunds.intentId, intent.id)));
      if (!refund) throw new AppError(404, 'unknown_payment');
      if (n.currency !== refund.providerCurrency) throw new AppError(422, 'wrong_currency');
      if (n.amount !== refund.providerAmount) throw new AppError(422, 'wrong_amount');
      return (await settleRefund(tx, refund.id, n.kind === 'refund_succeeded' ? 'succeeded' : 'failed', null))
        ? { outcome: 'applied' }
        : { outcome: 'ignored' };
    }

    if (n.currency !== intent.currency) throw new AppError(422, 'wrong_currency');
    if (n.amount !== intent.amount) throw new AppError(422, 'wrong_amount');

    if (n.kind === 'processing' || n.kind === 'failed') {
      const next = n.kind === 'processing' ? afterProcessing(intent.status) : afterFailure(intent.status);
      if (!next) return { outcome: 'ignored' };
      await tx
        .update(paymentIntents)
        .set({
          status: next,
          failureCode: n.failureCode ?? null,
          providerRef: intent.providerRef ?? n.providerRef,
          updatedAt: sql`now()`,
        })
        .where(eq(paymentIntents.id, intent.id));
      return { outcome: 'applied' };
    }

    // succeeded
    if (isCaptured(intent.status) || intent.capturesGroup) return { outcome: 'ignored' };
    if (group.some((g) => g.capturesGroup)) return sendBack(tx, intent, n.providerRef, 'duplicate_payment');
    // A group whose payer is fixed (cross-border) is paid by that person only: anyone else's money goes back.
    const required = await groupRequirement(tx, intent.groupId);
    if (required && !(opts.identityHashKey && payerMatches(opts.identityHashKey, required, n.payer)))
      return sendBack(tx, intent, n.providerRef, 'payer_mismatch');
    return captureGroup(
      tx,
      intent,
      n.providerRef,
      group.some((g) => g.id !== intent.id && isOpen(g.status)),
    );
  });
}

async function captureGroup(
  tx: Executor,
  intent: IntentRow,
  providerRef: string,
  othersOpen: boolean,
): Promise<NotificationOutcome> {
  try {
    // A savepoint: if the orders cannot be paid any more, only this step is undone.
    await tx.transaction((sp) => markGroupPaid(sp as unknown as Db, systemActor('payments'), intent.groupId));
  } catch (err) {
    if (err instanceof AppError && (err.code === 'order_expired' || err.status === 404))
      return sendBack(tx, intent, providerRef, 'late_payment');
    throw err;
  }
  await tx
    .update(paymentIntents)
    .set({
      status: 'succeeded',
      capturesGroup: true,
      providerRef: intent.providerRef ?? providerRef,
      succeededAt: sql`now()`,
      updatedAt: sql`now()`,
    })
    .where(eq(paymentIntents.id, intent.id));
  // Whatever else was open for the group is no longer offered.
  if (othersOpen)
    await tx
      .update(paymentIntents)
      .set({ status: 'cancelled', updatedAt: sql`now()` })
      .where(
        and(
          eq(paymentIntents.groupId, intent.groupId),
          sql`${paymentIntents.id} <> ${intent.id}`,
          sql`${paymentIntents.status} in ('requires_action', 'processing')`,
        ),
      );
  await emit(tx, {
    topic: 'payment.succeeded',
    aggregateId: intent.id,
    payload: {
      intentId: intent.id,
      groupId: intent.groupId,
      method: intent.method,
      amount: intent.amount,
      currency: intent.currency,
      groupAmount: intent.groupAmount,
      groupCurrency: intent.groupCurrency,
      fxRate: intent.fxRate,
      fxSource: intent.fxSource,
      fxRounding: intent.fxRounding,
    },
  });
  return { outcome: 'captured' };
}

/**
 * The gateway took money that pays for nothing (the group was already paid by another intent, or
 * its orders were cancelled): record it and refund all of it.
 */
async function sendBack(
  tx: Executor,
  intent: IntentRow,
  providerRef: string,
  reason: 'duplicate_payment' | 'late_payment' | 'payer_mismatch',
): Promise<NotificationOutcome> {
  await tx
    .update(paymentIntents)
    .set({
      status: 'succeeded',
      providerRef: intent.providerRef ?? providerRef,
      succeededAt: sql`now()`,
      updatedAt: sql`now()`,
      ...(reason === 'payer_mismatch' ? { failureCode: 'payer_mismatch' } : {}),
    })
    .where(eq(paymentIntents.id, intent.id));
  const refundId = newId();
  await tx.insert(refunds).values({
    id: refundId,
    intentId: intent.id,
    orderId: null,
    sellerId: null,
    amount: intent.groupAmount,
    currency: intent.groupCurrency,
    providerAmount: intent.amount,
    providerCurrency: intent.currency,
    reason,
    requestedBy: 'system:payments',
  });
  await emit(tx, {
    topic: 'payment.unallocated',
    aggregateId: intent.id,
    payload: {
      intentId: intent.id,
      groupId: intent.groupId,
      refundId,
      amount: intent.groupAmount,
      currency: intent.groupCurrency,
      providerAmount: intent.amount,
      providerCurrency: intent.currency,
      reason,
    },
  });
  return { outcome: 'refunding', refundId };
}

/**
 * A refund's end, from a notification or the gateway's immediate answer: once only. A success
 * adds to the intent's refunded amount, moves it to partially_refunded / refunded, and tells the
 * ledger. Returns false when the refund had already ended.
 */
export async function settleRefund(
  tx: Executor,
  refundId: string,
  result: 'succeeded' | 'failed',
  providerRefundId: string | null,
): Promise<boolean> {
  const [refund] = await tx
    .update(refunds)
    .set({ status: result, completedAt: sql`now()`, ...(providerRefundId ? { providerRefundId } : {}) })
    .where(and(eq(refunds.id, refundId), eq(refunds.status, 'pending')))
    .returning();
  if (!refund || result === 'failed') return Boolean(refund);
  const [intent] = await tx
    .update(paymentIntents)
    .set({ refundedAmount: sql`${paymentIntents.refundedAmount} + ${refund.providerAmount}`, updatedAt: sql`now()` })
    .where(eq(paymentIntents.id, refund.intentId))
    .returning();
  if (isCaptured(intent.status)) {
    await tx
      .update(paymentIntents)
      .set({ status: afterRefunds(intent.amount, intent.refundedAmount) })
      .where(eq(paymentIntents.id, intent.id));
  }
  await emit(tx, {
    topic: 'payment.refunded',
    aggregateId: refund.id,
    payload: {
      refundId: refund.id,
      intentId: refund.intentId,
      groupId: intent.groupId,
      orderId: refund.orderId,
      sellerId: refund.sellerId,
      amount: refund.amount,
      currency: refund.currency,
      providerAmount: refund.providerAmount,
      providerCurrency: refund.providerCurrency,
      reason: refund.reason,
    },
  });
  return true;
}
