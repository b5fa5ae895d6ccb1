// The promotions a checkout batch prices from (the orders module's checkout hook): read in the
// batch's first round trip, counted after its orders are written. Counting is one conditional
// UPDATE per table for the whole batch, so a campaign's units and a voucher's uses never go past
// their limits whatever the number of checkouts, batches or processes: when another batch took them
// first the UPDATE touches fewer rows, PromotionConflict is thrown and orders runs the batch again
// with these rows locked as it reads them.
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows, uuidArray } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import {
  type CheckoutPromotions,
  type PlacedPromotion,
  type PromotionBook,
  PromotionConflict,
} from '../orders/index.ts';
import { type CampaignOffer, type PromotionState, priceCart, type VoucherTerms } from './pricing.ts';

const textArray = (keys: string[]) => `{${keys.map((k) => `"${k.replace(/["\\]/g, '')}"`).join(',')}}`;

interface OfferRow {
  id: string;
  campaign_id: string;
  seller_id: string;
  variant_id: string;
  price_satang: number;
  left: number;
  per_buyer_limit: number;
}
interface VoucherRow {
  id: string;
  seller_id: string | null;
  code: string;
  kind: 'amount' | 'percent';
  amount_satang: number | null;
  percent: number | null;
  min_spend_satang: number;
  cap_satang: number | null;
  per_buyer_limit: number;
  left: number;
  starts_at: string | Date;
  ends_at: string | Date;
}

/** Campaign offers in force now for these variants (the rows locked, in id order, when asked). */
export function offersNow(variantIds: SQL, now: Date, lock: boolean) {
  return sql`
    select ci.id, ci.campaign_id, ci.seller_id, ci.variant_id, ci.price_satang, ci.stock_limit - ci.sold as left,
      ci.per_buyer_limit
    from campaign_items ci join campaigns c on c.id = ci.campaign_id
    where ci.variant_id in (${variantIds}) and c.cancelled_at is null
      and c.starts_at <= ${now.toISOString()}::timestamptz and c.ends_at > ${now.toISOString()}::timestamptz
    order by ci.id ${lock ? sql`for update of ci` : sql``}`;
}

export async function readBook(
  tx: Executor,
  q: { variantIds: SQL; sellerIds: SQL; buyerKeys: string[]; codes: string[]; lock: boolean; now: Date },
): Promise<PromotionState & { sellerOfItem: Map<string, string> }> {
  const keys = textArray(q.buyerKeys);
  const codes = textArray(q.codes);
  const [offers, bought, shipping, vouchers, used] = await Promise.all([
    queryRows<OfferRow>(tx, offersNow(q.variantIds, q.now, q.lock)),
    queryRows<{ item: string; buyer: string; q: number }>(
      tx,
      sql`
      select p.campaign_item_id as item, p.buyer_key as buyer, sum(p.quantity)::int as q from campaign_purchases p
      where p.buyer_key = any(${keys}::text[]) and p.released_at is null
        and p.campaign_item_id in (select id from campaign_items where variant_id in (${q.variantIds}))
      group by 1, 2`,
    ),
    queryRows<{ seller_id: string; min: number }>(
      tx,
      sql`select seller_id, min_subtotal_satang as min from shop_free_shipping where seller_id in (${q.sellerIds})`,
    ),
    q.codes.length
      ? queryRows<VoucherRow>(
          tx,
          sql`
          select id, seller_id, code, kind, amount_satang, percent, min_spend_satang, cap_satang, per_buyer_limit,
            total_limit - used as left, starts_at, ends_at
          from vouchers where code = any(${codes}::text[]) order by id ${q.lock ? sql`for update` : sql``}`,
        )
      : Promise.resolve([] as VoucherRow[]),
    q.codes.length
      ? queryRows<{ voucher_id: string; buyer: string; n: number }>(
          tx,
          sql`
          select r.voucher_id, r.buyer_key as buyer, count(distinct r.group_id)::int as n from voucher_redemptions r
          join vouchers v on v.id = r.voucher_id
          where v.code = any(${codes}::text[]) and r.buyer_key = any(${keys}::text[]) and r.released_at is null
          group by 1, 2`,
        )
      : Promise.resolve([]),
  ]);
  const boughtBy = new Map<string, Map<string, number>>();
  for (const b of bought) boughtBy.set(b.item, (boughtBy.get(b.item) ?? new Map()).set(b.buyer, Number(b.q)));
  const usedBy = new Map<string, Map<string, number>>();
  for (const u of used) usedBy.set(u.voucher_id, (usedBy.get(u.voucher_id) ?? new Map()).set(u.buyer, Number(u.n)));
  const offerMap = new Map<string, CampaignOffer>();
  for (const o of offers)
    offerMap.set(o.variant_id, {
      itemId: o.id,
      campaignId: o.campaign_id,
      variantId: o.variant_id,
      priceSatang: Number(o.price_satang),
      left: Number(o.left),
      perBuyerLimit: Number(o.per_buyer_limit),
      boughtBy: boughtBy.get(o.id) ?? new Map(),
    });
  const voucherMap = new Map<string, VoucherTerms>();
  for (const v of vouchers)
    voucherMap.set(v.code, {
      id: v.id,
      sellerId: v.seller_id,
      code: v.code,
      kind: v.kind,
      amountSatang: v.amount_satang === null ? null : Number(v.amount_satang),
      percent: v.percent === null ? null : Number(v.percent),
      minSpendSatang: Number(v.min_spend_satang),
      capSatang: v.cap_satang === null ? null : Number(v.cap_satang),
      perBuyerLimit: Number(v.per_buyer_limit),
      left: Number(v.left),
      startsAt: new Date(v.starts_at),
      endsAt: new Date(v.ends_at),
      usedBy: usedBy.get(v.id) ?? new Map(),
    });
  return {
    now: q.now,
    offers: offerMap,
    vouchers: voucherMap,
    freeShipping: new Map(shipping.map((s) => [s.seller_id, Number(s.min)])),
    sellerOfItem: new Map(offers.map((o) => [o.id, o.seller_id])),
  };
}

