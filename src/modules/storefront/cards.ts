// What a product card shows besides its title and price, for a whole page of cards at once: the
// rating, the units sold, the campaign price in force (with the catalog price it replaces and its
// end), and badges from facts other modules already keep. One call per page, a fixed number of
// queries whatever the number of cards.
import type { Executor } from '../../platform/db.ts';
import { campaignPricesOf, freeShippingOfShops } from '../campaigns/index.ts';
import { getVariantsForSale, productFacts } from '../catalog/index.ts';
import { productTerms } from '../crossborder/index.ts';
import { bondedAvailability } from '../inventory/index.ts';
import { productRatings, shopRatings } from '../reviews/index.ts';
import { unitsSold } from '../search/index.ts';
import { shopsByIds } from '../sellers/index.ts';
import { productMarkSummaries } from '../standards/index.ts';

export type CardBadge =
  | { kind: 'flagship' }
  | { kind: 'mark'; mark: string; stars: number | null }
  | { kind: 'cross_border' }
  | { kind: 'free_shipping'; minSubtotalSatang: number };

export interface CampaignVariantPrice {
  variantId: string;
  priceSatang: number;
  listPriceSatang: number;
  /** Campaign units left for everyone, and how many one buyer may take. */
  left: number;
  perBuyerLimit: number;
}

export interface CardFacts {
  productId: string;
  rating: { average: number; count: number } | null;
  /** The shop's rating over all its products' reviews. */
  shopRating: { average: number; count: number } | null;
  sold: number;
  campaign: {
    campaignId: string;
    name: { th: string; zh?: string | null; en?: string | null };
    endsAt: string;
    /** The cheapest variant's offer, which the card shows. */
    priceSatang: number;
    listPriceSatang: number;
    variants: CampaignVariantPrice[];
  } | null;
  badges: CardBadge[];
}

export async function cardFacts(db: Executor, productIds: string[], now = new Date()): Promise<CardFacts[]> {
  const facts = await productFacts(db, productIds);
  const ids = [...facts.keys()];
  const sellerIds = [...new Set([...facts.values()].map((f) => f.sellerId))];
  const variantIds = [...facts.values()].flatMap((f) => f.variantIds);
  const [ratings, sold, campaigns, marks, terms, bonded, shops, freeShipping, shopStars] = await Promise.all([
    productRatings(db, ids),
    unitsSold(db, ids),
    campaignPricesOf(db, ids, now),
    productMarkSummaries(db, ids),
    productTerms(db, ids),
    bondedAvailability(db, variantIds),
    shopsByIds(db, sellerIds),
    freeShippingOfShops(db, sellerIds),
    shopRatings(db, sellerIds),
  ]);
  const offered = [...campaigns.values()].flat().map((c) => c.variantId);
  const listPrice = new Map((await getVariantsForSale(db, offered)).map((v) => [v.variantId, v.priceSatang]));

  return productIds.flatMap((productId) => {
    const f = facts.get(productId);
    if (!f) return [];
    // An offer whose campaign units are gone no longer applies at checkout, so the card does not show it.
    const offers = (campaigns.get(productId) ?? []).filter((c) => listPrice.has(c.variantId) && c.sold < c.stockLimit);
    const first = offers[0];
    const badges: CardBadge[] = [];
    if (shops.get(f.sellerId)?.isFlagship) badges.push({ kind: 'flagship' });
    for (const m of marks.get(productId) ?? []) badges.push({ kind: 'mark', mark: m.kind, stars: m.stars });
    if (terms.get(productId)?.eligible && f.variantIds.some((v) => (bonded.get(v) ?? 0) > 0))
      badges.push({ kind: 'cross_border' });
    const threshold = freeShipping.get(f.sellerId);
    if (threshold !== undefined) badges.push({ kind: 'free_shipping', minSubtotalSatang: threshold });
    return [
      {
        productId,
        rating: ratings.get(productId) ?? null,
        shopRating: shopStars.get(f.sellerId) ?? null,
        sold: sold.get(productId) ?? 0,
        campaign: first
          ? {
              campaignId: first.campaignId,
              name: first.name,
              endsAt: first.endsAt,
              priceSatang: first.priceSatang,
              listPriceSatang: listPrice.get(first.variantId)!,
              variants: offers
                .filter((c) => c.campaignId === first.campaignId)
                .map((c) => ({
                  variantId: c.variantId,
                  priceSatang: c.priceSatang,
                  listPriceSatang: listPrice.get(c.variantId)!,
                  left: Math.max(0, c.stockLimit - c.sold),
                  perBuyerLimit: c.perBuyerLimit,
                })),
            }
          : null,
        badges,
      },
    ];
  });
}
