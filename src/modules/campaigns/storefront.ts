// What the storefront shows of campaigns: the campaign price in force on a product, until when,
// and how much of the campaign's stock is left (for cards, the product page and its countdown).
import { inArray, sql } from 'drizzle-orm';
import { type Executor, queryRows, uuidArray } from '../../platform/db.ts';
import { shopFreeShipping } from './schema.ts';

export interface CampaignPrice {
  campaignId: string;
  name: { th: string; zh?: string | null; en?: string | null };
  variantId: string;
  priceSatang: number;
  endsAt: string;
  stockLimit: number;
  sold: number;
  perBuyerLimit: number;
}

/** The campaign offers in force now on these products, by product, cheapest variant first. */
export async function campaignPricesOf(
  db: Executor,
  productIds: string[],
  now = new Date(),
): Promise<Map<string, CampaignPrice[]>> {
  const out = new Map<string, CampaignPrice[]>();
  if (!productIds.length) return out;
  const rows = await queryRows<{
    product_id: string;
    campaign_id: string;
    name: CampaignPrice['name'];
    variant_id: string;
    price_satang: number;
    ends_at: string | Date;
    stock_limit: number;
    sold: number;
    per_buyer_limit: number;
  }>(
    db,
    sql`
    select ci.product_id, ci.campaign_id, c.name, ci.variant_id, ci.price_satang, c.ends_at, ci.stock_limit, ci.sold,
      ci.per_buyer_limit
    from campaign_items ci join campaigns c on c.id = ci.campaign_id
    where ci.product_id = any(${uuidArray(productIds)}::uuid[]) and c.cancelled_at is null
      and c.starts_at <= ${now.toISOString()}::timestamptz and c.ends_at > ${now.toISOString()}::timestamptz
    order by ci.price_satang, ci.id`,
  );
  for (const r of rows) {
    const list = out.get(r.product_id) ?? [];
    list.push({
      campaignId: r.campaign_id,
      name: r.name,
      variantId: r.variant_id,
      priceSatang: Number(r.price_satang),
      endsAt: new Date(r.ends_at).toISOString(),
      stockLimit: Number(r.stock_limit),
      sold: Number(r.sold),
      perBuyerLimit: Number(r.per_buyer_limit),
    });
    out.set(r.product_id, list);
  }
  return out;
}

/** The free-shipping threshold of each of these shops that has one (for the "free shipping" badge). */
export async function freeShippingOfShops(db: Executor, sellerIds: string[]): Promise<Map<string, number>> {
  if (!sellerIds.length) return new Map();
  const rows = await db.select().from(shopFreeShipping).where(inArray(shopFreeShipping.sellerId, sellerIds));
  return new Map(
    rows.filter((r) => r.minSubtotalSatang !== null).map((r) => [r.sellerId, Number(r.minSubtotalSatang)]),
  );
}
