// Test fixtures: an active product with one variant and stock at its shop's location.
import { sql } from 'drizzle-orm';
import { newId } from '../../platform/ids.ts';
import { queryRows, type Executor } from '../../platform/db.ts';
import { products, productVariants, categories } from '../catalog/testing.ts';
import { sellerLocation } from './service.ts';
import { stockLevels } from './schema.ts';

let n = 0;

export async function productInStock(
  db: Executor,
  sellerId: string,
  opts: { priceSatang?: number; stock?: number; status?: 'draft' | 'active' | 'archived'; titleTh?: string } = {},
): Promise<{ productId: string; variantId: string }> {
  let [cat] = await queryRows<{ id: string }>(db, sql`select id from categories limit 1`);
  if (!cat) {
    cat = { id: newId() };
    await db.insert(categories).values({
      id: cat.id,
      slug: `test-category-${cat.id.slice(-6)}`,
      nameTh: 'ผลไม้สด',
      nameZh: '新鲜水果',
      nameEn: 'Fresh fruit',
    });
  }
  const productId = newId();
  const variantId = newId();
  await db.insert(products).values({
    id: productId,
    sellerId,
    categoryId: cat.id,
    slug: `durian-${++n}-${productId.slice(-6)}`,
    titleTh: opts.titleTh ?? 'ทุเรียนหมอนทอง 5 กก.',
    titleZh: '金枕头榴莲 5公斤',
    titleEn: 'Monthong durian 5 kg',
    status: opts.status ?? 'active',
    originProvinceCode: '22',
    perishable: true,
    shelfLifeDays: 7,
    minPriceSatang: opts.priceSatang ?? 89_000,
  });
  await db.insert(productVariants).values({
    id: variantId,
    sellerId,
    productId,
    sku: `DUR-${n}-${variantId.slice(-4)}`,
    priceSatang: opts.priceSatang ?? 89_000,
    weightGrams: 5000,
  });
  const locationId = await sellerLocation(db, sellerId);
  await db.insert(stockLevels).values({ variantId, locationId, sellerId, onHand: opts.stock ?? 100 });
  return { productId, variantId };
}

export async function stockOf(db: Executor, variantId: string): Promise<{ onHand: number; reserved: number }> {
  const [row] = await queryRows<{ on_hand: number; reserved: number }>(
    db,
    sql`
    select sum(on_hand)::int as on_hand, sum(reserved)::int as reserved from stock_levels where variant_id = ${variantId}::uuid`,
  );
  return { onHand: row.on_hand, reserved: row.reserved };
}

// The test entry: the module's public entry, and what only tests reach.
export * from './index.ts';
