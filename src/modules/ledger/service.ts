// The ledger: posts what the outbox tells it (order.paid, payment.refunded, payment.unallocated,
// order.delivered) as balanced double-entry transactions, once each (by source key), and answers
// balances from the entries themselves. Placed after payments in the module order: it reads a
// group's capture (for the rate of a conversion) from the payments service.
import { and, desc, eq, isNull, lte, or, sql } from 'drizzle-orm';
import { systemActor, type Actor } from '../../platform/actor.ts';
import { forbidden } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { queryRows, type Db, type Executor } from '../../platform/db.ts';
import { requireSellerAccess } from '../sellers/index.ts';
import { orderFacts } from '../orders/index.ts';
import { captureOf } from '../payments/index.ts';
import {
  isBalanced,
  orderPaidEntries,
  refundEntries,
  unallocatedEntries,
  unallocatedReturnedEntries,
  type Entry,
} from './posting.ts';
import { commissionRateAt, taxRateAt } from './rates.ts';
import { ledgerEntries, ledgerTransactions, orderClearances, type FxNote } from './schema.ts';
import { syncCbecTaxRefunds } from './cbec-tax.ts';
import { syncPlatformPromotionRefunds } from './promotion-refunds.ts';
import './messages.ts';

export class UnbalancedPosting extends Error {}

/**
 * Writes one transaction and its entries unless its source was posted before. Refuses (throws)
 * a posting that does not sum to zero per currency: such a transaction never reaches the table.
 */
export async function post(
  tx: Executor,
  t: {
    kind: string;
    sourceKey: string;
    currency: string;
    orderId?: string | null;
    sellerId?: string | null;
    memo?: string;
    fx?: FxNote | null;
  },
  entries: Entry[],
): Promise<boolean> {
  if (!isBalanced(entries)) throw new UnbalancedPosting(`${t.sourceKey} does not balance`);
  const id = newId();
  const [inserted] = await tx
    .insert(ledgerTransactions)
    .values({
      id,
      kind: t.kind,
      sourceKey: t.sourceKey,
      currency: t.currency,
      orderId: t.orderId ?? null,
      sellerId: t.sellerId ?? null,
      memo: t.memo ?? null,
      fx: t.fx ?? null,
    })
    .onConflictDoNothing()
    .returning({ id: ledgerTransactions.id });
  if (!inserted) return false;
  await tx.insert(ledgerEntries).values(
    entries
      .filter((e) => e.amount !== 0)
      .map((e) => ({
        transactionId: id,
        account: e.account,
        sellerId: e.sellerId ?? null,
        orderId: e.orderId ?? null,
        currency: t.currency,
        amount: e.amount,
      })),
  );
  return true;
}

/** order.paid: the buyer's money splits into the seller's payable, commission and VAT on it. */
export async function postOrderPaid(db: Db, payload: { orderId: string; groupId: string }): Promise<void> {
  const order = await orderFacts(db, payload.orderId);
  const at = order.paidAt ?? new Date();
  const [commissionBp, vatBp, capture] = await Promise.all([
    commissionRateAt(db, order.sellerId, at),
    taxRateAt(db, 'vat', at),
    captureOf(db, order.groupId),
  ]);
  const fx: FxNote | null = capture?.fxRate
    ? {
        fromCurrency: capture.currency,
        fromAmount: Number(
          (BigInt(order.totalSatang) * BigInt(capture.amount) * 2n + BigInt(capture.groupAmount)) /
            (2n * BigInt(capture.groupAmount)),
        ),
        rate: capture.fxRate.replace(/0+$/, '').replace(/\.$/, ''),
        source: capture.fxSource ?? '',
        rounding: capture.fxRounding ?? 'half_up',
      }
    : null;
  await db.transaction((tx) =>
    post(
      tx,
      {
        kind: 'order_paid',
        sourceKey: `order.paid:${order.id}`,
        currency: order.currency,
        orderId: order.id,
        sellerId: order.sellerId,
        memo: `commission ${commissionBp} bp, VAT ${vatBp} bp`,
        fx,
      },
      orderPaidEntries({
        orderId: order.id,
        sellerId: order.sellerId,
        total: order.totalSatang,
        goods: order.subtotalSatang,
        commissionBp,
        vatBp,
      }),
    ),
  );
}

interface PostedSplit {
  total: number;
  commission: number;
  vat: number;
  payable: number;
  refunded: number;
}

