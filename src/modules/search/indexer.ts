// Keeping the index in step with the catalog: a product becomes a search document with its shop,
// category path, stock and sales. Products come from the catalog's service and shops from the
// sellers' service; stock and sales belong to modules after search, which it reads only through
// the SQL views they publish (stock_available_by_variant, order_product_lines).
import { sql } from 'drizzle-orm';
import { queryRows, uuidArray, type Executor } from '../../platform/db.ts';
import type { LocalizedText } from '../../platform/http.ts';
import { provinceByCode } from '../../platform/provinces.ts';
import {
  categoryTree,
  countProductsForIndexing,
  productsForIndexing,
  type CategoryNode,
  type ProductForIndex,
} from '../catalog/index.ts';
import { shopsByIds, type ShopView } from '../sellers/index.ts';
import { hookPoint, type Hooks } from '../../platform/module.ts';
import type { SearchDocument, SearchEngine } from './engine.ts';
import { glossary } from './glossary.ts';
import { noRatings, type RatingSource, ratingScore, ratingSourceHook } from './rating.ts';

/** Order states whose units count as sold. */
export const SOLD_STATUSES = ['paid', 'processing', 'shipped', 'delivered'];
const soldStatuses = sql.raw(`(${SOLD_STATUSES.map((s) => `'${s}'`).join(', ')})`);

interface CategoryInfo {
  ids: string[];
  names: LocalizedText[];
}

/** Each category's path from the top (ids and names), from the catalog's tree. */
async function categoryPaths(db: Executor): Promise<Map<string, CategoryInfo>> {
  const out = new Map<string, CategoryInfo>();
  const walk = (nodes: CategoryNode[], parent: CategoryInfo) => {
    for (const n of nodes) {
      const info = { ids: [...parent.ids, n.id], names: [...parent.names, n.nameI18n] };
      out.set(n.id, info);
      walk(n.children, info);
    }
  };
  walk(await categoryTree(db, 'th'), { ids: [], names: [] });
  return out;
}

/**
 * Where certification marks (GI, OTOP stars, organic, มอก., อย., ...) come from: the standards
 * module (after search) fills in `certificationSourceHook` with the verified, unexpired marks of
 * each product; without it no product carries one.
 */
export type CertificationSource = (db: Executor, productIds: string[]) => Promise<Map<string, string[]>>;
export const noCertifications: CertificationSource = async () => new Map();
export const certificationSourceHook = hookPoint<CertificationSource>('search.certifications');

/** What later modules tell the index through their hooks: marks (standards) and ratings (reviews). */
export interface IndexSources {
  certifications?: CertificationSource;
  ratings?: RatingSource;
}

/** The sources the later modules provided, if any. */
export const indexSources = (hooks: { get: Hooks['get'] }): IndexSources => ({
  certifications: hooks.get(certificationSourceHook),
  ratings: hooks.get(ratingSourceHook),
});

export class Indexer {
  private shops = new Map<string, ShopView>();
  private categories: Map<string, CategoryInfo> | null = null;

  private readonly certifications: CertificationSource;
  private readonly ratings: RatingSource;

  constructor(
    private readonly engine: SearchEngine,
    sources: IndexSources = {},
  ) {
    this.certifications = sources.certifications ?? noCertifications;
    this.ratings = sources.ratings ?? noRatings;
  }

