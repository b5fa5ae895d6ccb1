// Test helpers: an approved shop's experience in Nan with a half-day option and a season of slots.
import type { FastifyInstance } from 'fastify';
import { approvedSeller, type TestSeller } from '../sellers/testing.ts';
import type { ExperienceInput } from './experiences.ts';

export const silkClass = (provinceCode = '55'): ExperienceInput => ({
  provinceCode,
  title: { th: 'เรียนทอผ้าไทลื้อ', zh: '傣泐织布体验课', en: 'Tai Lue weaving class' },
  description: {
    th: 'ทอผ้ากับกลุ่มแม่บ้านบ้านหนองบัว',
    zh: '与农布村妇女织布小组一起织布',
    en: 'Weave with the Ban Nong Bua women’s group',
  },
  options: [
    {
      id: 'half-day',
      title: { th: 'ครึ่งวัน', zh: '半天', en: 'Half day' },
      durationMinutes: 180,
      units: [
        { id: 'adult', type: 'ADULT', title: { th: 'ผู้ใหญ่', zh: '成人', en: 'Adult' }, priceSatang: 90_000 },
        { id: 'child', type: 'CHILD', title: { th: 'เด็ก', zh: '儿童', en: 'Child' }, priceSatang: 45_000 },
      ],
    },
  ],
  meetingPoint: {
    lat: 18.7756,
    lng: 100.773,
    address: { th: 'วัดหนองบัว อ.ท่าวังผา', zh: '塔旺帕县农布寺', en: 'Wat Nong Bua, Tha Wang Pha' },
    directions: { th: 'จอดรถหน้าวัด', zh: '在寺庙前停车，向导在大门口等候', en: 'Park in front of the temple' },
  },
  guideLanguages: ['th', 'zh', 'en'],
  inclusions: [{ th: 'ผ้าทอผืนเล็ก', zh: '一块小织布', en: 'A small woven cloth' }],
  cancellation: [
    { hoursBefore: 48, refundPercent: 100 },
    { hoursBefore: 24, refundPercent: 50 },
  ],
  cutoffMinutes: 120,
});

/** An approved shop with the silk class and `days` days of 09:00 slots of `capacity` from tomorrow. */
export async function experienceWithSlots(
  app: FastifyInstance,
  opts: { capacity?: number; days?: number; shop?: TestSeller } = {},
) {
  const shop = opts.shop ?? (await approvedSeller(app));
  const made = await app.inject({
    method: 'POST',
    url: `/api/sellers/${shop.sellerId}/tourism/experiences`,
    headers: { cookie: shop.cookie },
    payload: silkClass(),
  });
  if (made.statusCode !== 201) throw new Error(`experience: ${made.statusCode} ${made.body}`);
  const id = made.json().id as string;
  const day = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10);
  const season = await app.inject({
    method: 'POST',
    url: `/api/tourism/experiences/${id}/seasons`,
    headers: { cookie: shop.cookie },
    payload: {
      optionId: 'half-day',
      from: day(2),
      to: day(1 + (opts.days ?? 3)),
      times: ['09:00'],
      capacity: opts.capacity ?? 20,
    },
  });
  if (season.statusCode !== 201) throw new Error(`season: ${season.statusCode} ${season.body}`);
  const slots = (
    await app.inject({ url: `/api/tourism/experiences/${id}/availability?from=${day(0)}&to=${day(10)}` })
  ).json().items as { id: string; status: string; vacancies: number }[];
  return { shop, experienceId: id, slots };
}
