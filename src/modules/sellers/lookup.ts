// Read-only facts about shops that later modules need on their hot paths (checkout, stock).
import { inIds, isEmptyIdSet, type Executor, type IdSet } from '../../platform/db.ts';
import { sellers } from './schema.ts';

export interface SellerFacts { id: string; provinceCode: string; shippingFlatSatang: number | null; status: string }

export async function sellerFacts(db: Executor, ids: IdSet): Promise<Map<string, SellerFacts>> {
  if (isEmptyIdSet(ids)) return new Map();
  const rows = await db.select({
    id: sellers.id, provinceCode: sellers.provinceCode, shippingFlatSatang: sellers.shippingFlatSatang, status: sellers.status,
  }).from(sellers).where(inIds(sellers.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}
