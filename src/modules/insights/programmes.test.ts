import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { drainOutbox, useTestApp } from '../../../test/db.ts';
import { queryRows } from '../../platform/db.ts';
import { type ShopFixture, shopWithOwner, signedInUser } from '../catalog/testing.ts';
import { loadDemoCentres } from '../academy/testing.ts';
import { paidOrder } from '../hub/testing.ts';
import { productInStock } from '../inventory/testing.ts';
import { countFlashSaleOrder } from './flash-sales.ts';

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
/** A shop's flash-sale campaign (the campaigns module's API) on its variant, in the window given. */
async function campaign(s: { shop: ShopFixture; variantId: string }, startsAt: Date, endsAt: Date) {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/sellers/${s.shop.sellerId}/campaigns`,
    headers: { cookie: s.shop.cookie },
    payload: {
      name: { th: 'ทุเรียนหมอนทอง 1 นาที', en: 'Monthong durian minute' },
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      items: [{ variantId: s.variantId, priceSatang: 9_900, stockLimit: 10, perBuyerLimit: 5 }],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
}
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

describe('flash-sale results, from the shops’ campaigns', () => {
  // One sale day: the five Roi Et shops run a campaign in the same window.
  const startsAt = new Date(Math.floor(Date.now() / hour) * hour - hour);
  const endsAt = new Date(startsAt.getTime() + 3 * hour);

  it('counts the units bought at the campaign price once, and takes a cancelled order back', async () => {
    for (const s of shops.slice(0, 5)) await campaign(s, startsAt, endsAt);
    const paid = [];
    for (const s of shops.slice(0, 5)) paid.push(await paidOrder(t.app, s.variantId, 2));
    const extra = await paidOrder(t.app, shops[0].variantId, 1);
    // The same event again counts nothing more.
    await countFlashSaleOrder(t.database.db, paid[0].orderId);
    const sale = (await dashboard('')).flashSales;
    expect(sale).toMatchObject({
      campaigns: { value: 5 },
      shops: { value: 5 },
      orders: { value: 6 },
      unitsSold: { value: 11 },
      stockOffered: { value: 50 },
      sellThroughPercent: { value: 22 },
      oversold: { value: 0 },
    });
    expect(sale.peakOrdersPerMinute.value).toBeGreaterThanOrEqual(1);
    expect(sale.byWindow).toEqual([
      expect.objectContaining({ startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), orders: { value: 6 } }),
    ]);

    // The shop cancels its second paid order: its unit goes back to the campaign and leaves the results.
    const cancelled = await t.app.inject({
      method: 'POST',
      url: `/api/orders/${extra.orderId}/transitions`,
      headers: { cookie: shops[0].shop.cookie },
      payload: { to: 'cancelled', reason: 'สินค้าเสียหาย' },
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    await drainOutbox(t.app);
    const after = (await dashboard('')).flashSales;
    expect(after).toMatchObject({ orders: { value: 5 }, unitsSold: { value: 10 } });
    // Its minute stays in the peak: the peak counts orders as they arrived.
    expect(after.peakOrdersPerMinute).toEqual(sale.peakOrdersPerMinute);
  });

  it('lists no window of one shop, nor the one it would give away, and hides Roi Et while “not Roi Et” is one shop', async () => {
    // Nan's one shop runs its own campaign, in another window.
    await campaign(shops[5], new Date(startsAt.getTime() + 30 * 60_000), endsAt);
    await paidOrder(t.app, shops[5].variantId, 1);
    const all = (await dashboard('')).flashSales;
    expect(all).toMatchObject({
      campaigns: { value: 6 },
      shops: { value: 6 },
      orders: { value: 6 },
      unitsSold: { value: 11 },
    });
    // The sale day alone would be total − Nan's window: both go.
    expect(all.byWindow).toEqual([]);
    expect(all.windowsHidden).toBe(2);
    expect((await dashboard('province=55')).flashSales.orders).toEqual({ suppressed: true });
    expect((await dashboard('province=45')).flashSales.orders).toEqual({ suppressed: true });
    expect((await dashboard('province=45')).flashSales.unitsSold).toEqual({ suppressed: true });
  });
});

describe('the flash-sale roll-ups', () => {
  it('hold the same numbers as the raw purchases and orders they were kept from', async () => {
    const db = t.database.db;
    const rolled = await queryRows(
      db,
      sql`select sale_id::text, market, orders, units, buyers from insights_flash_campaigns order by 1, 2`,
    );
    // From the owners' views directly: units bought at campaign prices by paid orders not cancelled.
    const raw = await queryRows(
      db,
      sql`select p.campaign_id::text as sale_id, f.market,
                 count(distinct p.order_id) filter (where f.status <> 'cancelled' and p.released_at is null)::int as orders,
                 coalesce(sum(p.quantity) filter (where f.status <> 'cancelled' and p.released_at is null), 0)::int as units,
                 count(distinct f.buyer_hash) filter (where f.status <> 'cancelled' and p.released_at is null)::int as buyers
          from campaign_purchase_facts p join order_sales_facts f on f.order_id = p.order_id group by 1, 2 order by 1, 2`,
    );
    expect(rolled.length).toBeGreaterThan(0);
    expect(rolled).toEqual(raw);
    const minutes = await queryRows(
      db,
      sql`select sale_id::text, market, minute::text, orders from insights_flash_minutes order by 1, 2, 3`,
    );
    const arrivals = await queryRows(
      db,
      sql`select p.campaign_id::text as sale_id, f.market, date_trunc('minute', f.paid_at)::text as minute,
                 count(distinct p.order_id)::int as orders
          from campaign_purchase_facts p join order_sales_facts f on f.order_id = p.order_id group by 1, 2, 3 order by 1, 2, 3`,
    );
    expect(minutes).toEqual(arrivals);
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

  it('counts learners at the community digital centre of their cohort, and hides a centre of one', async () => {
    const db = t.database.db;
    await loadDemoCentres(t.app);
    const [roiEtCentre, nanCentre] = await queryRows<{ id: string; code: string; name_en: string }>(
      db,
      sql`(select id, code, name_en from academy_centres where province_code = '45' order by code limit 1)
          union all (select id, code, name_en from academy_centres where province_code = '55' order by code limit 1)`,
    );
    const cohortAt = async (centreId: string, userIds: string[]) => {
      const [c] = await queryRows<{ id: string }>(
        db,
        sql`insert into academy_cohorts (id, trainer_id, centre_id, course_id, title, join_code, starts_on, ends_on, capacity, enrolled)
            values (gen_random_uuid(), gen_random_uuid(), ${centreId}, 'sme-online', 'cohort',
                    substr(md5(random()::text), 1, 8), current_date, current_date + 30, 20, ${userIds.length})
            returning id`,
      );
      for (const u of userIds)
        await db.execute(sql`insert into academy_enrolments (cohort_id, user_id) values (${c.id}, ${u})`);
    };
    // The five Roi Et learners studied at a centre in Roi Et; the Nan learner on their own.
    await cohortAt(
      roiEtCentre.id,
      shops.slice(0, 5).map((s) => s.shop.userId),
    );
    let centres = (await dashboard('')).learning.byCentre;
    expect(centres).toEqual([
      expect.objectContaining({
        key: roiEtCentre.code,
        provinceCode: '45',
        learners: { value: 5 },
        completions: { value: 5 },
      }),
    ]);
    expect(centres[0].name.en).toBe(roiEtCentre.name_en);
    // The Nan learner joins a cohort at a Nan centre: a centre of one is hidden, and takes the next with it.
    await cohortAt(nanCentre.id, [shops[5].shop.userId]);
    centres = (await dashboard('')).learning.byCentre;
    expect(centres.map((c: { key: string }) => c.key).sort()).toEqual([roiEtCentre.code, nanCentre.code].sort());
    for (const c of centres) expect(c.learners).toEqual({ suppressed: true });
  });

  it('publishes learners by month and province as open data, under the same rules', async () => {
    const db = t.database.db;
    const csv = async () => {
      const res = await t.app.inject({ url: '/api/open-data/datasets/learning-by-province-month.csv' });
      expect(res.statusCode).toBe(200);
      return res.body;
    };
    const month = new Date(Date.now() + 7 * hour).toISOString().slice(0, 7);
    // Roi Et's five and Nan's one: Nan alone is hidden, and takes Roi Et with it.
    let body = await csv();
    expect(
      body.startsWith(
        '\uFEFFmonth,province_code,province_th,province_en,learners,completions,certificates,suppressed\r\n',
      ),
    ).toBe(true);
    expect(body).toContain(`${month},45,ร้อยเอ็ด,Roi Et,,,,1\r\n`);
    expect(body).toContain(`${month},55,น่าน,Nan,,,,1\r\n`);
    // Five learners in Chiang Mai: now the smallest shown row goes with Nan, and Roi Et is shown.
    for (let i = 0; i < 5; i++) {
      const shop = await shopWithOwner(db, { provinceCode: '50' });
      await db.execute(
        sql`insert into academy_lesson_progress (user_id, course_id, lesson_id) values (${shop.userId}, 'sme-online', 'l1')`,
      );
    }
    body = await csv();
    expect(body).toContain(`${month},45,ร้อยเอ็ด,Roi Et,5,5,0,0\r\n`);
    expect(body).toContain(`${month},50,เชียงใหม่,Chiang Mai,,,,1\r\n`);
    for (const s of shops) expect(body).not.toContain(s.shop.userId);
    const meta = (await t.app.inject({ url: '/api/open-data/datasets/learning-by-province-month' })).json();
    expect(meta).toMatchObject({ license_id: 'CC-BY-4.0', data_category: 'ข้อมูลสาธารณะ', disaggregate: 'จังหวัด, เดือน' });
    expect(meta.first_year_of_data).toBe(Number(month.slice(0, 4)) + 543);
  });

  it('publishes bookings and loans as datasets with their metadata, empty while there are none', async () => {
    for (const [id, header] of [
      ['bookings-by-city-month', 'secondary_city,bookings,places,value_thb,suppressed'],
      [
        'loans-by-province-month',
        'loans_applied,applied_thb,loans_approved,loans_disbursed,disbursed_thb,loans_repaid,suppressed',
      ],
    ]) {
      const res = await t.app.inject({ url: `/api/open-data/datasets/${id}.csv` });
      expect(res.body).toBe(`\uFEFFmonth,province_code,province_th,province_en,${header}\r\n`);
      expect((await t.app.inject({ url: `/api/open-data/datasets/${id}.json` })).json()).toEqual({
        dataset: id,
        rows: [],
      });
      const meta = (await t.app.inject({ url: `/api/open-data/datasets/${id}` })).json();
      expect(meta).toMatchObject({ name: `talad-${id}`, update_frequency_unit: 'เดือน', license_id: 'CC-BY-4.0' });
      expect(meta.unit_of_measure).toContain('THB');
    }
  });

  it('shows bookings and loans as zero when there are none, and hides no one', async () => {
    const d = await dashboard('province=55');
    expect(d.bookings).toMatchObject({ bookings: { value: 0 }, byCity: [] });
    expect(d.loans).toMatchObject({ applied: { value: 0 }, repaid: { value: 0 } });
  });
});
