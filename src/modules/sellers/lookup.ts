// Read-only facts about shops that later modules need on their hot paths (checkout, stock).
import { inIds, isEmptyIdSet, type Executor, type IdSet } from '../../platform/db.ts';
import { sellers } from './schema.ts';

export interface SellerFacts {
  id: string;
  slug: string;
  shopName: { th: string; zh: string | null; en: string | null };
  provinceCode: string;
  shippingFlatSatang: number | null;
  handlingHours: number | null;
  status: string;
}

export async function sellerFacts(db: Executor, ids: IdSet): Promise<Map<string, SellerFacts>> {
  if (isEmptyIdSet(ids)) return new Map();
  const rows = await db
    .select({
      id: sellers.id,
      slug: sellers.slug,
      th: sellers.shopNameTh,
      zh: sellers.shopNameZh,
      en: sellers.shopNameEn,
      provinceCode: sellers.provinceCode,
      shippingFlatSatang: sellers.shippingFlatSatang,
      handlingHours: sellers.handlingHours,
      status: sellers.status,
    })
    .from(sellers)
    .where(inIds(sellers.id, ids));
  return new Map(rows.map(({ th, zh, en, ...r }) => [r.id, { ...r, shopName: { th, zh, en } }]));
}
