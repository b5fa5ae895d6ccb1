// How reviews count in search ranking. Reviews is a later module: it fills in `ratingSourceHook`
// with the published reviews' totals, and tells search through the `review.rating_changed` event
// when they change (handlers.ts), so search never reads the reviews' tables.
import type { Executor } from '../../platform/db.ts';
import { hookPoint } from '../../platform/module.ts';

/** Published reviews: how many, and the sum of their stars (1-5 each). */
export interface RatingTotals {
  count: number;
  sum: number;
}

/** The totals per product and per shop (over all its products); absent means no published review. */
export type RatingSource = (
  db: Executor,
  ids: { productIds: string[]; sellerIds: string[] },
) => Promise<{ products: Map<string, RatingTotals>; shops: Map<string, RatingTotals> }>;

export const noRatings: RatingSource = async () => ({ products: new Map(), shops: new Map() });
export const ratingSourceHook = hookPoint<RatingSource>('search.ratings');

/** What a product with no review, in a shop with none, is taken to be: a middling 3.5 stars. */
export const PRIOR_STARS = 3.5;
/** How many reviews the prior weighs on a product, as if that many had given it. */
export const PRIOR_WEIGHT = 10;
/**
 * And on a shop's rating when it is the prior of its products: heavier, so that a product nobody
 * has reviewed gets only part of its shop's reputation, and stays below its reviewed siblings.
 */
export const SHOP_PRIOR_WEIGHT = 30;
/** The score of a product nobody has reviewed in a shop nobody has reviewed, in tenths of a star. */
export const NEUTRAL_RATING_SCORE = Math.round(PRIOR_STARS * 10);

const shrink = (prior: number, t: RatingTotals, weight: number) => (weight * prior + t.sum) / (weight + t.count);

/**
 * A product's rating as ranking reads it, in tenths of a star (10-50): a Bayesian average, so that
 * a few reviews move it only a little. Its reviews are averaged together with PRIOR_WEIGHT
 * imaginary ones at the prior; the prior is the shop's own rating (its other products' reviews,
 * themselves pulled towards PRIOR_STARS by SHOP_PRIOR_WEIGHT imaginary ones). One 5-star review on an unknown product
 * gives (10 × 3.5 + 5) / 11 ≈ 3.6 stars, while 40 reviews averaging 4.6 give about 4.4: many
 * good reviews beat one perfect one, and a new product of a shop with 60 reviews averaging 4.5 starts at 4.2.
 * Ranking reads it in half stars (pg-query.ts SIGNALS), so 3.6 still ranks with an unreviewed 3.5.
 */
export function ratingScore(product: RatingTotals | undefined, shop: RatingTotals | undefined): number {
  const own = product ?? { count: 0, sum: 0 };
  const others = shop
    ? { count: Math.max(shop.count - own.count, 0), sum: Math.max(shop.sum - own.sum, 0) }
    : { count: 0, sum: 0 };
  return Math.round(shrink(shrink(PRIOR_STARS, others, SHOP_PRIOR_WEIGHT), own, PRIOR_WEIGHT) * 10);
}
