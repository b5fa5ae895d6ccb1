// What a shop's members see of their products: every language as stored, what is missing, and all
// variants and images (a buyer's view lives in storefront.ts).
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db.ts';
import type { LocalizedText } from '../../platform/http.ts';
import type { MediaStorage } from '../../platform/storage.ts';
import { notFound } from '../../platform/errors.ts';
import { productImages, productVariants, products } from './schema.ts';
import { cleanText, missingLanguages, type Translation } from './text.ts';
import type { ProductRow } from './product-rows.ts';

export interface VariantView {
  id: string;
  sku: string;
  gtin: string | null;
  optionValues: LocalizedText[];
  priceSatang: number;
  weightGrams: number;
  active: boolean;
  position: number;
}
export interface ImageView {
  id: string;
  url: string;
  thumbnailUrl: string;
  contentType: string;
  width: number;
  height: number;
  alt: string | null;
  position: number;
}
export interface SellerProductSummary {
  id: string;
  sellerId: string;
  categoryId: string;
  slug: string;
  status: ProductRow['status'];
  title: LocalizedText;
  minPriceSatang: number | null;
  missingLanguages: Translation[];
  thumbnailUrl: string | null;
  updatedAt: string;
}
export interface SellerProductView extends Omit<SellerProductSummary, 'thumbnailUrl'> {
  description: LocalizedText;
  optionNames: LocalizedText[];
  hsCode: string | null;
  originProvinceCode: string;
  perishable: boolean;
  shelfLifeDays: number | null;
  publishedAt: string | null;
  createdAt: string;
  variants: VariantView[];
  images: ImageView[];
}

export const titleOf = (p: Pick<ProductRow, 'titleTh' | 'titleZh' | 'titleEn'>): LocalizedText => ({
  th: p.titleTh,
  zh: p.titleZh,
  en: p.titleEn,
});
export const descriptionOf = (
  p: Pick<ProductRow, 'descriptionTh' | 'descriptionZh' | 'descriptionEn'>,
): LocalizedText => ({ th: p.descriptionTh, zh: p.descriptionZh, en: p.descriptionEn });

/** A language is missing when the title, the description or an option name lacks it. */
export const productMissingLanguages = (p: ProductRow): Translation[] =>
  missingLanguages(titleOf(p), descriptionOf(p), ...p.optionNames.map(cleanText));

export function imageView(i: typeof productImages.$inferSelect, storage: MediaStorage): ImageView {
  return {
    id: i.id,
    url: storage.url(i.storageKey),
    thumbnailUrl: storage.url(i.thumbKey),
    contentType: i.contentType,
    width: i.width,
    height: i.height,
    alt: i.altTh,
    position: i.position,
  };
}

export function variantView(v: typeof productVariants.$inferSelect): VariantView {
  return {
    id: v.id,
    sku: v.sku,
    gtin: v.gtin,
    optionValues: v.optionValues.map(cleanText),
    priceSatang: v.priceSatang,
    weightGrams: v.weightGrams,
    active: v.active,
    position: v.position,
  };
}

export function productSummary(p: ProductRow, thumbnailUrl: string | null): SellerProductSummary {
  return {
    id: p.id,
    sellerId: p.sellerId,
    categoryId: p.categoryId,
    slug: p.slug,
    status: p.status,
    title: titleOf(p),
    minPriceSatang: p.minPriceSatang,
    missingLanguages: productMissingLanguages(p),
    thumbnailUrl,
    updatedAt: p.updatedAt.toISOString(),
  };
}

/** The full seller-side view of one product of the shop (404 for another shop's product). */
export async function loadSellerProduct(
  db: Executor,
  sellerId: string,
  productId: string,
  storage: MediaStorage,
): Promise<SellerProductView> {
  const [p] = await db
    .select()
    .from(products)
    .where(and(eq(products.id, productId), eq(products.sellerId, sellerId)));
  if (!p) throw notFound('product');
  const [variants, images] = await Promise.all([
    db
      .select()
      .from(productVariants)
      .where(eq(productVariants.productId, p.id))
      .orderBy(asc(productVariants.position), asc(productVariants.id)),
    db
      .select()
      .from(productImages)
      .where(eq(productImages.productId, p.id))
      .orderBy(asc(productImages.position), asc(productImages.id)),
  ]);
  const { thumbnailUrl: _none, ...summary } = productSummary(p, null);
  return {
    ...summary,
    description: descriptionOf(p),
    optionNames: p.optionNames.map(cleanText),
    hsCode: p.hsCode,
    originProvinceCode: p.originProvinceCode,
    perishable: p.perishable,
    shelfLifeDays: p.shelfLifeDays,
    publishedAt: p.publishedAt?.toISOString() ?? null,
    createdAt: p.createdAt.toISOString(),
    variants: variants.map(variantView),
    images: images.map((i) => imageView(i, storage)),
  };
}

/** The first image's thumbnail of each product (for lists). */
export async function firstThumbnails(db: Executor, productIds: string[]): Promise<Map<string, string>> {
  if (!productIds.length) return new Map();
  const rows = await db
    .selectDistinctOn([productImages.productId], {
      productId: productImages.productId,
      thumbKey: productImages.thumbKey,
    })
    .from(productImages)
    .where(inArray(productImages.productId, productIds))
    .orderBy(productImages.productId, asc(productImages.position), asc(productImages.id));
  return new Map(rows.map((r) => [r.productId, r.thumbKey]));
}
