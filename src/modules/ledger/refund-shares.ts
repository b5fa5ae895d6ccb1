// What each refund of an order carries of something booked on the whole order (the cross-border
// tax withheld, a platform voucher): its share of the order's total, taken cumulatively refund after
// refund in the order they were posted, so refunds in any parts carry exactly the whole in the end.
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../platform/db.ts';
import { shareBetween } from './posting.ts';

export interface RefundShare {
  /** The refund posting's source key ("payment.refunded:<id>"). */
  sourceKey: string;
  sellerId: string | null;
  share: number;
}

/** Each refund of the order posted so far with its share of `whole` (of the order's `total`); zero shares left out. */
export async function refundSharesOf(
  tx: Executor,
  orderId: string,
  whole: number,
  total: number,
): Promise<RefundShare[]> {
  const refunds = await queryRows<{ source_key: string; amount: string; seller_id: string | null }>(
    tx,
    sql`
    select t.source_key, -sum(e.amount) as amount, t.seller_id from ledger_transactions t join ledger_entries e on e.transaction_id = t.id
    where t.order_id = ${orderId}::uuid and t.kind = 'refund' and e.account = 'payments_clearing'
    group by t.id, t.source_key, t.seller_id order by min(e.id)`,
  );
  const out: RefundShare[] = [];
  let before = 0;
  for (const r of refunds) {
    const after = Math.min(total, before + Number(r.amount));
    const share = shareBetween(whole, before, after, total);
    before = after;
    if (share > 0) out.push({ sourceKey: r.source_key, sellerId: r.seller_id, share });
  }
  return out;
}
