// Units sold per product, as the index counts them for ranking (paid orders, less cancelled ones):
// what a product card shows as "n sold".
import { inArray } from 'drizzle-orm';
import type { Executor } from '../../platform/db.ts';
import { searchDocuments } from './schema.ts';

export async function unitsSold(db: Executor, productIds: string[]): Promise<Map<string, number>> {
  if (!productIds.length) return new Map();
  const rows = await db
    .select({ productId: searchDocuments.productId, sold: searchDocuments.salesCount })
    .from(searchDocuments)
    .where(inArray(searchDocuments.productId, productIds));
  return new Map(rows.map((r) => [r.productId, r.sold]));
}
