// A small market for the web tests and bench:web, made through the API as people would make it:
// a Chanthaburi orchard selling Monthong durian and a Roi Et cooperative selling jasmine rice.
import type { FastifyInstance } from 'fastify';
import { seedCategories } from '../../src/modules/catalog/index.ts';
import { categoryIdBySlug, productOnSale } from '../../src/modules/catalog/testing.ts';
import { approvedSeller, type TestSeller } from '../../src/modules/sellers/testing.ts';
import { makeOperator, signUp } from '../../src/modules/identity/testing.ts';

export interface Market {
  durian: { productId: string; variantIds: string[]; seller: TestSeller };
  rice: { productId: string; variantIds: string[]; seller: TestSeller };
  operator: { email: string; password: string };
}

async function setStock(app: FastifyInstance, seller: TestSeller, variantId: string, onHand: number) {
  const res = await app.inject({
    method: 'PUT',
    url: `/api/sellers/${seller.sellerId}/stock/${variantId}`,
    headers: { cookie: seller.cookie },
    payload: { onHand },
  });
  if (res.statusCode !== 200) throw new Error(`stock not set: ${res.statusCode} ${res.body}`);
}

export async function createMarket(app: FastifyInstance): Promise<Market> {
  await seedCategories(app.db);
  const operator = await makeOperator(app.db, { displayName: 'ผู้ดูแลตลาด' });
  const orchard = await approvedSeller(app, {
    owner: await signUp(app, { displayName: 'สวนทุเรียนจันท์' }),
    application: {
      legalName: { th: 'สวนทุเรียนบ้านนายสมชาย', en: 'Somchai Durian Orchard' },
      shopName: { th: 'สวนทุเรียนจันทบุรี', zh: '尖竹汶榴莲园', en: 'Chanthaburi Durian Orchard' },
      businessType: 'individual',
      provinceCode: '22',
    },
  });
  const durian = await productOnSale(app, orchard, await categoryIdBySlug(app.db, 'durian'), {
    title: { th: 'ทุเรียนหมอนทอง จันทบุรี', zh: '尖竹汶金枕头榴莲', en: 'Monthong durian from Chanthaburi' },
    description: {
      th: 'ทุเรียนหมอนทองแก่จัด ตัดจากสวนในจันทบุรี เนื้อหนา หวานมัน ส่งภายใน 48 ชั่วโมงหลังตัด',
      zh: '尖竹汶果园现摘的成熟金枕头榴莲，果肉厚实香甜，采摘后 48 小时内发货',
      en: 'Ripe Monthong durian cut in a Chanthaburi orchard: thick, sweet, creamy flesh, shipped within 48 hours of cutting',
    },
    optionNames: [{ th: 'น้ำหนัก', zh: '重量', en: 'Weight' }],
    hsCode: '0810.60',
    originProvinceCode: '22',
    perishable: true,
    shelfLifeDays: 5,
    variants: [
      {
        sku: `DURIAN-5KG-${orchard.sellerId.slice(-6)}`,
        optionValues: [{ th: '5 กก.', zh: '5 公斤', en: '5 kg' }],
        priceSatang: 129_000,
        weightGrams: 5000,
      },
    ],
  });
  await setStock(app, orchard, durian.variantIds[0], 80_000);
  const coop = await approvedSeller(app, {
    application: {
      legalName: { th: 'สหกรณ์การเกษตรทุ่งกุลา จำกัด', en: 'Thung Kula Agricultural Cooperative Ltd.' },
      shopName: { th: 'สหกรณ์ข้าวหอมมะลิทุ่งกุลา', zh: '通库拉茉莉香米合作社', en: 'Thung Kula Jasmine Rice Cooperative' },
      businessType: 'cooperative',
      provinceCode: '45',
    },
  });
  const rice = await productOnSale(app, coop, await categoryIdBySlug(app.db, 'jasmine-rice'));
  for (const v of rice.variantIds) await setStock(app, coop, v, 500);
  return { durian: { ...durian, seller: orchard }, rice: { ...rice, seller: coop }, operator };
}