  /** Search documents for products on sale (shops not approved are skipped). */
  async documents(db: Executor, products: ProductForIndex[]): Promise<SearchDocument[]> {
    if (!products.length) return [];
    this.categories ??= await categoryPaths(db);
    const missing = [...new Set(products.map((p) => p.sellerId))].filter((id) => !this.shops.has(id));
    if (missing.length) for (const [id, shop] of await shopsByIds(db, missing)) this.shops.set(id, shop);
    const ids = products.map((p) => p.id);
    const [inStock, sales, marks, ratings] = await Promise.all([
      variantsInStock(
        db,
        products.flatMap((p) => p.variants.map((v) => v.id)),
      ),
      salesOf(db, ids),
      this.certifications(db, ids),
      this.ratings(db, { productIds: ids, sellerIds: [...new Set(products.map((p) => p.sellerId))] }),
    ]);
    const docs: SearchDocument[] = [];
    for (const p of products) {
      const shop = this.shops.get(p.sellerId);
      const category = this.categories.get(p.categoryId);
      if (!shop || !category) continue;
      const province = provinceByCode(p.originProvinceCode);
      const texts = (t: LocalizedText) => [t.th, t.zh, t.en].filter((x): x is string => Boolean(x));
      const optionValues = new Set(p.variants.flatMap((v) => v.optionValues.flatMap(texts)));
      docs.push({
        productId: p.id,
        sellerId: p.sellerId,
        categoryIds: category.ids,
        variantIds: p.variants.map((v) => v.id),
        provinceCode: p.originProvinceCode,
        sellerType: shop.businessType,
        sellerTier: shop.isFlagship ? 2 : 1,
        certifications: marks.get(p.id) ?? [],
        priceSatang: p.minPriceSatang,
        inStock: p.variants.some((v) => inStock.has(v.id)),
        salesCount: sales.get(p.id) ?? 0,
        ratingScore: ratingScore(ratings.products.get(p.id), ratings.shops.get(p.sellerId)),
        publishedAt: p.publishedAt,
        fields: {
          title: texts(p.title),
          attributes: [
            ...category.names.flatMap(texts),
            ...p.optionNames.flatMap(texts),
            ...optionValues,
            // The province in Thai: its glossary concept makes 尖竹汶 and Chanthaburi find it too.
            ...(province ? [province.th] : []),
            ...p.variants.map((v) => v.gtin).filter((g): g is string => Boolean(g)),
          ],
          // Not the shop's name: a durian orchard's mangosteens are not durians. Shops are found
          // by name in the suggestions and the shop filter.
          description: texts(p.description),
        },
        card: {
          slug: p.slug,
          title: p.title,
          categoryId: p.categoryId,
          originProvinceCode: p.originProvinceCode,
          thumbKey: p.thumbKey,
          certifications: marks.get(p.id) ?? [],
          shop: {
            id: shop.id,
            slug: shop.slug,
            name: shop.shopName,
            isFlagship: shop.isFlagship,
            provinceCode: shop.province.code,
          },
        },
        shop: { id: shop.id, slug: shop.slug, name: shop.shopName },
      });
    }
    return docs;
  }

  /** Brings these products up to date: indexed if on sale, removed if not. */
  async indexProducts(db: Executor, productIds: string[]): Promise<void> {
    if (!productIds.length) return;
    this.shops.clear();
    this.categories = null;
    const products = await productsForIndexing(db, { ids: productIds });
    await this.engine.index(db, await this.documents(db, products));
    const onSale = new Set(products.map((p) => p.id));
    await this.engine.remove(
      db,
      productIds.filter((id) => !onSale.has(id)),
    );
  }

  /** A shop was approved, suspended or renamed: all its products again. */
  async indexShop(db: Executor, sellerId: string): Promise<void> {
    this.shops.clear();
    this.categories = null;
    const products = await productsForIndexing(db, { sellerId });
    await this.engine.index(db, await this.documents(db, products));
    const indexed = await queryRows<{ product_id: string }>(
      db,
      sql`select product_id from search_documents where seller_id = ${sellerId}::uuid`,
    );
    const onSale = new Set(products.map((p) => p.id));
    await this.engine.remove(
      db,
      indexed.map((r) => r.product_id).filter((id) => !onSale.has(id)),
    );
  }

  /** Rebuilds the whole index from the catalog while it keeps answering; reports progress. */
  async reindexAll(
    db: Executor,
    opts: { batchSize?: number; onProgress?: (done: number, total: number) => void } = {},
  ): Promise<number> {
    const batchSize = opts.batchSize ?? 1000;
    this.shops.clear();
    this.categories = null;
    const [{ now }] = await queryRows<{ now: string }>(db, sql`select now()::text as now`);
    const total = await countProductsForIndexing(db);
    await rebuildSales(db);
    let done = 0;
    let afterId: string | null = null;
    opts.onProgress?.(0, total);
    // One batch is written while the next is read and tokenized: the database and Node work at once.
    let writing: Promise<number> = Promise.resolve(0);
    for (;;) {
      const products = await productsForIndexing(db, { afterId, limit: batchSize });
      if (!products.length) break;
      afterId = products[products.length - 1].id;
      const docs = await this.documents(db, products);
      done += await writing;
      if (done) opts.onProgress?.(done, total);
      writing = this.engine.index(db, docs).then(() => products.length);
      writing.catch(() => undefined); // awaited on the next turn; until then, not an unhandled rejection
    }
    done += await writing;
    opts.onProgress?.(done, total);
    await this.engine.finishRebuild(db, new Date(now), glossary.vocabulary);
    return done;
  }

