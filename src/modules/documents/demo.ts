// Demo data: the registered addresses of the demo's VAT-registered shops (src/demo/data.ts), so
// their paid demo orders get tax invoices. The addresses are made up (real places, no real
// premises), like everything in the demo.
import type { Db } from '../../platform/db.ts';
import { thaiAddressLine } from '../../platform/thai.ts';
import { getShopBySlug } from '../sellers/index.ts';
import { issueWaiting } from './issue.ts';
import { sellerTaxProfiles } from './schema.ts';
import type { TaxAddress } from './tax-address.ts';

const DEMO_ADDRESSES: { slug: string; address: TaxAddress }[] = [
  {
    slug: 'thung-kula-hom-mali-rice',
    address: {
      houseNumber: '111',
      moo: '1',
      subdistrict: 'เกษตรวิสัย',
      district: 'เกษตรวิสัย',
      provinceCode: '45',
      postcode: '45150',
    },
  },
  {
    slug: 'doi-nan-coffee',
    address: {
      houseNumber: '25',
      road: 'สุมนเทวราช',
      subdistrict: 'ในเวียง',
      district: 'เมืองน่าน',
      provinceCode: '55',
      postcode: '55000',
    },
  },
];

export async function seedDocumentsDemo(db: Db): Promise<void> {
  for (const { slug, address } of DEMO_ADDRESSES) {
    const shop = await getShopBySlug(db, slug).catch(() => null);
    if (!shop) continue;
    await db
      .insert(sellerTaxProfiles)
      .values({ sellerId: shop.id, registeredAddress: thaiAddressLine(address), address, branch: '00000' })
      .onConflictDoNothing();
    await issueWaiting(db, { sellerId: shop.id });
  }
}
