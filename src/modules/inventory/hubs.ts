// The platform's hub stock locations. They are reference data created by migration 0006 with fixed
// ids, so every database (demo, tests, production) has them; the hub module gives them warehouses.
import { eq } from 'drizzle-orm';
import type { Executor } from '../../platform/db.ts';
import type { Locale } from '../../platform/i18n.ts';
import { stockLocations } from './schema.ts';

export const HUB_LOCATIONS = {
  /** The bonded "smart digital hub" in the EEC (Chon Buri): cross-border (bonded 1210) stock only. */
  eecBonded: {
    id: '01930000-0000-7000-8000-00000000e001',
    code: 'EEC-BONDED',
    provinceCode: '20',
    bonded: true,
    names: {
      th: 'ศูนย์กระจายสินค้าอัจฉริยะ Talad อีอีซี (คลังสินค้าทัณฑ์บน)',
      zh: 'Talad 东部经济走廊智慧物流中心（保税仓）',
      en: 'Talad EEC Smart Digital Hub (bonded)',
    },
  },
  /** The domestic fulfilment centre (Samut Prakan) for sellers too small to ship well themselves. */
  domesticFulfilment: {
    id: '01930000-0000-7000-8000-00000000e002',
    code: 'BKK-FC',
    provinceCode: '11',
    bonded: false,
    names: {
      th: 'ศูนย์จัดการคำสั่งซื้อ Talad',
      zh: 'Talad 订单履约中心',
      en: 'Talad fulfilment centre',
    },
  },
} as const;

export type HubNames = { th: string; zh: string; en: string };

export interface HubLocation {
  id: string;
  code: string;
  /** The name in the language asked for (Thai by default), without the province. */
  name: string;
  /** The name in Thai, Chinese and English: pages and labels show the reader's. */
  names: HubNames;
  provinceCode: string;
  bonded: boolean;
}

const NAMES = new Map<string, HubNames>(Object.values(HUB_LOCATIONS).map((h) => [h.id, h.names]));

/** The hubs, each named in `locale` (the stored name is the operator's English one, kept for a hub added later). */
export async function hubLocations(db: Executor, locale: Locale = 'th'): Promise<HubLocation[]> {
  const rows = await db.select().from(stockLocations).where(eq(stockLocations.kind, 'hub'));
  return rows.map((r) => {
    const names = NAMES.get(r.id) ?? { th: r.name, zh: r.name, en: r.name };
    return { id: r.id, code: r.code!, name: names[locale], names, provinceCode: r.provinceCode, bonded: r.bonded };
  });
}
