// Read-only facts about products, whatever their status, for later modules that check what a
// product is before attaching something to it (a certificate, a lot): its shop, origin, variants.
import { eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db.ts';
import type { LocalizedText } from '../../platform/http.ts';
import { products, productVariants } from './schema.ts';

export interface ProductFacts {
  id: string;
  sellerId: string;
  slug: string;
  status: 'draft' | 'active' | 'archived';
  title: LocalizedText;
  originProvinceCode: string;
  variantIds: string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function productFacts(db: Executor, productIds: string[]): Promise<Map<string, ProductFacts>> {
  const ids = [...new Set(productIds.filter((id) => UUID.test(id)))];
  if (!ids.length) return new Map();
  const [rows, variants] = await Promise.all([
    db.select().from(products).where(inArray(products.id, ids)),
    db
      .select({ id: productVariants.id, productId: productVariants.productId })
      .from(productVariants)
      .where(inArray(productVariants.productId, ids)),
  ]);
  return new Map(
    rows.map((p) => [
      p.id,
      {
        id: p.id,
        sellerId: p.sellerId,
        slug: p.slug,
        status: p.status,
        title: { th: p.titleTh, zh: p.titleZh, en: p.titleEn },
        originProvinceCode: p.originProvinceCode,
        variantIds: variants.filter((v) => v.productId === p.id).map((v) => v.id),
      },
    ]),
  );
}

/** The ids of a shop's products on sale now (status active). */
export async function activeProductIdsOfShop(db: Executor, sellerId: string): Promise<string[]> {
  const rows = await db
    .select({ id: products.id, status: products.status })
    .from(products)
    .where(eq(products.sellerId, sellerId));
  return rows.filter((r) => r.status === 'active').map((r) => r.id);
}
