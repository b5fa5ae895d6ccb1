// Trade protection: the buyer claims on a received order (late shipment, or quality not as agreed)
// up to 30 days after receipt, with evidence; the shop answers within 3 days; from day 4 the buyer
// may escalate, and on day 8 the platform escalates by itself (a job); the operator decides a refund
// up to what was paid, booked in the ledger from the shop's balance as owed back to the buyer.
// Every function takes `now`, so the tests move the clock.
import { and, asc, desc, eq, inArray, lte } from 'drizzle-orm';
import { type Actor, isOperator } from '../../platform/actor.ts';
import type { Db, Executor } from '../../platform/db.ts';
import { AppError, forbidden, invalid, notFound, unauthenticated } from '../../platform/errors.ts';
import { LOCALES, type Locale } from '../../platform/i18n.ts';
import { newId } from '../../platform/ids.ts';
import { hashRequest, idempotent } from '../../platform/idempotency.ts';
import { post } from '../ledger/index.ts';
import { orderFacts } from '../orders/index.ts';
import { captureOf, dispatchRefund, type PaymentsRuntime, recordOrderRefund, refundsById } from '../payments/index.ts';
import './messages.ts';
import { tradeClaimEvidence, tradeClaimRefunds, tradeClaims, tradeMilestones, tradeOrders } from './schema.ts';
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

/**
 * A claim with its uploaded evidence (the files' ids: each reader opens them under its own path) and,
 * once decided, how each part of the refund goes back: through the gateway (the payments refund's
 * state: pending, succeeded, failed) or owed by bank transfer.
 */
async function claimDetails(db: Executor, c: ClaimRow) {
  const [files, parts] = await Promise.all([
    db
      .select()
      .from(tradeClaimEvidence)
      .where(eq(tradeClaimEvidence.claimId, c.id))
      .orderBy(asc(tradeClaimEvidence.createdAt)),
    db
      .select({ r: tradeClaimRefunds, kind: tradeMilestones.kind })
      .from(tradeClaimRefunds)
      .innerJoin(tradeMilestones, eq(tradeMilestones.id, tradeClaimRefunds.milestoneId))
      .where(eq(tradeClaimRefunds.claimId, c.id))
      .orderBy(asc(tradeClaimRefunds.createdAt)),
  ]);
  const states = new Map(
    (
      await refundsById(
        db,
        parts.flatMap((p) => (p.r.refundId ? [p.r.refundId] : [])),
      )
    ).map((r) => [r.id, r]),
  );
  return {
    ...claimView(c),
    files: files.map((f) => ({ id: f.id, name: f.name, type: f.contentType, bytes: f.bytes })),
    refunds: parts.map(({ r, kind }) => ({
      milestone: kind,
      amountSatang: r.amountSatang,
      channel: r.channel as 'gateway' | 'bank_transfer',
      status: r.refundId ? (states.get(r.refundId)?.status ?? 'pending') : 'owed',
      refundId: r.refundId,
    })),
  };
}
export type ClaimView = Awaited<ReturnType<typeof claimDetails>>;

/** What the buyer paid on the order: its paid milestones. */
async function paidOf(db: Executor, tradeOrderId: string) {
  const rows = await db
    .select()
    .from(tradeMilestones)
    .where(and(eq(tradeMilestones.tradeOrderId, tradeOrderId), eq(tradeMilestones.status, 'paid')))
    .orderBy(desc(tradeMilestones.createdAt));
  return { total: rows.reduce((s, m) => s + m.amountSatang, 0), last: rows[0] ?? null, rows };
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
  return claimDetails(db, done[0]);
}

export async function claimOfOrder(db: Executor, tradeOrderId: string): Promise<ClaimRow> {
  const [c] = await db.select().from(tradeClaims).where(eq(tradeClaims.tradeOrderId, tradeOrderId));
  if (!c) throw notFound('trade_claim');
  return c;
}

export async function buyersClaim(db: Executor, actor: Actor, tradeOrderId: string) {
  const order = await buyersOrder(db, actor, tradeOrderId);
  return claimDetails(db, await claimOfOrder(db, order.id));
}

