// What buyers see: active products of approved shops only, each text in the buyer's language
// (falling back to Thai) alongside all three, prices in satang. Stock is the inventory module's.
//
// The shop's slug and name come from the view the sellers module publishes (shops_on_sale, approved
// shops only), joined in the same query: a service call would cost a round trip per page.
import { and, asc, count, desc, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../platform/db.ts';
import type { Locale } from '../../platform/i18n.ts';
import type { LocalizedText } from '../../platform/http.ts';
import { notFound } from '../../platform/errors.ts';
import { provinceByCode } from '../../platform/provinces.ts';
import type { MediaStorage } from '../../platform/storage.ts';
import { shopsOnSale as sellers } from '../sellers/index.ts';
import { productImages, productVariants, products } from './schema.ts';
import { categoryPath, inCategoryTree, type CategoryStep } from './categories.ts';
import { cleanText, localize } from './text.ts';
import { descriptionOf, firstThumbnails, titleOf } from './views.ts';
import { UUID } from './validation.ts';
import type { Page } from './products.ts';

export type ProductSort = 'newest' | 'price_asc' | 'price_desc';

export interface ProductFilters {
  category?: string;
  seller?: string;
  province?: string;
  minPriceSatang?: number;
  maxPriceSatang?: number;
  sort?: ProductSort;
  /** Only these products (another module's selection, e.g. what can go cross-border). */
  ids?: string[];
  page: number;
  perPage: number;
}

export interface ShopSummary {
  id: string;
  slug: string;
  shopName: string;
  shopNameI18n: LocalizedText;
  provinceCode: string;
  isFlagship: boolean;
}

export interface PublicProductItem {
  id: string;
  slug: string;
  title: string;
  titleLang: Locale;
  titleI18n: LocalizedText;
  minPriceSatang: number;
  currency: 'THB';
  thumbnailUrl: string | null;
  categoryId: string;
  originProvinceCode: string;
  perishable: boolean;
  publishedAt: string | null;
  shop: ShopSummary;
}

export interface PublicProduct extends Omit<PublicProductItem, 'thumbnailUrl'> {
  description: string;
  descriptionLang: Locale;
  descriptionI18n: LocalizedText;
  options: { name: string; nameI18n: LocalizedText }[];
  variants: {
    id: string;
    sku: string;
    gtin: string | null;
    optionValues: string[];
    optionValuesI18n: LocalizedText[];
    priceSatang: number;
    weightGrams: number;
  }[];
  images: { id: string; url: string; thumbnailUrl: string; width: number; height: number; alt: string | null }[];
  categoryPath: CategoryStep[];
  originProvince: { code: string; name: string };
  hsCode: string | null;
  shelfLifeDays: number | null;
}

// Joined with the published view of shops on sale: an inner join keeps approved shops only.
const onSale = eq(products.status, 'active');

const columns = {
  product: products,
  shop: {
    id: sellers.id,
    slug: sellers.slug,
    th: sellers.shopNameTh,
    zh: sellers.shopNameZh,
    en: sellers.shopNameEn,
    provinceCode: sellers.provinceCode,
    isFlagship: sellers.isFlagship,
  },
};
type Row = {
  product: typeof products.$inferSelect;
  shop: {
    id: string;
    slug: string;
    th: string;
    zh: string | null;
    en: string | null;
    provinceCode: string;
    isFlagship: boolean;
  };
};

function shopSummary(s: Row['shop'], locale: Locale): ShopSummary {
  const shopNameI18n = { th: s.th, zh: s.zh, en: s.en };
  return {
    id: s.id,
    slug: s.slug,
    shopName: localize(shopNameI18n, locale).text,
    shopNameI18n,
    provinceCode: s.provinceCode,
    isFlagship: s.isFlagship,
  };
}

function item({ product: p, shop }: Row, locale: Locale, thumbnailUrl: string | null): PublicProductItem {
  const title = localize(titleOf(p), locale);
  return {
    id: p.id,
    slug: p.slug,
    title: title.text,
    titleLang: title.lang,
    titleI18n: titleOf(p),
    minPriceSatang: p.minPriceSatang ?? 0,
    currency: 'THB',
    thumbnailUrl,
    categoryId: p.categoryId,
    originProvinceCode: p.originProvinceCode,
    perishable: p.perishable,
    publishedAt: p.publishedAt?.toISOString() ?? null,
    shop: shopSummary(shop, locale),
  };
}

export async function listPublicProducts(
  db: Executor,
  locale: Locale,
  f: ProductFilters,
  storage: MediaStorage,
): Promise<Page<PublicProductItem>> {
  const conditions: (SQL | undefined)[] = [onSale];
  if (f.category) conditions.push(inCategoryTree(products.categoryId, f.category));
  if (f.seller) conditions.push(UUID.test(f.seller) ? eq(products.sellerId, f.seller) : eq(sellers.slug, f.seller));
  if (f.province) conditions.push(eq(products.originProvinceCode, f.province));
  if (f.ids) conditions.push(f.ids.length ? inArray(products.id, f.ids) : sql`false`);
  if (f.minPriceSatang !== undefined) conditions.push(gte(products.minPriceSatang, f.minPriceSatang));
  if (f.maxPriceSatang !== undefined) conditions.push(lte(products.minPriceSatang, f.maxPriceSatang));
  const where = and(...conditions);
  const order =
    f.sort === 'price_asc'
      ? [asc(products.minPriceSatang), asc(products.id)]
      : f.sort === 'price_desc'
        ? [desc(products.minPriceSatang), desc(products.id)]
        : [sql`${products.publishedAt} desc nulls last`, desc(products.id)];
  const [rows, [{ total }]] = await Promise.all([
    db
      .select(columns)
      .from(products)
      .innerJoin(sellers, eq(sellers.id, products.sellerId))
      .where(where)
      .orderBy(...order)
      .limit(f.perPage)
      .offset((f.page - 1) * f.perPage),
    db.select({ total: count() }).from(products).innerJoin(sellers, eq(sellers.id, products.sellerId)).where(where),
  ]);
  const thumbs = await firstThumbnails(
    db,
    rows.map((r) => r.product.id),
  );
  return {
    items: rows.map((r) => item(r, locale, thumbs.has(r.product.id) ? storage.url(thumbs.get(r.product.id)!) : null)),
    page: f.page,
    perPage: f.perPage,
    total,
  };
}

/** One product on sale, by id or by shop slug + product slug; anything not on sale is "not found". */
export async function getPublicProduct(
  db: Executor,
  locale: Locale,
  ref: { id: string } | { shopSlug: string; productSlug: string },
  storage: MediaStorage,
): Promise<PublicProduct> {
  const match =
    'id' in ref
      ? UUID.test(ref.id)
        ? eq(products.id, ref.id)
        : undefined
      : and(eq(sellers.slug, ref.shopSlug), eq(products.slug, ref.productSlug));
  if (!match) throw notFound('product');
  const [row] = await db
    .select(columns)
    .from(products)
    .innerJoin(sellers, eq(sellers.id, products.sellerId))
    .where(and(onSale, match));
  if (!row) throw notFound('product');
  const p = row.product;
  const [variants, images, path] = await Promise.all([
    db
      .select()
      .from(productVariants)
      .where(and(eq(productVariants.productId, p.id), eq(productVariants.active, true)))
      .orderBy(asc(productVariants.position), asc(productVariants.id)),
    db
      .select()
      .from(productImages)
      .where(eq(productImages.productId, p.id))
      .orderBy(asc(productImages.position), asc(productImages.id)),
    categoryPath(db, p.categoryId, locale),
  ]);
  const { thumbnailUrl: _unused, ...base } = item(row, locale, null);
  const description = localize(descriptionOf(p), locale);
  const province = provinceByCode(p.originProvinceCode);
  return {
    ...base,
    description: description.text,
    descriptionLang: description.lang,
    descriptionI18n: descriptionOf(p),
    options: p.optionNames.map(cleanText).map((n) => ({ name: localize(n, locale).text, nameI18n: n })),
    variants: variants.map((v) => {
      const values = v.optionValues.map(cleanText);
      return {
        id: v.id,
        sku: v.sku,
        gtin: v.gtin,
        optionValues: values.map((o) => localize(o, locale).text),
        optionValuesI18n: values,
        priceSatang: v.priceSatang,
        weightGrams: v.weightGrams,
      };
    }),
    images: images.map((i) => ({
      id: i.id,
      url: storage.url(i.storageKey),
      thumbnailUrl: storage.url(i.thumbKey),
      width: i.width,
      height: i.height,
      alt: i.altTh,
    })),
    categoryPath: path,
    originProvince: {
      code: p.originProvinceCode,
      name: province ? (locale === 'th' ? province.th : province[locale]) : p.originProvinceCode,
    },
    hsCode: p.hsCode,
    shelfLifeDays: p.shelfLifeDays,
  };
}