/** Counts the placed checkouts' uses and records what each order took. */
export async function commitUses(
  tx: Executor,
  placed: PlacedPromotion[],
  sellerOfItem: Map<string, string>,
): Promise<void> {
  const units = new Map<string, number>();
  const uses = new Map<string, number>();
  const purchases: Record<string, unknown>[] = [];
  const redemptions: Record<string, unknown>[] = [];
  for (const p of placed) {
    for (const c of p.outcome.uses.campaignItems) {
      units.set(c.itemId, (units.get(c.itemId) ?? 0) + c.quantity);
      const sellerId = sellerOfItem.get(c.itemId)!;
      purchases.push({
        id: newId(),
        campaign_item_id: c.itemId,
        seller_id: sellerId,
        buyer_key: p.buyerKey,
        group_id: p.groupId,
        order_id: p.orderIdOf.get(sellerId),
        quantity: c.quantity,
      });
    }
    for (const id of p.outcome.uses.vouchers) uses.set(id, (uses.get(id) ?? 0) + 1);
    for (const o of p.outcome.orders)
      for (const d of o.discounts)
        if (d.id)
          redemptions.push({
            id: newId(),
            voucher_id: d.id,
            seller_id: o.sellerId,
            buyer_key: p.buyerKey,
            group_id: p.groupId,
            order_id: p.orderIdOf.get(o.sellerId),
            amount_satang: d.amountSatang,
            funded_by: d.fundedBy,
          });
  }
  const unitRows = [...units].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, q]) => ({ id, q }));
  const useRows = [...uses].sort(([a], [b]) => (a < b ? -1 : 1)).map(([id, q]) => ({ id, q }));
  const [, countedUnits, , countedUses] = await Promise.all([
    // Rows locked in one global order (campaign items, then vouchers, each by id), so batches cannot deadlock.
    unitRows.length
      ? tx.execute(sql`select 1 from campaign_items where id = any(${uuidArray(unitRows.map((r) => r.id))}::uuid[])
          order by id for update`)
      : null,
    unitRows.length
      ? queryRows(
          tx,
          sql`
          update campaign_items ci set sold = ci.sold + x.q
          from jsonb_to_recordset(${JSON.stringify(unitRows)}::jsonb) as x(id uuid, q int)
          where ci.id = x.id and ci.sold + x.q <= ci.stock_limit returning ci.id`,
        )
      : [],
    useRows.length
      ? tx.execute(sql`select 1 from vouchers where id = any(${uuidArray(useRows.map((r) => r.id))}::uuid[])
          order by id for update`)
      : null,
    useRows.length
      ? queryRows(
          tx,
          sql`
          update vouchers v set used = v.used + x.q
          from jsonb_to_recordset(${JSON.stringify(useRows)}::jsonb) as x(id uuid, q int)
          where v.id = x.id and v.used + x.q <= v.total_limit returning v.id`,
        )
      : [],
    purchases.length
      ? tx.execute(sql`
          insert into campaign_purchases (id, campaign_item_id, seller_id, buyer_key, group_id, order_id, quantity)
          select * from jsonb_to_recordset(${JSON.stringify(purchases)}::jsonb) as x(id uuid, campaign_item_id uuid,
            seller_id uuid, buyer_key text, group_id uuid, order_id uuid, quantity int)`)
      : null,
    redemptions.length
      ? tx.execute(sql`
          insert into voucher_redemptions (id, voucher_id, seller_id, buyer_key, group_id, order_id, amount_satang,
            funded_by)
          select * from jsonb_to_recordset(${JSON.stringify(redemptions)}::jsonb) as x(id uuid, voucher_id uuid,
            seller_id uuid, buyer_key text, group_id uuid, order_id uuid, amount_satang int, funded_by text)`)
      : null,
  ]);
  if (countedUnits.length !== unitRows.length || countedUses.length !== useRows.length) throw new PromotionConflict();
}

/** What the campaigns module gives the checkout. */
export const checkoutPromotions: CheckoutPromotions = {
  async read(tx, q): Promise<PromotionBook> {
    const state = await readBook(tx, q);
    return {
      price: (cart) => priceCart(state, cart),
      commit: (t, placed) => commitUses(t, placed, state.sellerOfItem),
    };
  },
};
