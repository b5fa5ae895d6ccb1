// The tourism demo: six community experiences in four secondary cities (Nan, Roi Et, Chanthaburi,
// Phetchabun) run by the demo shops, each with a season of slots from tomorrow for 60 days.
import { eq } from 'drizzle-orm';
import { systemActor } from '../../platform/actor.ts';
import type { Db } from '../../platform/db.ts';
import { DEMO_SHOPS } from '../../demo/data.ts';
import { getShopBySlug, slugify } from '../sellers/index.ts';
import { addSeason, createExperience, type ExperienceInput } from './experiences.ts';
import { experiences, type Text3 } from './schema.ts';

const demo = systemActor('demo-seed');
const units = (adult: number) => [
  { id: 'adult', type: 'ADULT' as const, title: { th: 'ผู้ใหญ่', zh: '成人', en: 'Adult' }, priceSatang: adult },
  {
    id: 'child',
    type: 'CHILD' as const,
    title: { th: 'เด็ก', zh: '儿童', en: 'Child' },
    priceSatang: Math.round(adult / 2),
  },
  {
    id: 'thai',
    type: 'RESIDENT' as const,
    title: { th: 'คนไทย', zh: '泰国公民', en: 'Thai national' },
    priceSatang: Math.round(adult * 0.6),
  },
];

function exp(
  provinceCode: string,
  title: Text3,
  lat: number,
  lng: number,
  where: Text3,
  adult: number,
): ExperienceInput {
  return {
    provinceCode,
    title,
    description: title,
    options: [
      { id: 'half-day', title: { th: 'ครึ่งวัน', zh: '半天', en: 'Half day' }, durationMinutes: 180, units: units(adult) },
      {
        id: 'full-day',
        title: { th: 'เต็มวัน', zh: '全天', en: 'Full day' },
        durationMinutes: 420,
        units: units(adult * 2),
      },
    ],
    meetingPoint: {
      lat,
      lng,
      address: where,
      directions: {
        th: `นัดพบที่ ${where.th}`,
        zh: `集合地点：${where.zh}，向导举“Talad”牌等候`,
        en: `Meet at ${where.en}`,
      },
    },
    guideLanguages: ['th', 'zh', 'en'],
    inclusions: [{ th: 'น้ำดื่มและของว่าง', zh: '饮用水和小吃', en: 'Water and snacks' }],
    cancellation: [
      { hoursBefore: 48, refundPercent: 100 },
      { hoursBefore: 24, refundPercent: 50 },
    ],
    cutoffMinutes: 120,
  };
}

const PLAN: { email: string; items: ExperienceInput[] }[] = [
  {
    email: 'coffee@talad.local',
    items: [
      exp(
        '55',
        { th: 'เก็บกาแฟดอยน่านกับชุมชน', zh: '难府山地咖啡采摘体验', en: 'Coffee picking on Doi Nan' },
        19.12,
        101.07,
        { th: 'ลานกาแฟบ้านสะจุก', zh: '萨久村咖啡场', en: 'Ban Sajuk coffee yard' },
        80_000,
      ),
      exp(
        '55',
        { th: 'ทอผ้าไทลื้อบ้านหนองบัว', zh: '农布村傣泐织布课', en: 'Tai Lue weaving at Ban Nong Bua' },
        18.9,
        100.8,
        { th: 'วัดหนองบัว', zh: '农布寺', en: 'Wat Nong Bua' },
        90_000,
      ),
    ],
  },
  {
    email: 'rice@talad.local',
    items: [
      exp(
        '45',
        { th: 'วันเกี่ยวข้าวทุ่งกุลา', zh: '通古拉稻田收割日', en: 'Rice-harvest day on Thung Kula' },
        15.6,
        103.9,
        { th: 'สหกรณ์ข้าวทุ่งกุลา', zh: '通古拉稻米合作社', en: 'Thung Kula rice cooperative' },
        70_000,
      ),
    ],
  },
  {
    email: 'durian@talad.local',
    items: [
      exp(
        '22',
        { th: 'ชิมทุเรียนในสวนลุงชาย', zh: '猜叔果园榴莲品尝', en: 'Durian tasting in Uncle Chai’s orchard' },
        12.61,
        102.1,
        { th: 'สวนลุงชาย', zh: '猜叔果园', en: 'Uncle Chai’s orchard' },
        120_000,
      ),
      exp(
        '22',
        { th: 'เดินชุมชนริมน้ำจันทบูร', zh: '尖竹汶河畔老社区漫步', en: 'Chanthaboon waterfront walk' },
        12.61,
        102.11,
        { th: 'บ้านเลขที่ 69 ริมน้ำจันทบูร', zh: '尖竹汶河畔69号', en: 'House 69, Chanthaboon waterfront' },
        50_000,
      ),
    ],
  },
  {
    email: 'mango@talad.local',
    items: [
      exp(
        '67',
        {
          th: 'ทำมะขามหวานและมะม่วงกวนเขาค้อ',
          zh: '考科甜罗望子与芒果糕制作',
          en: 'Sweet tamarind and mango sweets in Khao Kho',
        },
        16.65,
        101.13,
        { th: 'ร้านมะม่วงอบแห้งเขาค้อ', zh: '考科芒果干店', en: 'Khao Kho Dried Mango shop' },
        60_000,
      ),
    ],
  },
];

const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);

export async function seedTourismDemo(db: Db): Promise<void> {
  for (const { email, items } of PLAN) {
    const shop = DEMO_SHOPS.find((s) => s.owner.email === email);
    if (!shop) continue;
    const seller = await getShopBySlug(db, slugify(shop.application.shopName.en ?? null)).catch(() => null);
    if (!seller) continue;
    const existing = await db
      .select({ id: experiences.id })
      .from(experiences)
      .where(eq(experiences.sellerId, seller.id));
    if (existing.length) continue;
    for (const item of items) {
      const { id } = await createExperience(db, demo, seller.id, item);
      await addSeason(db, demo, id, {
        optionId: 'half-day',
        from: day(1),
        to: day(60),
        times: ['09:00', '14:00'],
        capacity: 12,
        closedWeekdays: [3],
      });
      await addSeason(db, demo, id, {
        optionId: 'full-day',
        from: day(1),
        to: day(60),
        times: ['08:00'],
        capacity: 8,
        closedWeekdays: [3],
      });
    }
  }
}
