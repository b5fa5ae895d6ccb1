// Cross-border tax (CBEC import VAT + consumption tax): the platform is customs' withholding agent.
// The tax the buyer paid (CNY, fen, computed per line by crossborder) is booked on
// crossborder.tax_collected as a liability to customs, kept in a CNY sub-ledger: it is owed in CNY
// and paid to customs in CNY, so converting it to THB would only invent exchange differences. The
// THB equivalent at the order's rate snapshot is noted on the posting (memo, fx) for reporting.
// Refunds give back the tax's share (cumulatively, like the sale's split); an operator's
// "settle with customs" clears every order's outstanding tax against cash.
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import { AppError, forbidden } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { hashRequest, idempotent } from '../../platform/idempotency.ts';
import { queryRows, type Db, type Executor } from '../../platform/db.ts';
import { cbecTaxCollectedEntries, cbecTaxRefundEntries, cbecTaxSettledEntries, divideHalfUp } from './posting.ts';
import { refundSharesOf } from './refund-shares.ts';
import { post } from './service.ts';

export interface TaxCollected {
  orderId: string;
  sellerId: string;
  taxFen: number;
  fxRate: string;
  fxSource: string;
}

/** THB satang for `fen` at a THB->CNY rate ("0.2000" CNY per THB), half up. */
export function satangOfFen(fen: number, rate: string): number {
  const [i, f = ''] = rate.split('.');
  const scale = 10n ** BigInt(f.length);
  const scaled = BigInt(i + f);
  if (scaled <= 0n) throw new Error('rate must be positive');
  return divideHalfUp(BigInt(fen) * scale, scaled);
}

const yuan = (fen: number) => (fen / 100).toFixed(2);

/** crossborder.tax_collected: the tax goes to the customs liability (CNY), then refunds already posted give back their share. */
export async function postCbecTaxCollected(db: Db, p: TaxCollected): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(
      sql`select id from ledger_transactions where source_key = ${`order.paid:${p.orderId}`} for update`,
    );
    if (p.taxFen > 0) {
      const thb = satangOfFen(p.taxFen, p.fxRate);
      await post(
        tx,
        {
          kind: 'cbec_tax_collected',
          sourceKey: `crossborder.tax_collected:${p.orderId}`,
          currency: 'CNY',
          orderId: p.orderId,
          sellerId: p.sellerId,
          memo: `cross-border tax withheld for customs ${yuan(p.taxFen)} CNY (= ${(thb / 100).toFixed(2)} THB at ${p.fxRate} CNY/THB, half up)`,
          fx: { fromCurrency: 'THB', fromAmount: thb, rate: p.fxRate, source: p.fxSource, rounding: 'half_up' },
        },
        cbecTaxCollectedEntries(p.orderId, p.taxFen),
      );
    }
    await syncCbecTaxRefunds(tx, p.orderId);
  });
}

/**
 * Every refund of the order posted so far gives back its share of the tax (source key
 * "<refund's>:tax", so once each). Called after a refund is posted and after the tax is; the caller
 * holds the lock on the order's sale posting.
 */
export async function syncCbecTaxRefunds(tx: Executor, orderId: string): Promise<void> {
  const [tax] = await queryRows<{ fen: string | null; total: string | null }>(
    tx,
    sql`
    select (select -sum(e.amount) from ledger_entries e join ledger_transactions t on t.id = e.transaction_id
             where t.order_id = ${orderId}::uuid and t.kind = 'cbec_tax_collected' and e.account = 'cbec_tax_payable') as fen,
           (select sum(e.amount) from ledger_entries e join ledger_transactions t on t.id = e.transaction_id
             where t.order_id = ${orderId}::uuid and t.kind = 'order_paid' and e.account = 'payments_clearing') as total`,
  );
  const fen = Number(tax?.fen ?? 0);
  const total = Number(tax?.total ?? 0);
  if (!fen || !total) return;
  for (const r of await refundSharesOf(tx, orderId, fen, total)) {
    await post(
      tx,
      {
        kind: 'cbec_tax_refund',
        sourceKey: `${r.sourceKey}:tax`,
        currency: 'CNY',
        orderId,
        sellerId: r.sellerId,
        memo: `cross-border tax given back ${yuan(r.share)} CNY`,
      },
      cbecTaxRefundEntries(orderId, r.share),
    );
  }
}

const requireOperator = (actor: Actor) => {
  if (!(actor.kind === 'user' && actor.isOperator)) throw forbidden();
};

async function outstandingByOrder(db: Executor): Promise<{ orderId: string; fen: number }[]> {
  const rows = await queryRows<{ order_id: string; fen: string }>(
    db,
    sql`
    select order_id, -sum(amount) as fen from ledger_entries
    where account = 'cbec_tax_payable' and currency = 'CNY' group by order_id having sum(amount) <> 0 order by order_id`,
  );
  return rows.map((r) => ({ orderId: r.order_id, fen: Number(r.fen) }));
}

export interface CbecTaxSummary {
  currency: 'CNY';
  outstandingFen: number;
  orders: number;
  settlements: { transactionId: string; amountFen: number; reference: string | null; createdAt: string }[];
}

/** The operator's view: tax owed to customs now, and past settlements. */
export async function cbecTaxSummary(db: Executor, actor: Actor): Promise<CbecTaxSummary> {
  requireOperator(actor);
  const owed = await outstandingByOrder(db);
  const rows = await queryRows<{ id: string; amount: string; memo: string | null; created_at: string }>(
    db,
    sql`
    select t.id, -sum(e.amount) as amount, t.memo, t.created_at from ledger_transactions t join ledger_entries e on e.transaction_id = t.id
    where t.kind = 'cbec_tax_settled' and e.account = 'payments_clearing' group by t.id order by t.created_at desc limit 50`,
  );
  return {
    currency: 'CNY',
    outstandingFen: owed.reduce((s, o) => s + o.fen, 0),
    orders: owed.length,
    settlements: rows.map((r) => ({
      transactionId: r.id,
      amountFen: Number(r.amount),
      reference: r.memo,
      createdAt: new Date(r.created_at).toISOString(),
    })),
  };
}

/**
 * "Settle tax with customs": the tax owed on every order is paid (reference: customs' payment
 * slip), in one balanced CNY posting. Idempotent by Idempotency-Key; with nothing owed, 409.
 */
export async function settleCbecTax(db: Db, actor: Actor, input: { reference: string }, idempotencyKey?: string) {
  requireOperator(actor);
  const answer = await idempotent(
    db,
    'cbec-tax-settle',
    idempotencyKey,
    hashRequest('cbec-tax-settle', input),
    async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext('ledger:cbec_tax_settle'))`);
      const owed = await outstandingByOrder(tx);
      const total = owed.reduce((s, o) => s + o.fen, 0);
      if (total <= 0) throw new AppError(409, 'cbec_tax_nothing_owed');
      const id = newId();
      await post(
        tx,
        { kind: 'cbec_tax_settled', sourceKey: `cbec_tax_settled:${id}`, currency: 'CNY', memo: input.reference },
        cbecTaxSettledEntries(owed),
      );
      return {
        statusCode: 201,
        body: { amountFen: total, orders: owed.length, currency: 'CNY', reference: input.reference },
      };
    },
  );
  return answer;
}
