// Trade protection: the buyer claims on a received order (late shipment, or quality not as agreed)
// up to 30 days after receipt, with evidence; the shop answers within 3 days; from day 4 the buyer
// may escalate, and on day 8 the platform escalates by itself (a job); the operator decides a refund
// up to what was paid, booked in the ledger from the shop's balance as owed back to the buyer.
// Every function takes `now`, so the tests move the clock.
import { and, desc, eq, inArray, lte } from 'drizzle-orm';
import { type Actor, isOperator } from '../../platform/actor.ts';
import type { Db, Executor } from '../../platform/db.ts';
import { AppError, forbidden, invalid, notFound, unauthenticated } from '../../platform/errors.ts';
import { LOCALES, type Locale } from '../../platform/i18n.ts';
import { newId } from '../../platform/ids.ts';
import { post } from '../ledger/index.ts';
import './messages.ts';
import { tradeClaims, tradeMilestones, tradeOrders } from './schema.ts';
import { buyersOrder, shopsOrder } from './trade-orders.ts';

const DAY = 86_400_000;
export const CLAIM_DAYS = { afterReceipt: 30, answer: 3, buyerEscalates: 3, platformEscalates: 7 } as const;
export const CLAIM_REASONS = ['late_shipment', 'not_as_agreed'] as const;
type ClaimRow = typeof tradeClaims.$inferSelect;

const claimView = (c: ClaimRow) => ({
  id: c.id,
  tradeOrderId: c.tradeOrderId,
  sellerId: c.sellerId,
  reason: c.reason,
  description: c.description,
  language: c.language,
  evidence: c.evidence,
  requestedSatang: c.requestedSatang,
  status: c.status,
  sellerAnswer: c.sellerAnswer,
  answeredAt: c.answeredAt?.toISOString() ?? null,
  answerDueAt: new Date(c.openedAt.getTime() + CLAIM_DAYS.answer * DAY).toISOString(),
  buyerMayEscalateAt: new Date(c.openedAt.getTime() + CLAIM_DAYS.buyerEscalates * DAY).toISOString(),
  escalatedAt: c.escalatedAt?.toISOString() ?? null,
  escalatedBy: c.escalatedBy,
  refundSatang: c.refundSatang,
  decisionNote: c.decisionNote,
  decidedAt: c.decidedAt?.toISOString() ?? null,
  openedAt: c.openedAt.toISOString(),
});
export type ClaimView = ReturnType<typeof claimView>;

/** What the buyer paid on the order: its paid milestones. */
async function paidOf(db: Executor, tradeOrderId: string) {
  const rows = await db
    .select()
    .from(tradeMilestones)
    .where(and(eq(tradeMilestones.tradeOrderId, tradeOrderId), eq(tradeMilestones.status, 'paid')))
    .orderBy(desc(tradeMilestones.createdAt));
  return { total: rows.reduce((s, m) => s + m.amountSatang, 0), last: rows[0] ?? null };
}

const tooMuch = (max: number, field: string) =>
  new AppError(422, 'validation_failed', {}, [
    { field, code: 'claim_above_paid', params: { max: (max / 100).toFixed(2) } },
  ]);

export interface ClaimInput {
  reason: (typeof CLAIM_REASONS)[number];
  description: string;
  language: Locale;
  evidence: { name: string; url: string }[];
  requestedSatang: number;
}

export async function openClaim(db: Db, actor: Actor, tradeOrderId: string, input: ClaimInput, now = new Date()) {
  if (actor.kind !== 'user') throw unauthenticated();
  const order = await buyersOrder(db, actor, tradeOrderId);
  if (!CLAIM_REASONS.includes(input.reason)) throw invalid('reason', 'invalid');
  if (!LOCALES.includes(input.language)) throw invalid('language', 'invalid');
  const description = input.description.trim();
  if (!description) throw invalid('description', 'required');
  if (order.status !== 'received' || !order.receivedAt) throw new AppError(409, 'claim_not_received');
  if (now.getTime() > order.receivedAt.getTime() + CLAIM_DAYS.afterReceipt * DAY)
    throw new AppError(409, 'claim_window_closed', { days: CLAIM_DAYS.afterReceipt });
  const { total } = await paidOf(db, order.id);
  if (!Number.isSafeInteger(input.requestedSatang) || input.requestedSatang < 1)
    throw invalid('requestedSatang', 'invalid');
  if (input.requestedSatang > total) throw tooMuch(total, 'requestedSatang');
  const id = newId();
  const done = await db
    .insert(tradeClaims)
    .values({
      id,
      tradeOrderId: order.id,
      sellerId: order.sellerId,
      buyerId: order.buyerId,
      openedBy: actor.userId,
      reason: input.reason,
      description,
      language: input.language,
      evidence: input.evidence,
      requestedSatang: input.requestedSatang,
      status: 'open',
      openedAt: now,
    })
    .onConflictDoNothing()
    .returning();
  if (!done.length) throw new AppError(409, 'claim_exists');
  return claimView(done[0]);
}

async function claimOfOrder(db: Executor, tradeOrderId: string): Promise<ClaimRow> {
  const [c] = await db.select().from(tradeClaims).where(eq(tradeClaims.tradeOrderId, tradeOrderId));
  if (!c) throw notFound('trade_claim');
  return c;
}

export async function buyersClaim(db: Executor, actor: Actor, tradeOrderId: string) {
  const order = await buyersOrder(db, actor, tradeOrderId);
  return claimView(await claimOfOrder(db, order.id));
}

export async function shopsClaim(db: Executor, actor: Actor, sellerId: string, tradeOrderId: string) {
  const order = await shopsOrder(db, actor, sellerId, tradeOrderId);
  return claimView(await claimOfOrder(db, order.id));
}