  /** Units available changed for these variants (a stock count, an order placed or cancelled). */
  async refreshStock(db: Executor, filter: { variantId: string } | { orderId: string }): Promise<void> {
    const docs =
      'variantId' in filter
        ? sql`select product_id, variant_ids from search_documents where variant_ids @> array[${filter.variantId}::uuid]`
        : sql`select product_id, variant_ids from search_documents
          where product_id in (select product_id from order_product_lines where order_id = ${filter.orderId}::uuid)`;
    const rows = await queryRows<{ product_id: string; in_stock: boolean }>(
      db,
      sql`
      with docs as (${docs})
      select docs.product_id, exists(select 1 from stock_available_by_variant s
        where s.variant_id = any(docs.variant_ids) and s.available > 0) as in_stock from docs`,
    );
    await this.engine.updateSignals(
      db,
      rows.map((r) => ({ productId: r.product_id, inStock: r.in_stock })),
    );
  }

  /**
   * A review of this shop was published, hidden or restored: the product's score changes, and so
   * does every other product of the shop (the shop's rating is their prior, see rating.ts).
   */
  async refreshRatings(db: Executor, sellerId: string): Promise<void> {
    const docs = await queryRows<{ product_id: string }>(
      db,
      sql`select product_id from search_documents where seller_id = ${sellerId}::uuid`,
    );
    if (!docs.length) return;
    const productIds = docs.map((d) => d.product_id);
    const totals = await this.ratings(db, { productIds, sellerIds: [sellerId] });
    const shop = totals.shops.get(sellerId);
    await this.engine.updateSignals(
      db,
      productIds.map((id) => ({ productId: id, ratingScore: ratingScore(totals.products.get(id), shop) })),
    );
  }

  /** An order changed state: its units count as sold while it is paid (and after), not before or once cancelled. */
  async syncSales(db: Executor, orderId: string): Promise<void> {
    const changed = await queryRows<{ product_id: string }>(
      db,
      sql`
      with lines as (
        select order_id, status, product_id, sum(quantity)::int as quantity from order_product_lines
        where order_id = ${orderId}::uuid group by 1, 2, 3
      ), added as (
        insert into search_sales (order_id, product_id, quantity)
        select order_id, product_id, quantity from lines where status in ${soldStatuses}
        on conflict do nothing returning product_id
      ), removed as (
        delete from search_sales s using lines
        where s.order_id = lines.order_id and s.product_id = lines.product_id and lines.status not in ${soldStatuses}
        returning s.product_id
      )
      select product_id from added union select product_id from removed`,
    );
    if (!changed.length) return;
    const totals = await salesOf(
      db,
      changed.map((c) => c.product_id),
    );
    await this.engine.updateSignals(
      db,
      changed.map((c) => ({ productId: c.product_id, salesCount: totals.get(c.product_id) ?? 0 })),
    );
  }
}

async function variantsInStock(db: Executor, variantIds: string[]): Promise<Set<string>> {
  if (!variantIds.length) return new Set();
  const rows = await queryRows<{ variant_id: string }>(
    db,
    sql`
    select variant_id from stock_available_by_variant where variant_id = any(${uuidArray(variantIds)}::uuid[]) and available > 0`,
  );
  return new Set(rows.map((r) => r.variant_id));
}

async function salesOf(db: Executor, productIds: string[]): Promise<Map<string, number>> {
  if (!productIds.length) return new Map();
  const rows = await queryRows<{ product_id: string; units: number }>(
    db,
    sql`
    select product_id, sum(quantity)::int as units from search_sales where product_id = any(${uuidArray(productIds)}::uuid[]) group by 1`,
  );
  return new Map(rows.map((r) => [r.product_id, r.units]));
}

/** search_sales again from the orders' published view (for a full rebuild). */
async function rebuildSales(db: Executor): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.execute(sql`delete from search_sales`);
    await tx.execute(sql`
      insert into search_sales (order_id, product_id, quantity)
      select order_id, product_id, sum(quantity)::int from order_product_lines where status in ${soldStatuses} group by 1, 2`);
  });
}
