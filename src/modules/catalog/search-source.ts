// What the search module indexes, read in batches: the products on sale (active, in an approved
// shop) with their texts, active variants and first thumbnail. Three queries per batch, whatever
// its size, so `talad reindex` reads 100,000 products in seconds. Read-only; approved shops come
// from the view the sellers module publishes (shops_on_sale).
import { and, asc, count, eq, gt, inArray, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db.ts';
import type { LocalizedText } from '../../platform/http.ts';
import { shopsOnSale } from '../sellers/index.ts';
import { productVariants, products } from './schema.ts';
import { cleanText } from './text.ts';
import { descriptionOf, firstThumbnails, titleOf } from './views.ts';

export interface ProductForIndex {
  id: string;
  sellerId: string;
  categoryId: string;
  slug: string;
  title: LocalizedText;
  description: LocalizedText;
  optionNames: LocalizedText[];
  variants: { id: string; sku: string; gtin: string | null; optionValues: LocalizedText[]; priceSatang: number }[];
  minPriceSatang: number;
  originProvinceCode: string;
  publishedAt: Date | null;
  thumbKey: string | null;
}

export type IndexSelection = { ids: string[] } | { sellerId: string } | { afterId: string | null; limit: number };

/** How many products are on sale (for a progress bar). */
export async function countProductsForIndexing(db: Executor): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(products)
    .innerJoin(shopsOnSale, eq(shopsOnSale.id, products.sellerId))
    .where(eq(products.status, 'active'));
  return row.n;
}

/** The products on sale among the selection, in id order; a product not returned is not on sale. */
export async function productsForIndexing(db: Executor, selection: IndexSelection): Promise<ProductForIndex[]> {
  const onSale = eq(products.status, 'active');
  let where: SQL | undefined;
  let limit: number | undefined;
  if ('ids' in selection) {
    if (!selection.ids.length) return [];
    where = inArray(products.id, selection.ids);
  } else if ('sellerId' in selection) {
    where = eq(products.sellerId, selection.sellerId);
  } else {
    where = selection.afterId ? gt(products.id, selection.afterId) : undefined;
    limit = selection.limit;
  }
  const query = db
    .select({ product: products })
    .from(products)
    .innerJoin(shopsOnSale, eq(shopsOnSale.id, products.sellerId))
    .where(and(onSale, where))
    .orderBy(asc(products.id));
  const rows = limit ? await query.limit(limit) : await query;
  if (!rows.length) return [];
  const ids = rows.map((r) => r.product.id);
  const [variants, thumbs] = await Promise.all([
    db
      .select()
      .from(productVariants)
      .where(and(inArray(productVariants.productId, ids), eq(productVariants.active, true)))
      .orderBy(asc(productVariants.productId), asc(productVariants.position), asc(productVariants.id)),
    firstThumbnails(db, ids),
  ]);
  const byProduct = new Map<string, ProductForIndex['variants']>();
  for (const v of variants) {
    const list = byProduct.get(v.productId) ?? [];
    list.push({
      id: v.id,
      sku: v.sku,
      gtin: v.gtin,
      optionValues: v.optionValues.map(cleanText),
      priceSatang: v.priceSatang,
    });
    byProduct.set(v.productId, list);
  }
  return rows.map(({ product: p }) => ({
    id: p.id,
    sellerId: p.sellerId,
    categoryId: p.categoryId,
    slug: p.slug,
    title: titleOf(p),
    description: descriptionOf(p),
    optionNames: p.optionNames.map(cleanText),
    variants: byProduct.get(p.id) ?? [],
    minPriceSatang: p.minPriceSatang ?? 0,
    originProvinceCode: p.originProvinceCode,
    publishedAt: p.publishedAt,
    thumbKey: thumbs.get(p.id) ?? null,
  }));
}
