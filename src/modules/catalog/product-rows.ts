// The row-level steps every seller-side write on a product shares: lock it (which is also the check
// that it belongs to the shop in the path), insert variants, keep min_price_satang, emit the event.
import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../platform/db.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { newId } from '../../platform/ids.ts';
import { emit } from '../../events.ts';
import { productVariants, products } from './schema.ts';
import { storedOption } from './text.ts';
import type { VariantInput } from './validation.ts';

export type ProductRow = typeof products.$inferSelect;
export type ProductChange = 'created' | 'updated' | 'status' | 'variants' | 'images';

/**
 * The product, locked for this transaction so that concurrent edits of one product run one after
 * the other (e.g. two staff deactivating the last two variants of a product on sale).
 * Another shop's product is "not found": its existence is none of this shop's business.
 */
export async function lockProduct(tx: Executor, sellerId: string, productId: string): Promise<ProductRow> {
  const [row] = await tx
    .select()
    .from(products)
    .where(and(eq(products.id, productId), eq(products.sellerId, sellerId)))
    .for('update');
  if (!row) throw notFound('product');
  return row;
}

/** The same check without a lock, for work done before the transaction (e.g. resizing an upload). */
export async function requireProductOfShop(db: Executor, sellerId: string, productId: string): Promise<void> {
  const [row] = await db
    .select({ id: products.id })
    .from(products)
    .where(and(eq(products.id, productId), eq(products.sellerId, sellerId)));
  if (!row) throw notFound('product');
}

export async function insertVariants(
  tx: Executor,
  sellerId: string,
  productId: string,
  variants: VariantInput[],
  firstPosition = 0,
): Promise<void> {
  if (!variants.length) return;
  await tx.insert(productVariants).values(
    variants.map((v, i) => ({
      id: newId(),
      sellerId,
      productId,
      sku: v.sku.trim(),
      gtin: v.gtin || null,
      optionValues: (v.optionValues ?? []).map(storedOption),
      priceSatang: v.priceSatang,
      weightGrams: v.weightGrams,
      active: v.active ?? true,
      position: firstPosition + i,
    })),
  );
}

export async function countActiveVariants(tx: Executor, productId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(productVariants)
    .where(and(eq(productVariants.productId, productId), eq(productVariants.active, true)));
  return row.n;
}

/** An active product keeps at least one active variant (else buyers see a product they cannot buy). */
export async function requireSaleableVariant(tx: Executor, product: ProductRow): Promise<void> {
  if (product.status === 'active' && (await countActiveVariants(tx, product.id)) === 0) {
    throw new AppError(409, 'product_needs_active_variant');
  }
}

/**
 * After any change: refresh the lowest active price (listing filters and sorting read it), touch
 * updated_at, and tell later modules (search indexes from `product.updated`) in the same transaction.
 */
export async function productChanged(
  tx: Executor,
  product: Pick<ProductRow, 'id' | 'sellerId'>,
  change: ProductChange,
): Promise<void> {
  await tx
    .update(products)
    .set({
      updatedAt: sql`now()`,
      minPriceSatang: sql`(select min(${productVariants.priceSatang}) from ${productVariants}
      where ${productVariants.productId} = ${product.id} and ${productVariants.active})`,
    })
    .where(eq(products.id, product.id));
  await emit(tx, {
    topic: 'product.updated',
    aggregateId: product.id,
    payload: { productId: product.id, sellerId: product.sellerId, change },
  });
}

/** The unique index a failed write hit, through Drizzle's and the drivers' error wrappers. */
export function violatedConstraint(err: unknown): string | null {
  let e: any = err;
  for (let i = 0; e && i < 5; i++, e = e.cause) {
    if (e.code === '23505') return e.constraint_name ?? e.constraint ?? '';
  }
  return null;
}

/** Turns the shop-wide unique indexes into answers a seller understands (409 naming the field). */
export function explainUniqueViolation(err: unknown, fields: { sku?: string; slug?: string } = {}): never {
  const constraint = violatedConstraint(err);
  if (constraint === 'product_variants_seller_sku_key') {
    throw new AppError(409, 'sku_taken', {}, [{ field: fields.sku ?? 'sku', code: 'taken' }]);
  }
  if (constraint === 'products_seller_slug_key') {
    throw new AppError(409, 'slug_taken', {}, [{ field: fields.slug ?? 'slug', code: 'taken' }]);
  }
  throw err;
}
