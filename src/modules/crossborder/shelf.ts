// What a buyer in China can order now: products eligible under their cross-border terms (the
// positive list as the shop declared it) with units held in the bonded hub, each with the lowest
// landed price of one unit among its variants that can go. The /cn landing page lists these.
import { desc, eq } from 'drizzle-orm';
import type { Config } from '../../platform/config.ts';
import type { Executor } from '../../platform/db.ts';
import { getVariantsForSale, productFacts } from '../catalog/index.ts';
import { bondedAvailability } from '../inventory/index.ts';
import type { FxRate } from '../payments/index.ts';
import { quoteOrder, sellingRate } from './pricing.ts';
import { cbecRatePercent } from './rules.ts';
import { cbecProducts } from './schema.ts';
import { productTerms } from './terms.ts';

export interface ShelfOffer {
  productId: string;
  variantId: string;
  bondedAvailable: number;
  unitPriceFen: number;
  freightFen: number;
  taxFen: number;
  totalFen: number;
  taxRatePercent: number;
  yearlyQuantityCap: number | null;
}

/** How many eligible products the shelf looks at, most recently updated terms first. */
export const SHELF_SCAN_LIMIT = 500;

/** The products that can be bought cross-border now, by product id (in the terms' update order, newest first). */
export async function crossBorderShelf(
  db: Executor,
  config: Config,
  now = new Date(),
): Promise<{ rate: FxRate; offers: Map<string, ShelfOffer> }> {
  const rate = await sellingRate(db, config, now);
  const eligible = await db
    .select({ productId: cbecProducts.productId })
    .from(cbecProducts)
    .where(eq(cbecProducts.eligible, true))
    .orderBy(desc(cbecProducts.updatedAt))
    .limit(SHELF_SCAN_LIMIT);
  const ids = eligible.map((r) => r.productId);
  const facts = await productFacts(db, ids);
  const variantIds = [...facts.values()].flatMap((f) => f.variantIds);
  const [variants, bonded, terms] = await Promise.all([
    getVariantsForSale(db, variantIds),
    bondedAvailability(db, variantIds),
    productTerms(db, ids),
  ]);
  const offers = new Map<string, ShelfOffer>();
  for (const productId of ids) {
    const t = terms.get(productId);
    if (!t?.eligible) continue;
    let best: ShelfOffer | null = null;
    for (const v of variants) {
      if (v.productId !== productId || !v.saleable) continue;
      const held = bonded.get(v.variantId) ?? 0;
      if (held <= 0) continue; // only what the bonded hub holds ships to China
      const q = quoteOrder(config, rate, v.sellerId, [{ v, quantity: 1, terms: t }]);
      if (best && best.totalFen <= q.landed.totalFen) continue;
      best = {
        productId,
        variantId: v.variantId,
        bondedAvailable: held,
        unitPriceFen: q.landed.goodsFen,
        freightFen: q.landed.freightFen,
        taxFen: q.landed.taxFen,
        totalFen: q.landed.totalFen,
        taxRatePercent: cbecRatePercent(t),
        yearlyQuantityCap: t.yearlyQuantityCap,
      };
    }
    if (best) offers.set(productId, best);
  }
  return { rate, offers };
}
