// A product's variants (size, weight, grade...): each with its own SKU, price and weight.
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import type { Executor } from '../../platform/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import type { MediaStorage } from '../../platform/storage.ts';
import { requireSellerAccess } from '../sellers/index.ts';
import { productVariants } from './schema.ts';
import { checkVariant, FieldErrors, type VariantInput } from './validation.ts';
import { storedOption } from './text.ts';
import {
  explainUniqueViolation,
  insertVariants,
  lockProduct,
  productChanged,
  requireSaleableVariant,
} from './product-rows.ts';
import { loadSellerProduct, type SellerProductView } from './views.ts';
import { MAX_VARIANTS } from './products.ts';
import './messages.ts';

interface VariantRef {
  sellerId: string;
  productId: string;
  variantId: string;
}
export type VariantChange = Partial<VariantInput> & { position?: number };

export async function addVariant(
  db: Executor,
  actor: Actor,
  input: { sellerId: string; productId: string } & VariantInput,
  storage: MediaStorage,
): Promise<SellerProductView> {
  await requireSellerAccess(db, actor, input.sellerId, { membersOnly: true });
  try {
    await db.transaction(async (tx) => {
      const product = await lockProduct(tx, input.sellerId, input.productId);
      const errors = new FieldErrors();
      checkVariant(errors, '', input, product.optionNames.length);
      errors.throwIfAny();
      const [{ n, next }] = await tx
        .select({
          n: sql<number>`count(*)::int`,
          next: sql<number>`coalesce(max(${productVariants.position}) + 1, 0)::int`,
        })
        .from(productVariants)
        .where(eq(productVariants.productId, product.id));
      if (n >= MAX_VARIANTS)
        throw new AppError(422, 'validation_failed', {}, [
          { field: 'variants', code: 'too_long', params: { max: MAX_VARIANTS } },
        ]);
      await insertVariants(tx, input.sellerId, product.id, [input], next);
      await productChanged(tx, product, 'variants');
    });
  } catch (err) {
    explainUniqueViolation(err);
  }
  return loadSellerProduct(db, input.sellerId, input.productId, storage);
}

async function lockVariant(tx: Executor, ref: VariantRef) {
  const [variant] = await tx
    .select()
    .from(productVariants)
    .where(and(eq(productVariants.id, ref.variantId), eq(productVariants.productId, ref.productId)));
  if (!variant) throw notFound('variant');
  return variant;
}

export async function updateVariant(
  db: Executor,
  actor: Actor,
  input: VariantRef & VariantChange,
  storage: MediaStorage,
): Promise<SellerProductView> {
  await requireSellerAccess(db, actor, input.sellerId, { membersOnly: true });
  try {
    await db.transaction(async (tx) => {
      const product = await lockProduct(tx, input.sellerId, input.productId);
      await lockVariant(tx, input);
      const errors = new FieldErrors();
      checkVariant(errors, '', input, product.optionNames.length, true);
      errors.throwIfAny();
      const set: Partial<typeof productVariants.$inferInsert> = {};
      if (input.sku !== undefined) set.sku = input.sku.trim();
      if (input.gtin !== undefined) set.gtin = input.gtin || null;
      if (input.optionValues !== undefined) set.optionValues = input.optionValues.map(storedOption);
      if (input.priceSatang !== undefined) set.priceSatang = input.priceSatang;
      if (input.weightGrams !== undefined) set.weightGrams = input.weightGrams;
      if (input.active !== undefined) set.active = input.active;
      if (input.position !== undefined) set.position = input.position;
      if (Object.keys(set).length)
        await tx.update(productVariants).set(set).where(eq(productVariants.id, input.variantId));
      await requireSaleableVariant(tx, product);
      await productChanged(tx, product, 'variants');
    });
  } catch (err) {
    explainUniqueViolation(err);
  }
  return loadSellerProduct(db, input.sellerId, input.productId, storage);
}

/**
 * Only a variant of a product that was never published can be deleted: once buyers could order it,
 * orders and stock records name it, so it is deactivated instead.
 */
export async function deleteVariant(
  db: Executor,
  actor: Actor,
  input: VariantRef,
  storage: MediaStorage,
): Promise<SellerProductView> {
  await requireSellerAccess(db, actor, input.sellerId, { membersOnly: true });
  await db.transaction(async (tx) => {
    const product = await lockProduct(tx, input.sellerId, input.productId);
    await lockVariant(tx, input);
    if (product.publishedAt) throw new AppError(409, 'variant_was_on_sale');
    await tx.delete(productVariants).where(eq(productVariants.id, input.variantId));
    await productChanged(tx, product, 'variants');
  });
  return loadSellerProduct(db, input.sellerId, input.productId, storage);
}
