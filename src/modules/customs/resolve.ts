// The operator's two ways out of a customs rejection, each in one transaction, idempotent (a
// retried request, or one with the same Idempotency-Key, changes nothing more), operators only:
//   resubmit — the data is right (or was corrected): the four documents are built again from the
//              order's facts with fresh message ids and sent again (same waybill);
//   cancel and refund — the order is cancelled (its units go back to the bonded hub, as any
//              cancellation does), the buyer refunded in full (goods + freight + tax, in CNY through
//              the Alipay refund path), and the queue item closed with who and when. The ledger
//              reverses the sale and the tax withheld, and crossborder gives back the yearly limit,
//              through the outbox (order.cancelled, payment.refunded).
import { and, eq, sql } from 'drizzle-orm';
import { systemActor, type Actor } from '../../platform/actor.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import type { Db, Executor } from '../../platform/db.ts';
import type { Locale } from '../../platform/i18n.ts';
import { hashRequest, idempotent } from '../../platform/idempotency.ts';
import { encryptPersonal } from '../../platform/personal-data.ts';
import { sellerFacts } from '../sellers/index.ts';
import { orderFacts, requireOrder, transitionOrder } from '../orders/index.ts';
import { captureOf } from '../payments/index.ts';
import { recordOrderRefund } from '../payments/index.ts';
import { declarationFacts } from '../crossborder/index.ts';
import { cebXml, type CebMessage } from './ceb.ts';
import { buildDeclaration } from './build.ts';
import { validateDeclaration } from './validate.ts';
import { reasonText } from './reasons.ts';
import type { CustomsRuntime } from './service.ts';
import { customsDeclarations, customsMessages, customsRejections } from './schema.ts';
import './messages.ts';

export interface RejectionOutcome {
  id: string;
  orderId: string;
  status: string;
  resolution: string;
  resolvedBy: string | null;
  resolvedAt: string | null;
  refundId?: string | null;
}

const requireOperator = (actor: Actor): string => {
  if (!(actor.kind === 'user' && actor.isOperator)) throw forbidden();
  return actor.userId;
};

type RejectionRow = typeof customsRejections.$inferSelect;
const outcome = (r: RejectionRow, refundId?: string | null): RejectionOutcome => ({
  id: r.id,
  orderId: r.orderId,
  status: r.status,
  resolution: r.resolution ?? '',
  resolvedBy: r.resolvedBy,
  resolvedAt: r.resolvedAt?.toISOString() ?? null,
  ...(refundId !== undefined ? { refundId } : {}),
});

async function lockRejection(tx: Executor, id: string): Promise<RejectionRow> {
  const [row] = await tx.select().from(customsRejections).where(eq(customsRejections.id, id)).for('update');
  if (!row) throw notFound('rejection');
  return row;
}

/** Closes every open queue item of the order (one rejection often rejects the documents after it too). */
async function closeOrderRejections(tx: Executor, orderId: string, userId: string, resolution: string): Promise<void> {
  await tx
    .update(customsRejections)
    .set({ status: 'resolved', resolution, resolvedBy: userId, resolvedAt: sql`now()` })
    .where(and(eq(customsRejections.orderId, orderId), eq(customsRejections.status, 'open')));
}

