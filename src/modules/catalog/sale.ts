// What checkout, cart and inventory need to know about the variants they sell, in one query:
// this sits on the checkout hot path (a flash sale asks it thousands of times a minute).
import { eq, sql } from 'drizzle-orm';
import { inIds, type Executor, type IdSet } from '../../platform/db.ts';
import type { SQL } from 'drizzle-orm';
import type { LocalizedText } from '../../platform/http.ts';
import { shopsOnSale } from '../sellers/index.ts';
import { productVariants, products } from './schema.ts';
import { cleanText, type OptionText } from './text.ts';
import { UUID } from './validation.ts';

export interface VariantForSale {
  variantId: string;
  productId: string;
  sellerId: string;
  sku: string;
  priceSatang: number;
  weightGrams: number;
  optionValues: OptionText[];
  title: LocalizedText;
  /** Declaration data for cross-border parcels. */
  hsCode: string | null;
  originProvinceCode: string;
  perishable: boolean;
  /** The product is active, the variant is active and the seller is approved. */
  saleable: boolean;
}

/**
 * The variants among `variantIds` that exist (unknown or malformed ids are simply absent), with
 * whether each can be sold now. Read-only and public data, so it takes no actor.
 *
 * Whether the shop may sell comes from the view the sellers module publishes (shops_on_sale), joined
 * in the same query, so that the answer (read on every checkout) costs a single round trip.
 */
export async function getVariantsForSale(db: Executor, variantIds: IdSet): Promise<VariantForSale[]> {
  const ids = Array.isArray(variantIds) ? [...new Set(variantIds.filter((id) => UUID.test(id)))] : variantIds;
  if (Array.isArray(ids) && !ids.length) return [];
  const rows = await db
    .select({
      variantId: productVariants.id,
      productId: productVariants.productId,
      sellerId: productVariants.sellerId,
      sku: productVariants.sku,
      priceSatang: productVariants.priceSatang,
      weightGrams: productVariants.weightGrams,
      optionValues: productVariants.optionValues,
      titleTh: products.titleTh,
      titleZh: products.titleZh,
      titleEn: products.titleEn,
      hsCode: products.hsCode,
      originProvinceCode: products.originProvinceCode,
      perishable: products.perishable,
      saleable: sql<boolean>`(${products.status} = 'active' and ${productVariants.active} and ${shopsOnSale.id} is not null)`,
    })
    .from(productVariants)
    .innerJoin(products, eq(products.id, productVariants.productId))
    .leftJoin(shopsOnSale, eq(shopsOnSale.id, productVariants.sellerId))
    .where(inIds(productVariants.id, ids));
  return rows.map(({ titleTh, titleZh, titleEn, ...r }) => ({
    ...r,
    optionValues: r.optionValues.map(cleanText),
    title: { th: titleTh, zh: titleZh, en: titleEn },
    saleable: r.saleable === true,
  }));
}

/** A subquery selecting the shops that sell these variants (for reads pipelined with this one). */
export function sellersOfVariants(variantIds: SQL): SQL {
  return sql`select ${productVariants.sellerId} from ${productVariants} where ${productVariants.id} in (${variantIds})`;
}

/** The shop a product belongs to (null when there is no such product): for later modules' ownership checks. */
export async function productSellerId(db: Executor, productId: string): Promise<string | null> {
  if (!UUID.test(productId)) return null;
  const [row] = await db.select({ sellerId: products.sellerId }).from(products).where(eq(products.id, productId));
  return row?.sellerId ?? null;
}
