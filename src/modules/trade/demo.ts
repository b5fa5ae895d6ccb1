// The trade demo: a verified Chinese importer (importer@talad.local) with two open requests —
// 20 tonnes of Hom Mali rice FOB Laem Chabang and dried mango — the Roi Et rice cooperative's quote
// on the rice, and a sample order from that quote waiting for payment. Everything goes through the
// module's services, so the demo obeys the same rules as real use.
import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db.ts';
import { DEMO_PASSWORD } from '../../platform/demo.ts';
import { type CategoryNode, categoryTree } from '../catalog/index.ts';
import { createUser } from '../identity/index.ts';
import { DEMO_SHOPS } from '../../demo/data.ts';
import { getShopBySlug, slugify } from '../sellers/index.ts';
import { DEMO_PARTNERS } from './partners-demo.ts';
import { seedPartners } from './partners.ts';
import { tradeBuyers } from './schema.ts';
import { postRfq, registerBuyer, setTradeProfile, submitQuote, verifyBuyer } from './service.ts';
import { placeTradeOrder } from './trade-orders.ts';

export const DEMO_IMPORTER = {
  email: 'importer@talad.local',
  companyName: '上海禾丰进出口贸易有限公司',
  registrationNumber: '91310115MA1K4LQW2X',
} as const;

const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

async function categoryIds(db: Db): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  const walk = (nodes: CategoryNode[]) =>
    nodes.forEach((n) => {
      ids.set(n.slug, n.id);
      walk(n.children);
    });
  walk(await categoryTree(db, 'th'));
  return ids;
}

export async function seedTradeDemo(db: Db): Promise<void> {
  await seedPartners(db, DEMO_PARTNERS);
  const [done] = await db
    .select({ id: tradeBuyers.id })
    .from(tradeBuyers)
    .where(eq(tradeBuyers.registrationNumber, DEMO_IMPORTER.registrationNumber));
  if (done) return;
  const coop = DEMO_SHOPS.find((s) => s.owner.email === 'rice@talad.local');
  const rice = coop ? await getShopBySlug(db, slugify(coop.application.shopName.en ?? null)).catch(() => null) : null;
  const categories = await categoryIds(db);
  const jasmine = categories.get('jasmine-rice');
  const dried = categories.get('dried-fruit');
  if (!rice || !jasmine || !dried) return;

  const user = await createUser(db, {
    email: DEMO_IMPORTER.email,
    password: DEMO_PASSWORD,
    displayName: '王丽 (Wang Li)',
    locale: 'zh',
  });
  const importer: Actor = { kind: 'user', userId: user.id, isOperator: false, guestTokenHash: null };
  const buyer = await registerBuyer(db, importer, {
    companyName: DEMO_IMPORTER.companyName,
    country: 'CN',
    registrationNumber: DEMO_IMPORTER.registrationNumber,
    language: 'zh',
  });
  // The seed stands in for the operator who checked the registration (the view it returns is the team's).
  await verifyBuyer(db, { ...importer, isOperator: true }, buyer.id);

  const riceRfq = await postRfq(db, importer, {
    product: '泰国茉莉香米（Hom Mali），新季，25 公斤编织袋装',
    language: 'zh',
    categoryId: jasmine,
    quantity: 20,
    unit: 'tonne',
    targetPriceMinor: 620_000, // 6,200 CNY a tonne
    currency: 'CNY',
    incoterm: 'FOB',
    transportMode: 'sea',
    place: 'Laem Chabang',
    deliveryFrom: day(45),
    deliveryTo: day(75),
    certifications: [],
    sampleWanted: true,
    deadline: new Date(Date.now() + 21 * 86_400_000).toISOString(),
  });
  await postRfq(db, importer, {
    product: '泰国芒果干，无添加糖，500 克袋装',
    language: 'zh',
    categoryId: dried,
    quantity: 2_000,
    unit: 'kg',
    targetPriceMinor: 4_500, // 45 CNY a kilogram
    currency: 'CNY',
    incoterm: 'CIF',
    transportMode: 'sea',
    place: 'Shanghai',
    deliveryFrom: day(30),
    deliveryTo: day(60),
    certifications: [],
    sampleWanted: true,
    deadline: new Date(Date.now() + 14 * 86_400_000).toISOString(),
  });

  // The cooperative quotes in Thai on the rice; the importer orders a sample lot.
  const owner: Actor = { kind: 'system', name: 'demo-seed' };
  await setTradeProfile(db, owner, rice.id, [jasmine]);
  const quote = await submitQuote(db, owner, rice.id, riceRfq.id, {
    unitPriceSatang: 3_050_000, // 30,500 baht a tonne
    moq: 5,
    tiers: [
      { minQuantity: 10, unitPriceSatang: 2_950_000 },
      { minQuantity: 20, unitPriceSatang: 2_850_000 },
    ],
    leadTimeDays: 21,
    validUntil: day(60),
    terms:
      'ข้าวหอมมะลิ 105 ทุ่งกุลาร้องไห้ ความบริสุทธิ์ไม่น้อยกว่า 92% บรรจุกระสอบ 25 กก. ส่งมอบ FOB ท่าเรือแหลมฉบัง มัดจำ 30% ก่อนผลิต ส่วนที่เหลือก่อนส่งของ',
    language: 'th',
    attachments: [],
    samplePriceSatang: 250_000,
    depositPercent: 30,
  });
  await placeTradeOrder(db, importer, quote.id, { kind: 'sample' });
}
