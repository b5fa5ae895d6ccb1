// The platform's vouchers and refunds. When an order paid with a platform voucher is refunded, the
// platform takes back from the shop the voucher's share of what is refunded (the shop was paid the
// discount as if the buyer had paid it): shares of the whole are taken cumulatively, refund after
// refund, so an order refunded in full in any parts gives back exactly the voucher's amount.
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../platform/db.ts';
import { platformPromotionRefundEntries } from './posting.ts';
import { refundSharesOf } from './refund-shares.ts';
import { post } from './service.ts';

/**
 * Every refund of the order posted so far gives back its share of the platform's voucher (source key
 * "<refund's>:promotion", so once each). Called after a refund is posted and after the voucher is
 * (events may come in either order); the caller holds the lock on the order's sale posting.
 */
export async function syncPlatformPromotionRefunds(tx: Executor, orderId: string): Promise<void> {
  const [row] = await queryRows<{ promotion: string | null; total: string | null; seller_id: string | null }>(
    tx,
    sql`
    select (select sum(e.amount) from ledger_entries e join ledger_transactions t on t.id = e.transaction_id
             where t.order_id = ${orderId}::uuid and t.kind = 'platform_promotion' and e.account = 'platform_promotions') as promotion,
           (select sum(e.amount) from ledger_entries e join ledger_transactions t on t.id = e.transaction_id
             where t.order_id = ${orderId}::uuid and t.kind = 'order_paid' and e.account = 'payments_clearing') as total,
           (select t.seller_id from ledger_transactions t
             where t.order_id = ${orderId}::uuid and t.kind = 'platform_promotion' limit 1) as seller_id`,
  );
  const promotion = Number(row?.promotion ?? 0);
  const total = Number(row?.total ?? 0);
  if (!promotion || !total || !row?.seller_id) return;
  for (const r of await refundSharesOf(tx, orderId, promotion, total)) {
    await post(
      tx,
      {
        kind: 'platform_promotion_refund',
        sourceKey: `${r.sourceKey}:promotion`,
        currency: 'THB',
        orderId,
        sellerId: row.seller_id,
        memo: 'platform voucher share of a refund taken back from the shop',
      },
      platformPromotionRefundEntries(orderId, row.seller_id, r.share),
    );
  }
}

/** Locks the order's sale posting (refunds and the voucher's posting of one order go one at a time). */
export async function lockSalePosting(tx: Executor, orderId: string): Promise<void> {
  await tx.execute(sql`select id from ledger_transactions where source_key = ${`order.paid:${orderId}`} for update`);
}