/** The shop answers, within 3 days of the claim. */
export async function answerClaim(
  db: Db,
  actor: Actor,
  sellerId: string,
  tradeOrderId: string,
  answer: string,
  now = new Date(),
) {
  const order = await shopsOrder(db, actor, sellerId, tradeOrderId);
  const c = await claimOfOrder(db, order.id);
  const text = answer.trim();
  if (!text) throw invalid('answer', 'required');
  if (c.status !== 'open') throw new AppError(409, 'claim_state', { status: c.status });
  if (now.getTime() > c.openedAt.getTime() + CLAIM_DAYS.answer * DAY)
    throw new AppError(409, 'claim_answer_late', { days: CLAIM_DAYS.answer });
  const [row] = await db
    .update(tradeClaims)
    .set({ status: 'answered', sellerAnswer: text, answeredAt: now })
    .where(and(eq(tradeClaims.id, c.id), eq(tradeClaims.status, 'open')))
    .returning();
  if (!row) throw new AppError(409, 'claim_state', { status: c.status });
  return claimView(row);
}

/** The buyer escalates to the operator, from day 4 (three full days after the claim). */
export async function escalateClaim(db: Db, actor: Actor, tradeOrderId: string, now = new Date()) {
  const order = await buyersOrder(db, actor, tradeOrderId);
  const c = await claimOfOrder(db, order.id);
  if (c.status !== 'open' && c.status !== 'answered') throw new AppError(409, 'claim_state', { status: c.status });
  if (now.getTime() < c.openedAt.getTime() + CLAIM_DAYS.buyerEscalates * DAY)
    throw new AppError(409, 'claim_escalate_early', { days: CLAIM_DAYS.buyerEscalates });
  const [row] = await db
    .update(tradeClaims)
    .set({ status: 'escalated', escalatedAt: now, escalatedBy: 'buyer' })
    .where(and(eq(tradeClaims.id, c.id), inArray(tradeClaims.status, ['open', 'answered'])))
    .returning();
  if (!row) throw new AppError(409, 'claim_state', { status: c.status });
  return claimView(row);
}

/** The job: claims still unresolved on day 8 go to the operator by themselves. */
export async function escalateDueClaims(db: Executor, now = new Date()): Promise<number> {
  const done = await db
    .update(tradeClaims)
    .set({ status: 'escalated', escalatedAt: now, escalatedBy: 'platform' })
    .where(
      and(
        inArray(tradeClaims.status, ['open', 'answered']),
        lte(tradeClaims.openedAt, new Date(now.getTime() - CLAIM_DAYS.platformEscalates * DAY)),
      ),
    )
    .returning({ id: tradeClaims.id });
  return done.length;
}

/** The operator's queue: escalated claims, oldest first, with the order's facts. */
export async function escalatedClaims(db: Executor, actor: Actor) {
  if (!isOperator(actor)) throw actor.kind === 'guest' ? unauthenticated() : forbidden();
  const rows = await db
    .select({ c: tradeClaims, o: tradeOrders })
    .from(tradeClaims)
    .innerJoin(tradeOrders, eq(tradeOrders.id, tradeClaims.tradeOrderId))
    .where(eq(tradeClaims.status, 'escalated'))
    .orderBy(tradeClaims.escalatedAt)
    .limit(200);
  const out = [];
  for (const { c, o } of rows)
    out.push({
      ...claimView(c),
      orderNumber: o.number,
      product: o.product,
      paidSatang: (await paidOf(db, o.id)).total,
    });
  return out;
}

/**
 * The operator decides an escalated claim: a refund up to what was paid (0 rejects it). The refund is
 * booked in the ledger in the same transaction: it leaves the shop's payable and is owed back to the
 * buyer (refunds payable), whom the operator pays by the route the money came (no gateway refund:
 * a bank-transferred milestone has no captured payment to refund through).
 */
export async function decideClaim(
  db: Db,
  actor: Actor,
  claimId: string,
  input: { refundSatang: number; note: string },
  now = new Date(),
) {
  if (!isOperator(actor)) throw actor.kind === 'guest' ? unauthenticated() : forbidden();
  const note = input.note.trim();
  if (!note) throw invalid('note', 'required');
  if (!Number.isSafeInteger(input.refundSatang) || input.refundSatang < 0) throw invalid('refundSatang', 'invalid');
  return db.transaction(async (tx) => {
    const [c] = await tx.select().from(tradeClaims).where(eq(tradeClaims.id, claimId)).for('update');
    if (!c) throw notFound('trade_claim');
    if (c.status !== 'escalated') throw new AppError(409, 'claim_state', { status: c.status });
    const paid = await paidOf(tx, c.tradeOrderId);
    if (input.refundSatang > paid.total) throw tooMuch(paid.total, 'refundSatang');
    if (input.refundSatang > 0)
      await post(
        tx,
        {
          kind: 'trade_claim_refund',
          sourceKey: `trade.claim:${c.id}`,
          currency: 'THB',
          orderId: paid.last?.orderId ?? null,
          sellerId: c.sellerId,
          memo: note,
        },
        [
          { account: 'seller_payable', amount: input.refundSatang, sellerId: c.sellerId },
          { account: 'refunds_payable', amount: -input.refundSatang },
        ],
      );
    const [row] = await tx
      .update(tradeClaims)
      .set({
        status: input.refundSatang > 0 ? 'refunded' : 'rejected',
        refundSatang: input.refundSatang,
        decisionNote: note,
        decidedAt: now,
      })
      .where(eq(tradeClaims.id, c.id))
      .returning();
    return claimView(row);
  });
}