export async function resubmitRejected(
  db: Db,
  actor: Actor,
  rt: CustomsRuntime,
  id: string,
  idempotencyKey?: string,
  locale: Locale = 'th',
): Promise<RejectionOutcome> {
  const userId = requireOperator(actor);
  const answer = await idempotent(
    db,
    `customs-resubmit:${id}`,
    idempotencyKey,
    hashRequest('customs-resubmit', { id }),
    async (tx) => {
      const rejection = await lockRejection(tx, id);
      if (rejection.status === 'resolved') {
        if (rejection.resolution === 'resubmitted') return { statusCode: 200, body: outcome(rejection) };
        throw new AppError(409, 'customs_rejection_closed', { resolution: rejection.resolution ?? '' });
      }
      const [decl] = await tx
        .select()
        .from(customsDeclarations)
        .where(eq(customsDeclarations.orderId, rejection.orderId))
        .for('update');
      if (!decl || !['rejected', 'invalid'].includes(decl.status))
        throw new AppError(409, 'customs_not_rejected', { status: decl?.status ?? 'not_declared' });
      const order = await orderFacts(tx, rejection.orderId);
      if (order.status === 'cancelled') throw new AppError(409, 'customs_order_cancelled');
      const facts = await declarationFacts(tx, systemActor('customs'), rt.config, decl.orderId);
      const capture = await captureOf(tx, facts.groupId);
      if (!capture) throw new AppError(409, 'customs_not_paid');
      const shop = (await sellerFacts(tx, [facts.sellerId])).get(facts.sellerId);
      const now = new Date();
      const docs = buildDeclaration({
        facts,
        settings: rt.config.customs,
        shopName: shop ? shop.shopName.zh || shop.shopName.th : facts.sellerId,
        waybillNo: decl.waybillNo,
        now,
        payment: { transactionId: capture.providerRef ?? capture.reference, paidAt: capture.succeededAt ?? now },
      });
      const messages: CebMessage[] = [docs.ceb311, docs.ceb411, docs.ceb511, docs.ceb621];
      const problems = validateDeclaration(docs);
      // Still wrong: nothing is sent, nothing changes; the operator sees why, in their language.
      if (problems.length)
        throw new AppError(422, 'customs_still_invalid', {
          problems: problems.map((p) => reasonText(p.reason, locale)).join('; '),
        });
      await tx.delete(customsMessages).where(eq(customsMessages.orderId, decl.orderId));
      for (const m of messages) {
        const xml = cebXml(m);
        await tx.insert(customsMessages).values({
          guid: m.head.guid,
          orderId: decl.orderId,
          type: m.type,
          xmlSealed: encryptPersonal(rt.config.personalDataKey, xml),
        });
        await rt.gateway.submit(tx, { guid: m.head.guid, type: m.type, orderNo: facts.orderNo, xml });
      }
      await tx
        .update(customsDeclarations)
        .set({ status: 'declared', rejectedAt: null })
        .where(eq(customsDeclarations.orderId, decl.orderId));
      await closeOrderRejections(tx, decl.orderId, userId, 'resubmitted');
      return { statusCode: 200, body: outcome(await lockRejection(tx, id)) };
    },
  );
  return answer.body as RejectionOutcome;
}

/**
 * Cancels the rejected order and refunds it in full, in one transaction. The refund is recorded
 * here (reason order_cancelled, so the payments module's own cancellation handler does not refund
 * again) and sent to the gateway by `send` after the commit (or by the refund job, if that fails).
 */
export async function cancelAndRefundRejected(
  db: Db,
  actor: Actor,
  id: string,
  opts: { idempotencyKey?: string; send?: (refundId: string) => Promise<void> } = {},
): Promise<RejectionOutcome> {
  const userId = requireOperator(actor);
  const answer = await idempotent(
    db,
    `customs-cancel:${id}`,
    opts.idempotencyKey,
    hashRequest('customs-cancel', { id }),
    async (tx) => {
      const rejection = await lockRejection(tx, id);
      if (rejection.status === 'resolved') {
        if (rejection.resolution === 'cancelled_refunded') return { statusCode: 200, body: outcome(rejection, null) };
        throw new AppError(409, 'customs_rejection_closed', { resolution: rejection.resolution ?? '' });
      }
      const [decl] = await tx
        .select()
        .from(customsDeclarations)
        .where(eq(customsDeclarations.orderId, rejection.orderId))
        .for('update');
      if (!decl || !['rejected', 'invalid'].includes(decl.status))
        throw new AppError(409, 'customs_not_rejected', { status: decl?.status ?? 'not_declared' });
      const { order } = await requireOrder(tx, actor, rejection.orderId);
      if (!['paid', 'processing'].includes(order.status))
        throw new AppError(409, 'customs_cannot_cancel', { status: order.status });
      // The orders service cancels (stock back where it was reserved: the bonded hub), in this transaction.
      await transitionOrder(tx as unknown as Db, actor, order.id, 'cancelled', { reason: 'customs_rejected' });
      const refund = await recordOrderRefund(tx, order, order.totalSatang, 'order_cancelled', `user:${userId}`);
      await tx
        .update(customsDeclarations)
        .set({ status: 'cancelled' })
        .where(eq(customsDeclarations.orderId, decl.orderId));
      await closeOrderRejections(tx, decl.orderId, userId, 'cancelled_refunded');
      return { statusCode: 200, body: outcome(await lockRejection(tx, id), refund.id) };
    },
  );
  const body = answer.body as RejectionOutcome;
  if (body.refundId && opts.send) await opts.send(body.refundId);
  return body;
}
