// What happens to a promotion after checkout. Paid: the ledger books the platform's vouchers as
// the platform's spending, paid to the shop (the shop's own campaign prices, vouchers and free
// shipping are already in the order's lower total, so the shop bears them); a refund takes the
// voucher's share back from the shop (ledger's syncPlatformPromotionRefunds). Cancelled (by the shop,
// an operator or the payment timeout): the units and uses go back to the campaign and voucher.
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db.ts';
import { lockSalePosting, post, syncPlatformPromotionRefunds } from '../ledger/index.ts';

export async function postPlatformPromotion(db: Db, p: { orderId: string; sellerId: string }): Promise<void> {
  const [row] = await queryRows<{ amount: number | null }>(
    db,
    sql`select sum(amount_satang)::int as amount from voucher_redemptions
        where order_id = ${p.orderId}::uuid and funded_by = 'platform'`,
  );
  const amount = Number(row?.amount ?? 0);
  if (!amount) return;
  await db.transaction(async (tx) => {
    await lockSalePosting(tx, p.orderId);
    await post(
      tx,
      {
        kind: 'platform_promotion',
        sourceKey: `promotion:${p.orderId}`,
        currency: 'THB',
        orderId: p.orderId,
        sellerId: p.sellerId,
        memo: 'platform voucher funded by the platform',
      },
      [
        { account: 'platform_promotions', amount, orderId: p.orderId },
        { account: 'seller_payable', amount: -amount, sellerId: p.sellerId, orderId: p.orderId },
      ],
    );
    // A refund posted before this (events out of order) gives back its share now.
    await syncPlatformPromotionRefunds(tx, p.orderId);
  });
}

/** Gives a cancelled order's campaign units and voucher uses back (once: rows are marked released). */
export async function releaseOrderPromotions(db: Db, orderId: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`
      with released as (
        update campaign_purchases set released_at = now()
        where order_id = ${orderId}::uuid and released_at is null
        returning campaign_item_id, quantity
      ), per_item as (select campaign_item_id, sum(quantity)::int as q from released group by 1)
      update campaign_items ci set sold = ci.sold - p.q from per_item p where ci.id = p.campaign_item_id`);
    // A voucher's use is given back when no order of that checkout still holds it.
    await tx.execute(sql`
      with released as (
        update voucher_redemptions set released_at = now()
        where order_id = ${orderId}::uuid and released_at is null
        returning voucher_id, group_id
      ), freed as (
        select distinct r.voucher_id from released r
        where not exists (select 1 from voucher_redemptions o where o.voucher_id = r.voucher_id
          and o.group_id = r.group_id and o.released_at is null and o.order_id <> ${orderId}::uuid)
      )
      update vouchers v set used = v.used - 1 from freed f where v.id = f.voucher_id`);
  });
}
