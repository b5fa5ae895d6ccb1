// A product's cross-border terms, set by its shop: may it sell to China, its tax category (VAT 13% or
// 9%, consumption tax if any), its customs code, name and unit, and the per-person yearly cap.
import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import { AppError, notFound } from '../../platform/errors.ts';
import { anyUuid, type Executor } from '../../platform/db.ts';
import { requireSellerAccess } from '../sellers/index.ts';
import { productSellerId } from '../catalog/index.ts';
import { cbecProducts } from './schema.ts';
import './messages.ts';

export interface ProductTerms {
  productId: string;
  sellerId: string;
  eligible: boolean;
  vatBp: 900 | 1300;
  consumptionTaxBp: number;
  hsCode: string;
  customsNameZh: string;
  customsUnit: string;
  packagingGrams: number;
  yearlyQuantityCap: number | null;
}

export type ProductTermsInput = Omit<ProductTerms, 'productId' | 'sellerId'>;

/** Customs units Talad uses (GB customs measurement units): piece, kilogram, box, bag, bottle. */
export const CUSTOMS_UNITS = ['011', '035', '140', '122', '142'] as const;

export async function setProductTerms(
  db: Executor,
  actor: Actor,
  input: ProductTermsInput & { sellerId: string; productId: string },
): Promise<ProductTerms> {
  await requireSellerAccess(db, actor, input.sellerId);
  if ((await productSellerId(db, input.productId)) !== input.sellerId) throw notFound('product');
  const errors = [];
  if (!/^\d{10}$/.test(input.hsCode)) errors.push({ field: 'hsCode', code: 'bad_format' });
  if (![900, 1300].includes(input.vatBp)) errors.push({ field: 'vatBp', code: 'not_allowed' });
  if (!(CUSTOMS_UNITS as readonly string[]).includes(input.customsUnit))
    errors.push({ field: 'customsUnit', code: 'not_allowed' });
  if (!/\p{Script=Han}/u.test(input.customsNameZh)) errors.push({ field: 'customsNameZh', code: 'not_chinese' });
  if (errors.length) throw new AppError(422, 'validation_failed', {}, errors);
  const row = { ...input, updatedAt: new Date() };
  await db
    .insert(cbecProducts)
    .values(row)
    .onConflictDoUpdate({ target: cbecProducts.productId, set: { ...row, updatedAt: sql`now()` } });
  return (await productTerms(db, [input.productId])).get(input.productId)!;
}

export async function productTerms(db: Executor, productIds: string[]): Promise<Map<string, ProductTerms>> {
  if (!productIds.length) return new Map();
  const rows = await db
    .select()
    .from(cbecProducts)
    .where(anyUuid(cbecProducts.productId, [...new Set(productIds)]));
  return new Map(rows.map((r) => [r.productId, { ...r, vatBp: r.vatBp as 900 | 1300 }]));
}

export async function getProductTerms(
  db: Executor,
  actor: Actor,
  sellerId: string,
  productId: string,
): Promise<ProductTerms | null> {
  await requireSellerAccess(db, actor, sellerId);
  if ((await productSellerId(db, productId)) !== sellerId) throw notFound('product');
  const [row] = await db.select().from(cbecProducts).where(eq(cbecProducts.productId, productId));
  return row ? { ...row, vatBp: row.vatBp as 900 | 1300 } : null;
}
