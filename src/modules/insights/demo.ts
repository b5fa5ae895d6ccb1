// The demo's insights: an analyst for the country and an officer for Roi Et, and a year of
// **simulated** monthly history for the demo shops, so that the dashboards and the open data have
// something above the 5-shop threshold to show. The rows are marked simulated; the dashboard says
// so whenever its figures include them. Real sales are added on top by the outbox as demo buyers pay.
import { sql } from 'drizzle-orm';
import { type Db, queryRows } from '../../platform/db.ts';
import { DEMO_PASSWORD } from '../../platform/demo.ts';
import { createUser } from '../identity/index.ts';

/** A small deterministic generator (mulberry32), so every demo shows the same history. */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function seedInsightsDemo(db: Db) {
  const shops = await queryRows<{ seller_id: string; province_code: string }>(
    db,
    sql`select seller_id, province_code from seller_onboarding_facts where status = 'approved' order by seller_id`,
  );
  if (!shops.length) return { months: 0 };
  const rnd = random(2026);
  const now = new Date(Date.now() + 7 * 3_600_000);
  const values: ReturnType<typeof sql>[] = [];
  for (let back = 12; back >= 1; back--) {
    const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - back, 1));
    const month = d.toISOString().slice(0, 10);
    for (const shop of shops) {
      for (const market of ['TH', 'CN']) {
        if (market === 'CN' && rnd() < 0.4) continue;
        const orders = Math.round((market === 'TH' ? 40 : 15) * (0.5 + rnd()) * (1 + (12 - back) / 12));
        const gross = orders * Math.round(25_000 + rnd() * 60_000);
        const tax = market === 'CN' ? Math.round(gross * 0.2 * 0.091) : 0;
        const shipped = Math.round(orders * 0.95);
        values.push(
          sql`(${month}::date, ${shop.seller_id}::uuid, ${market}, ${orders}, ${gross}, ${tax}, ${shipped}, ${Math.round(shipped * (20 + rnd() * 30))}, ${Math.max(5, Math.round(orders * 0.8))}, 1)`,
        );
      }
    }
  }
  await db.execute(
    sql`insert into insights_sales (month, seller_id, market, orders, gross_satang, cbec_tax_fen, shipped, ship_hours, buyers, simulated)
        values ${sql.join(values, sql`, `)} on conflict do nothing`,
  );
  const national = await createUser(db, {
    email: 'analyst@talad.local',
    password: DEMO_PASSWORD,
    displayName: 'นักวิเคราะห์ กระทรวงพาณิชย์',
  });
  const roiEt = await createUser(db, {
    email: 'roiet@talad.local',
    password: DEMO_PASSWORD,
    displayName: 'เจ้าหน้าที่พาณิชย์จังหวัดร้อยเอ็ด',
  });
  await db.execute(
    sql`insert into insights_analysts (user_id, province_code) values (${national.id}, null), (${roiEt.id}, '45')`,
  );
  return { months: 12 };
}
