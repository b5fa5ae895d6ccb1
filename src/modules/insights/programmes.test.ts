import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestApp } from '../../../test/db.ts';
import { type ShopFixture, shopWithOwner, signedInUser } from '../catalog/testing.ts';
import { paidOrder } from '../hub/testing.ts';
import { productInStock } from '../inventory/testing.ts';

const t = useTestApp();
let operator: { cookie: string; userId: string };
const shops: { shop: ShopFixture; variantId: string }[] = [];

const dashboard = async (query: string) => {
  const res = await t.app.inject({
    url: `/api/insights/dashboard?${query}`,
    headers: { cookie: operator.cookie, 'accept-language': 'en' },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const declare = (payload: Record<string, unknown>, lang = 'th') =>
  t.app.inject({
    method: 'POST',
    url: '/api/operator/insights/flash-sales',
    headers: { cookie: operator.cookie, 'accept-language': lang },
    payload,
  });
const hour = 3_600_000;

beforeAll(async () => {
  const db = t.database.db;
  operator = await signedInUser(db, { isOperator: true });
  // Five durian shops in Roi Et and one in Nan.
  for (const province of ['45', '45', '45', '45', '45', '55']) {
    const shop = await shopWithOwner(db, { provinceCode: province });
    const p = await productInStock(db, shop.sellerId, { stock: 10, priceSatang: 19_900 });
    shops.push({ shop, variantId: p.variantId });
  }
});

describe('flash-sale results', () => {
  it('counts the orders paid in the window, before and after the sale is declared, and never oversells', async () => {
    for (const s of shops.slice(0, 5)) await paidOrder(t.app, s.variantId, 2);
    const res = await declare({
      nameTh: 'ทุเรียนหมอนทอง 1 นาที',
      nameEn: 'Monthong durian minute',
      startsAt: new Date(Date.now() - hour).toISOString(),
      endsAt: new Date(Date.now() + hour).toISOString(),
      variantIds: shops.slice(0, 5).map((s) => s.variantId),
    });
    expect(res.statusCode, res.body).toBe(201);
    // One more order arrives after the declaration: counted from the outbox.
    await paidOrder(t.app, shops[0].variantId, 1);
    const [sale] = (await dashboard('')).flashSales;
    expect(sale).toMatchObject({
      name: 'Monthong durian minute',
      orders: { value: 6 },
      unitsSold: { value: 11 },
      stock: { value: 50 },
      oversold: { value: 0 },
    });
    expect(sale.peakOrdersPerMinute.value).toBeGreaterThanOrEqual(1);
  });

  it('hides a sale of fewer than 5 shops', async () => {
    const res = await declare({
      nameTh: 'ลดราคาร้านเดียว',
      startsAt: new Date(Date.now() - hour).toISOString(),
      endsAt: new Date(Date.now() + hour).toISOString(),
      variantIds: [shops[5].variantId],
    });
    expect(res.statusCode).toBe(201);
    await paidOrder(t.app, shops[5].variantId, 1);
    const sale = (await dashboard('')).flashSales.find((s: { name: string }) => s.name === 'ลดราคาร้านเดียว');
    expect(sale.orders).toEqual({ suppressed: true });
    expect(sale.unitsSold).toEqual({ suppressed: true });
  });

  it('refuses a window that ends before it starts, in the reader’s language, writing nothing', async () => {
    const res = await declare(
      {
        nameTh: 'ผิด',
        startsAt: new Date(Date.now() + hour).toISOString(),
        endsAt: new Date(Date.now() - hour).toISOString(),
        variantIds: [shops[0].variantId],
      },
      'zh',
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ field: 'endsAt', detail: expect.stringContaining('结束时间') }),
    ]);
    expect((await dashboard('')).flashSales.some((s: { name: string }) => s.name === 'ผิด')).toBe(false);
  });
});

describe('people trained, by the province of their shop', () => {
  it('shows the country, and hides Roi Et while “not Roi Et” is one learner', async () => {
    const db = t.database.db;
    // Every shop's owner starts the course; the five in Roi Et pass and are certified.
    for (const [i, s] of shops.entries()) {
      await db.execute(
        sql`insert into academy_lesson_progress (user_id, course_id, lesson_id) values (${s.shop.userId}, 'sme-online', 'l1')`,
      );
      if (i < 5)
        await db.execute(
          sql`insert into academy_attempts (id, user_id, course_id, quiz_id, attempt_no, question_ids, passed, submitted_at)
              values (gen_random_uuid(), ${s.shop.userId}, 'sme-online', 'q1', 1, '[]'::jsonb, true, now())`,
        );
    }
    const all = (await dashboard('')).learning;
    expect(all.learners).toEqual({ value: 6 });
    expect(all.completions).toEqual({ value: 5 });
    // Roi Et alone is five, but the rest of the country is one learner: total − Roi Et would show them.
    const roiEt = (await dashboard('province=45')).learning;
    expect(roiEt.learners).toEqual({ suppressed: true });
    const byCode = Object.fromEntries(all.byProvince.map((r: { key: string }) => [r.key, r]));
    expect(byCode['55'].learners).toEqual({ suppressed: true });
    // The lone hidden Nan takes Roi Et with it (secondary suppression).
    expect(byCode['45'].learners).toEqual({ suppressed: true });
  });

  it('shows bookings and loans as zero when there are none, and hides no one', async () => {
    const d = await dashboard('province=55');
    expect(d.bookings).toMatchObject({ bookings: { value: 0 }, byCity: [] });
    expect(d.loans).toMatchObject({ applied: { value: 0 }, repaid: { value: 0 } });
  });
});
