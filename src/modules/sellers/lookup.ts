// Read-only facts about shops that later modules need on their hot paths (checkout, stock).
import { anyUuid, type Executor } from '../../platform/db.ts';
import { sellers } from './schema.ts';

export interface SellerFacts { id: string; provinceCode: string; shippingFlatSatang: number | null; status: string }

export async function sellerFacts(db: Executor, ids: string[]): Promise<Map<string, SellerFacts>> {
  if (!ids.length) return new Map();
  const rows = await db.select({
    id: sellers.id, provinceCode: sellers.provinceCode, shippingFlatSatang: sellers.shippingFlatSatang, status: sellers.status,
  }).from(sellers).where(anyUuid(sellers.id, ids));
  return new Map(rows.map((r) => [r.id, r]));
}
