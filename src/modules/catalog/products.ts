// A shop's products, as its members manage them: create (with variants), edit, list, publish.
// Writes are for the shop's own members and API tokens; operators may read.
import { and, count, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import { newId } from '../../platform/ids.ts';
import { AppError } from '../../platform/errors.ts';
import type { MediaStorage } from '../../platform/storage.ts';
import { requireApprovedSeller, requireSellerAccess } from '../sellers/index.ts';
import { productVariants, products } from './schema.ts';
import { requireCategory } from './categories.ts';
import {
  checkDistinctSkus,
  checkProductFields,
  checkShelfLife,
  checkVariant,
  FieldErrors,
  normalizeHsCode,
  type ProductFields,
  type VariantInput,
} from './validation.ts';
import { cleanText, storedOption } from './text.ts';
import {
  explainUniqueViolation,
  insertVariants,
  lockProduct,
  productChanged,
  requireSaleableVariant,
  type ProductRow,
} from './product-rows.ts';
import {
  firstThumbnails,
  loadSellerProduct,
  productSummary,
  type SellerProductSummary,
  type SellerProductView,
} from './views.ts';
import './messages.ts';

export type ProductStatus = ProductRow['status'];
export const MAX_VARIANTS = 100;

export interface CreateProductInput extends ProductFields {
  sellerId: string;
  variants?: VariantInput[];
}
export interface UpdateProductInput extends Partial<ProductFields> {
  sellerId: string;
  productId: string;
}

/** A readable, stable link name: from the English title when there is one, made unique by the id. */
function makeSlug(title: { en?: string | null }, id: string): string {
  const base = (title.en ?? '')
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${base || 'product'}-${id.slice(-8)}`;
}

export async function createProduct(
  db: Executor,
  actor: Actor,
  input: CreateProductInput,
  storage: MediaStorage,
): Promise<SellerProductView> {
  await requireSellerAccess(db, actor, input.sellerId, { membersOnly: true });
  const variants = input.variants ?? [];
  const optionCount = input.optionNames?.length ?? 0;
  const errors = new FieldErrors();
  checkProductFields(errors, input, false);
  checkShelfLife(errors, input.perishable ?? false, input.shelfLifeDays);
  for (const [i, v] of variants.entries()) checkVariant(errors, `variants.${i}`, v, optionCount);
  checkDistinctSkus(errors, variants);
  if (variants.length > MAX_VARIANTS) errors.add('variants', 'too_long', { max: MAX_VARIANTS });
  errors.throwIfAny();
  await requireCategory(db, input.categoryId);

  const id = newId();
  const title = cleanText(input.title);
  const description = cleanText(input.description);
  try {
    await db.transaction(async (tx) => {
      await tx.insert(products).values({
        id,
        sellerId: input.sellerId,
        categoryId: input.categoryId,
        slug: input.slug ?? makeSlug(title, id),
        titleTh: title.th,
        titleZh: title.zh,
        titleEn: title.en,
        descriptionTh: description.th,
        descriptionZh: description.zh,
        descriptionEn: description.en,
        optionNames: (input.optionNames ?? []).map(storedOption),
        hsCode: normalizeHsCode(input.hsCode),
        originProvinceCode: input.originProvinceCode,
        perishable: input.perishable ?? false,
        shelfLifeDays: input.shelfLifeDays ?? null,
      });
      await insertVariants(tx, input.sellerId, id, variants);
      await productChanged(tx, { id, sellerId: input.sellerId }, 'created');
    });
  } catch (err) {
    await explainSkuClash(db, input.sellerId, variants, err);
  }
  return loadSellerProduct(db, input.sellerId, id, storage);
}

/**
 * A SKU already used in the shop: name the variant that carries it (`variants.2.sku`). The unique
 * index is what really guards it, so a concurrent request that slipped past still gets a 409.
 */
async function explainSkuClash(db: Executor, sellerId: string, variants: VariantInput[], err: unknown): Promise<never> {
  const skus = variants.map((v) => v.sku.trim());
  const taken = skus.length
    ? await db
        .select({ sku: productVariants.sku })
        .from(productVariants)
        .where(and(eq(productVariants.sellerId, sellerId), inArray(productVariants.sku, skus)))
    : [];
  const index = skus.findIndex((s) => taken.some((t) => t.sku === s));
  explainUniqueViolation(err, { sku: index >= 0 ? `variants.${index}.sku` : 'sku' });
}

export async function updateProduct(
  db: Executor,
  actor: Actor,
  input: UpdateProductInput,
  storage: MediaStorage,
): Promise<SellerProductView> {
  await requireSellerAccess(db, actor, input.sellerId, { membersOnly: true });
  const errors = new FieldErrors();
  checkProductFields(errors, input, true);
  errors.throwIfAny();
  if (input.categoryId !== undefined) await requireCategory(db, input.categoryId);
  try {
    await db.transaction(async (tx) => {
      const current = await lockProduct(tx, input.sellerId, input.productId);
      const perishable = input.perishable ?? current.perishable;
      const shelfLifeDays = input.shelfLifeDays !== undefined ? input.shelfLifeDays : current.shelfLifeDays;
      checkShelfLife(errors, perishable, shelfLifeDays);
      if (input.optionNames && input.optionNames.length !== current.optionNames.length) {
        const [{ n }] = await tx
          .select({ n: count() })
          .from(productVariants)
          .where(eq(productVariants.productId, current.id));
        if (n > 0) throw new AppError(409, 'option_names_locked', {}, [{ field: 'optionNames', code: 'not_allowed' }]);
      }
      errors.throwIfAny();
      const set: Partial<typeof products.$inferInsert> = { perishable, shelfLifeDays };
      if (input.title) {
        const t = cleanText(input.title);
        Object.assign(set, { titleTh: t.th, titleZh: t.zh, titleEn: t.en });
      }
      if (input.description) {
        const d = cleanText(input.description);
        Object.assign(set, { descriptionTh: d.th, descriptionZh: d.zh, descriptionEn: d.en });
      }
      if (input.optionNames) set.optionNames = input.optionNames.map(storedOption);
      if (input.categoryId !== undefined) set.categoryId = input.categoryId;
      if (input.slug !== undefined) set.slug = input.slug;
      if (input.hsCode !== undefined) set.hsCode = normalizeHsCode(input.hsCode);
      if (input.originProvinceCode !== undefined) set.originProvinceCode = input.originProvinceCode;
      await tx.update(products).set(set).where(eq(products.id, current.id));
      await productChanged(tx, current, 'updated');
    });
  } catch (err) {
    explainUniqueViolation(err);
  }
  return loadSellerProduct(db, input.sellerId, input.productId, storage);
}

export async function getSellerProduct(
  db: Executor,
  actor: Actor,
  input: { sellerId: string; productId: string },
  storage: MediaStorage,
): Promise<SellerProductView> {
  await requireSellerAccess(db, actor, input.sellerId);
  return loadSellerProduct(db, input.sellerId, input.productId, storage);
}

export interface Page<T> {
  items: T[];
  page: number;
  perPage: number;
  total: number;
}

export async function listSellerProducts(
  db: Executor,
  actor: Actor,
  input: { sellerId: string; status?: ProductStatus; page: number; perPage: number },
  storage: MediaStorage,
): Promise<Page<SellerProductSummary>> {
  await requireSellerAccess(db, actor, input.sellerId);
  const where = and(
    eq(products.sellerId, input.sellerId),
    input.status ? eq(products.status, input.status) : undefined,
  );
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(products)
      .where(where)
      .orderBy(desc(products.updatedAt), desc(products.id))
      .limit(input.perPage)
      .offset((input.page - 1) * input.perPage),
    db.select({ total: count() }).from(products).where(where),
  ]);
  const thumbs = await firstThumbnails(
    db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => productSummary(r, thumbs.has(r.id) ? storage.url(thumbs.get(r.id)!) : null)),
    page: input.page,
    perPage: input.perPage,
    total,
  };
}

/**
 * draft -> active publishes the product: the shop must be approved and the product must have an
 * active variant. Any other move (unpublish to draft, archive, restore) is always allowed.
 */
export async function setProductStatus(
  db: Executor,
  actor: Actor,
  input: { sellerId: string; productId: string; status: ProductStatus },
  storage: MediaStorage,
): Promise<SellerProductView> {
  await requireSellerAccess(db, actor, input.sellerId, { membersOnly: true });
  await db.transaction(async (tx) => {
    const current = await lockProduct(tx, input.sellerId, input.productId);
    if (current.status === input.status) return;
    if (input.status === 'active') {
      await requireApprovedSeller(tx, input.sellerId);
      await requireSaleableVariant(tx, { ...current, status: 'active' });
    }
    await tx
      .update(products)
      .set({
        status: input.status,
        publishedAt: input.status === 'active' ? sql`coalesce(${products.publishedAt}, now())` : undefined,
      })
      .where(eq(products.id, current.id));
    await productChanged(tx, current, 'status');
  });
  return loadSellerProduct(db, input.sellerId, input.productId, storage);
}