export async function shopsClaim(db: Executor, actor: Actor, sellerId: string, tradeOrderId: string) {
  const order = await shopsOrder(db, actor, sellerId, tradeOrderId);
  return claimDetails(db, await claimOfOrder(db, order.id));
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
  return claimDetails(db, row);
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
  return claimDetails(db, row);
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
/** One claim as the operator sees it (any status). */
export async function claimForOperator(db: Executor, actor: Actor, claimId: string) {
  if (!isOperator(actor)) throw actor.kind === 'guest' ? unauthenticated() : forbidden();
  const [c] = await db.select().from(tradeClaims).where(eq(tradeClaims.id, claimId));
  if (!c) throw notFound('trade_claim');
  return claimDetails(db, c);
}

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
      ...(await claimDetails(db, c)),
      orderNumber: o.number,
      product: o.product,
      paidSatang: (await paidOf(db, o.id)).total,
    });
  return out;
}

/**
 * The operator decides an escalated claim: a refund up to what was paid (0 rejects it), split over the
 * paid milestones, those paid through a gateway first. A gateway-paid milestone's part is recorded as
 * a payments refund in this transaction (the caller sends it after the commit; the gateway de-duplicates
 * by refund id, and payment.refunded reverses the sale in the ledger). A bank-transferred milestone has
 * no captured payment: its part is booked in the ledger as owed back to the buyer (seller payable ->
 * refunds payable) and the operator pays it by transfer. With an Idempotency-Key a retry returns the
 * first answer.
 */
export async function decideClaim(
  db: Db,
  actor: Actor,
  claimId: string,
  input: { refundSatang: number; note: string },
  opts: { key?: string; now?: Date } = {},
): Promise<{ claimId: string; refundIds: string[] }> {
  if (!isOperator(actor)) throw actor.kind === 'guest' ? unauthenticated() : forbidden();
  const note = input.note.trim();
  if (!note) throw invalid('note', 'required');
  if (!Number.isSafeInteger(input.refundSatang) || input.refundSatang < 0) throw invalid('refundSatang', 'invalid');
  const now = opts.now ?? new Date();
  const by = actor.kind === 'user' ? `user:${actor.userId}` : 'system:trade';
  const answer = await idempotent(
    db,
    `trade.claim.decision:${claimId}`,
    opts.key,
    hashRequest('trade.claim.decision', { claimId, ...input }),
    async (tx) => {
      const [c] = await tx.select().from(tradeClaims).where(eq(tradeClaims.id, claimId)).for('update');
      if (!c) throw notFound('trade_claim');
      if (c.status !== 'escalated') throw new AppError(409, 'claim_state', { status: c.status });
      const paid = await paidOf(tx, c.tradeOrderId);
      if (input.refundSatang > paid.total) throw tooMuch(paid.total, 'refundSatang');
      const refundIds: string[] = [];
      let rest = input.refundSatang;
      let owed = 0;
      const captured = new Map<string, boolean>();
      for (const m of paid.rows) captured.set(m.id, (await captureOf(tx, m.groupId)) !== null);
      const order = [...paid.rows].sort((a, b) => Number(captured.get(b.id)) - Number(captured.get(a.id)));
      for (const m of order) {
        if (rest <= 0) break;
        const part = Math.min(rest, m.amountSatang);
        rest -= part;
        let refundId: string | null = null;
        if (captured.get(m.id)) {
          const refund = await recordOrderRefund(tx, await orderFacts(tx, m.orderId), part, `trade_claim:${c.id}`, by);
          refundId = refund.id;
          refundIds.push(refund.id);
        } else owed += part;
        await tx.insert(tradeClaimRefunds).values({
          id: newId(),
          claimId: c.id,
          sellerId: c.sellerId,
          milestoneId: m.id,
          amountSatang: part,
          channel: refundId ? 'gateway' : 'bank_transfer',
          refundId,
        });
      }
      if (owed > 0)
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
            { account: 'seller_payable', amount: owed, sellerId: c.sellerId },
            { account: 'refunds_payable', amount: -owed },
          ],
        );
      await tx
        .update(tradeClaims)
        .set({
          status: input.refundSatang > 0 ? 'refunded' : 'rejected',
          refundSatang: input.refundSatang,
          decisionNote: note,
          decidedAt: now,
        })
        .where(eq(tradeClaims.id, c.id));
      return { statusCode: 200, body: { claimId: c.id, refundIds } };
    },
  );
  return answer.body as { claimId: string; refundIds: string[] };
}

/** Sends a decision's gateway refunds (again: each is sent once, pending ones only). */
export async function sendClaimRefunds(payments: PaymentsRuntime, refundIds: string[]): Promise<void> {
  for (const id of refundIds) await dispatchRefund(payments, id);
}