/** What the order's sale posted, and how much of it refunds have reversed so far. */
async function postedSplit(db: Executor, orderId: string): Promise<PostedSplit | null> {
  const [row] = await queryRows<{
    total: string | null;
    commission: string;
    vat: string;
    payable: string;
    refunded: string;
  }>(
    db,
    sql`
    select
      sum(case when t.kind = 'order_paid' and e.account = 'payments_clearing' then e.amount else 0 end) as total,
      -sum(case when t.kind = 'order_paid' and e.account = 'commission_revenue' then e.amount else 0 end) as commission,
      -sum(case when t.kind = 'order_paid' and e.account = 'vat_payable' then e.amount else 0 end) as vat,
      -sum(case when t.kind = 'order_paid' and e.account = 'seller_payable' then e.amount else 0 end) as payable,
      -sum(case when t.kind = 'refund' and e.account = 'payments_clearing' then e.amount else 0 end) as refunded
    from ledger_entries e join ledger_transactions t on t.id = e.transaction_id
    where t.order_id = ${orderId}::uuid`,
  );
  if (!row?.total || Number(row.total) === 0) return null;
  return {
    total: Number(row.total),
    commission: Number(row.commission),
    vat: Number(row.vat),
    payable: Number(row.payable),
    refunded: Number(row.refunded),
  };
}

/** payment.refunded: an order's refund reverses its share of the sale; a returned stray payment leaves refunds payable. */
export async function postRefund(
  db: Db,
  p: { refundId: string; orderId: string | null; sellerId: string | null; amount: number; currency: string },
): Promise<void> {
  await db.transaction(async (tx) => {
    if (!p.orderId) {
      await post(
        tx,
        { kind: 'unallocated_returned', sourceKey: `payment.refunded:${p.refundId}`, currency: p.currency },
        unallocatedReturnedEntries(p.amount),
      );
      return;
    }
    // The sale's posting is locked: two refunds of one order are reversed one after the other.
    await tx.execute(
      sql`select id from ledger_transactions where source_key = ${`order.paid:${p.orderId}`} for update`,
    );
    const [done] = await tx
      .select({ id: ledgerTransactions.id })
      .from(ledgerTransactions)
      .where(eq(ledgerTransactions.sourceKey, `payment.refunded:${p.refundId}`));
    if (done) return;
    const split = await postedSplit(tx, p.orderId);
    // The sale not posted yet (events out of order): fail, and the outbox delivers this again later.
    if (!split) throw new Error(`order ${p.orderId} has no sale posted yet`);
    await post(
      tx,
      {
        kind: 'refund',
        sourceKey: `payment.refunded:${p.refundId}`,
        currency: p.currency,
        orderId: p.orderId,
        sellerId: p.sellerId,
      },
      refundEntries({ orderId: p.orderId, sellerId: p.sellerId!, ...split }, split.refunded, p.amount),
    );
    // A cross-border order's refund also gives back its share of the tax withheld for customs (CNY).
    await syncCbecTaxRefunds(tx, p.orderId);
    // An order paid with a platform voucher also gives back the voucher's share, from the shop.
    await syncPlatformPromotionRefunds(tx, p.orderId);
  });
}

/** payment.unallocated: money in that pays for no sale, owed back to the buyer. */
export async function postUnallocated(
  db: Db,
  p: { intentId: string; amount: number; currency: string; reason: string },
): Promise<void> {
  await db.transaction((tx) =>
    post(
      tx,
      { kind: 'unallocated', sourceKey: `payment.unallocated:${p.intentId}`, currency: p.currency, memo: p.reason },
      unallocatedEntries(p.amount),
    ),
  );
}

/**
 * order.delivered: the payable of this order may be paid out after the holding period, counted from
 * the proven delivery (the carrier's event or the shop's proof), not from when the event arrives.
 */
export async function recordDelivery(
  db: Db,
  p: { orderId: string; sellerId: string; occurredAt?: string },
): Promise<void> {
  await db
    .insert(orderClearances)
    .values({
      orderId: p.orderId,
      sellerId: p.sellerId,
      deliveredAt: p.occurredAt ? new Date(p.occurredAt) : new Date(),
    })
    .onConflictDoNothing();
}

export interface SellerBalance {
  currency: string;
  /** Owed for sales, less refunds. */
  earned: number;
  paidOut: number;
  /** earned - paidOut: what the platform owes the shop. */
  balance: number;
  /** The part of the balance from orders delivered before the holding period: what a payout batch would pay. */
  available: number;
  holdDays: number;
}

/** A seller's payable, counted from entries whose order was delivered before `cutoff` (or that belong to no order: payouts). */
export async function clearedPayable(
  db: Executor,
  sellerId: string | null,
  cutoff: Date,
): Promise<Map<string, number>> {
  const rows = await db
    .select({ sellerId: ledgerEntries.sellerId, amount: sql<string>`-sum(${ledgerEntries.amount})` })
    .from(ledgerEntries)
    .leftJoin(orderClearances, eq(orderClearances.orderId, ledgerEntries.orderId))
    .where(
      and(
        eq(ledgerEntries.account, 'seller_payable'),
        eq(ledgerEntries.currency, 'THB'),
        sellerId ? eq(ledgerEntries.sellerId, sellerId) : undefined,
        or(isNull(ledgerEntries.orderId), lte(orderClearances.deliveredAt, cutoff)),
      ),
    )
    .groupBy(ledgerEntries.sellerId);
  return new Map(rows.map((r) => [r.sellerId!, Number(r.amount)]));
}

