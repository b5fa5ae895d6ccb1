// The platform's hub stock locations. They are reference data created by migration 0006 with fixed
// ids, so every database (demo, tests, production) has them; the hub module gives them warehouses.
import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db.ts';
import { stockLocations } from './schema.ts';

export const HUB_LOCATIONS = {
  /** The bonded "smart digital hub" in the EEC (Chon Buri): cross-border (bonded 1210) stock only. */
  eecBonded: { id: '01930000-0000-7000-8000-00000000e001', code: 'EEC-BONDED', provinceCode: '20', bonded: true },
  /** The domestic fulfilment centre (Samut Prakan) for sellers too small to ship well themselves. */
  domesticFulfilment: { id: '01930000-0000-7000-8000-00000000e002', code: 'BKK-FC', provinceCode: '11', bonded: false },
} as const;

export interface HubLocation {
  id: string;
  code: string;
  name: string;
  provinceCode: string;
  bonded: boolean;
}

export async function hubLocations(db: Executor): Promise<HubLocation[]> {
  const rows = await db.select().from(stockLocations).where(eq(stockLocations.kind, 'hub'));
  return rows.map((r) => ({ id: r.id, code: r.code!, name: r.name, provinceCode: r.provinceCode, bonded: r.bonded }));
}
