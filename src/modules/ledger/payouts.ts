// Payouts: an operator runs a batch that pays every shop whose available balance — from orders
// delivered longer ago than the holding period — reaches the minimum. The batch moves those amounts
// from the shops' payables to payouts in transit; the operator downloads it as CSV for the bank and
// marks it paid when the bank confirms, which moves them out of the platform's account.
import { desc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import { AppError, forbidden, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import type { Db, Executor } from '../../platform/db.ts';
import { payoutDestination } from '../sellers/index.ts';
import { payoutEntries, payoutPaidEntries } from './posting.ts';
import { clearedPayable, post } from './service.ts';
import { payoutBatches, payouts } from './schema.ts';
import './messages.ts';

const requireOperator = (actor: Actor) => {
  if (!(actor.kind === 'user' && actor.isOperator)) throw forbidden();
};

export interface PayoutBatchView {
  id: string;
  number: number;
  status: string;
  currency: string;
  minimumAmount: number;
  holdDays: number;
  deliveredBefore: string;
  total: number;
  createdAt: string;
  paidAt: string | null;
  payouts: { id: string; sellerId: string; shopName: string; amount: number; destination: Record<string, unknown> }[];
}

async function batchView(db: Executor, id: string): Promise<PayoutBatchView> {
  const [b] = await db.select().from(payoutBatches).where(eq(payoutBatches.id, id));
  if (!b) throw notFound('payout batch');
  const lines = await db.select().from(payouts).where(eq(payouts.batchId, id)).orderBy(payouts.sellerId);
  return {
    id: b.id,
    number: b.number,
    status: b.status,
    currency: b.currency,
    minimumAmount: b.minimumAmount,
    holdDays: b.holdDays,
    deliveredBefore: b.deliveredBefore.toISOString(),
    total: b.total,
    createdAt: b.createdAt.toISOString(),
    paidAt: b.paidAt ? b.paidAt.toISOString() : null,
    payouts: lines.map((l) => ({
      id: l.id,
      sellerId: l.sellerId,
      shopName: (l.destination as any).shopName ?? '',
      amount: l.amount,
      destination: l.destination,
    })),
  };
}

export async function createPayoutBatch(
  db: Db,
  actor: Actor,
  opts: { minimumAmount: number; holdDays: number; now?: Date },
): Promise<PayoutBatchView> {
  requireOperator(actor);
  const cutoff = new Date((opts.now ?? new Date()).getTime() - opts.holdDays * 86_400_000);
  const id = await db.transaction(async (tx) => {
    // One batch at a time: a second one waits, then sees the first one's payouts in the balances.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext('talad:payout-batch'))`);
    const due = [...(await clearedPayable(tx, null, cutoff))].filter(
      ([, amount]) => amount > 0 && amount >= opts.minimumAmount,
    );
    if (!due.length) throw new AppError(409, 'payout_batch_empty');
    const batchId = newId();
    const total = due.reduce((s, [, a]) => s + a, 0);
    const [batch] = await tx
      .insert(payoutBatches)
      .values({
        id: batchId,
        currency: 'THB',
        minimumAmount: opts.minimumAmount,
        holdDays: opts.holdDays,
        deliveredBefore: cutoff,
        total,
        createdBy: actor.kind === 'user' ? actor.userId : null,
      })
      .returning();
    for (const [sellerId, amount] of due) {
      const destination = await payoutDestination(tx, sellerId);
      const payoutId = newId();
      await tx
        .insert(payouts)
        .values({ id: payoutId, batchId, sellerId, amount, currency: 'THB', destination: destination as any });
      await post(
        tx,
        { kind: 'payout', sourceKey: `payout:${payoutId}`, currency: 'THB', sellerId, memo: `batch ${batch.number}` },
        payoutEntries(sellerId, amount),
      );
    }
    return batchId;
  });
  return batchView(db, id);
}

export async function markBatchPaid(db: Db, actor: Actor, batchId: string): Promise<PayoutBatchView> {
  requireOperator(actor);
  await db.transaction(async (tx) => {
    const [b] = await tx.select().from(payoutBatches).where(eq(payoutBatches.id, batchId)).for('update');
    if (!b) throw notFound('payout batch');
    if (b.status === 'paid') throw new AppError(409, 'payout_batch_paid');
    await tx
      .update(payoutBatches)
      .set({ status: 'paid', paidAt: sql`now()`, paidBy: actor.kind === 'user' ? actor.userId : null })
      .where(eq(payoutBatches.id, batchId));
    for (const p of await tx.select().from(payouts).where(eq(payouts.batchId, batchId))) {
      await post(
        tx,
        {
          kind: 'payout_paid',
          sourceKey: `payout.paid:${p.id}`,
          currency: p.currency,
          sellerId: p.sellerId,
          memo: `batch ${b.number}`,
        },
        payoutPaidEntries(p.sellerId, p.amount),
      );
    }
  });
  return batchView(db, batchId);
}

export async function getPayoutBatch(db: Executor, actor: Actor, id: string): Promise<PayoutBatchView> {
  requireOperator(actor);
  return batchView(db, id);
}

export async function listPayoutBatches(db: Executor, actor: Actor) {
  requireOperator(actor);
  const rows = await db.select().from(payoutBatches).orderBy(desc(payoutBatches.number)).limit(100);
  return rows.map((b) => ({
    id: b.id,
    number: b.number,
    status: b.status,
    total: b.total,
    currency: b.currency,
    createdAt: b.createdAt.toISOString(),
    paidAt: b.paidAt ? b.paidAt.toISOString() : null,
  }));
}

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : String(v);
  // Quote every cell; a leading =, +, - or @ is neutralised so a spreadsheet never runs it as a formula.
  return `"${(/^[=+\-@]/.test(s) ? `'${s}` : s).replace(/"/g, '""')}"`;
};
const baht = (satang: number) => `${Math.floor(satang / 100)}.${String(satang % 100).padStart(2, '0')}`;

/** The batch for the bank: one line per shop, amounts in baht with two decimals, UTF-8 with a BOM (Thai names open correctly in spreadsheets). */
export async function payoutBatchCsv(db: Executor, actor: Actor, id: string): Promise<string> {
  const b = await getPayoutBatch(db, actor, id);
  const header = [
    'batch',
    'payout_id',
    'seller_id',
    'shop_name',
    'account_name',
    'method',
    'promptpay_id',
    'bank_code',
    'account_number',
    'amount_thb',
    'reference',
  ];
  const lines = b.payouts.map((p) => {
    const d = p.destination as Record<string, string | null>;
    return [
      b.number,
      p.id,
      p.sellerId,
      p.shopName,
      d.accountName ?? d.legalName,
      d.method,
      d.promptpayId,
      d.bankCode,
      d.accountNumber,
      baht(p.amount),
      `TALAD-PAYOUT-${b.number}`,
    ];
  });
  return '\uFEFF' + [header, ...lines].map((l) => l.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