export async function sellerBalance(
  db: Executor,
  actor: Actor,
  sellerId: string,
  holdDays: number,
): Promise<SellerBalance> {
  await requireSellerAccess(db, actor, sellerId);
  const [row] = await queryRows<{ earned: string; paid_out: string }>(
    db,
    sql`
    select coalesce(-sum(e.amount) filter (where t.kind <> 'payout'), 0) as earned,
           coalesce(sum(e.amount) filter (where t.kind = 'payout'), 0) as paid_out
    from ledger_entries e join ledger_transactions t on t.id = e.transaction_id
    where e.account = 'seller_payable' and e.seller_id = ${sellerId}::uuid and e.currency = 'THB'`,
  );
  const cutoff = new Date(Date.now() - holdDays * 86_400_000);
  const available = (await clearedPayable(db, sellerId, cutoff)).get(sellerId) ?? 0;
  const earned = Number(row.earned);
  const paidOut = Number(row.paid_out);
  return { currency: 'THB', earned, paidOut, balance: earned - paidOut, available: Math.max(0, available), holdDays };
}

export interface LedgerLine {
  transactionId: string;
  kind: string;
  orderId: string | null;
  amount: number;
  currency: string;
  memo: string | null;
  fx: FxNote | null;
  createdAt: string;
}

/** The entries on a seller's payable account, newest first. */
export async function sellerEntries(
  db: Executor,
  actor: Actor,
  sellerId: string,
  page = 1,
  perPage = 50,
): Promise<{ items: LedgerLine[]; total: number; page: number; perPage: number }> {
  await requireSellerAccess(db, actor, sellerId);
  const where = and(eq(ledgerEntries.account, 'seller_payable'), eq(ledgerEntries.sellerId, sellerId));
  const rows = await db
    .select({ e: ledgerEntries, t: ledgerTransactions })
    .from(ledgerEntries)
    .innerJoin(ledgerTransactions, eq(ledgerTransactions.id, ledgerEntries.transactionId))
    .where(where)
    .orderBy(desc(ledgerEntries.id))
    .limit(perPage)
    .offset((page - 1) * perPage);
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(ledgerEntries).where(where);
  return {
    items: rows.map(({ e, t }) => ({
      transactionId: t.id,
      kind: t.kind,
      orderId: e.orderId,
      amount: -e.amount,
      currency: e.currency,
      memo: t.memo,
      fx: t.fx ?? null,
      createdAt: e.createdAt.toISOString(),
    })),
    total: n,
    page,
    perPage,
  };
}

/** Every account's balance per currency; they sum to zero when every transaction balances. */
export async function trialBalance(
  db: Executor,
  actor: Actor,
): Promise<{ account: string; currency: string; balance: number }[]> {
  if (!(actor.kind === 'user' && actor.isOperator) && actor.kind !== 'system') throw forbidden();
  const rows = await queryRows<{ account: string; currency: string; balance: string }>(
    db,
    sql`
    select account::text as account, currency, sum(amount) as balance from ledger_entries group by account, currency order by account, currency`,
  );
  return rows.map((r) => ({ account: r.account, currency: r.currency, balance: Number(r.balance) }));
}

/** Transactions whose entries do not sum to zero (there should be none): for checks and benchmarks. */
export async function unbalancedTransactions(db: Executor): Promise<number> {
  const [row] = await queryRows<{ n: number }>(
    db,
    sql`
    select count(*)::int as n from (select transaction_id from ledger_entries group by transaction_id, currency having sum(amount) <> 0) x`,
  );
  return row.n;
}

export async function sellerPayouts(db: Executor, actor: Actor, sellerId: string) {
  await requireSellerAccess(db, actor, sellerId);
  const rows = await queryRows<{
    id: string;
    batch_number: number;
    amount: string;
    currency: string;
    status: string;
    created_at: string;
    paid_at: string | null;
    destination: any;
  }>(
    db,
    sql`
    select p.id, b.number::int as batch_number, p.amount, p.currency, b.status::text as status, p.created_at, b.paid_at, p.destination
    from payouts p join payout_batches b on b.id = p.batch_id where p.seller_id = ${sellerId}::uuid order by p.created_at desc limit 100`,
  );
  return rows.map((r) => ({
    id: r.id,
    batchNumber: r.batch_number,
    amount: Number(r.amount),
    currency: r.currency,
    status: r.status,
    createdAt: new Date(r.created_at).toISOString(),
    paidAt: r.paid_at ? new Date(r.paid_at).toISOString() : null,
    destination: r.destination,
  }));
}
