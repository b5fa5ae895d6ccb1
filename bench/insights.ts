// npm run bench:insights — the programme dashboard at 1 million orders, on PostgreSQL.
//
// A fresh database on DATABASE_URL's server (default: the local PostgreSQL at 127.0.0.1:5432) with
// SHOPS shops (10 in each of the 77 provinces, of the five kinds) and ORDERS paid orders (default
// 1,000,000) over the last 12 months, TH and CN, from BUYERS distinct buyers, written with
// generate_series in SQL (not through the API). Insights' aggregates are then built once, set-based,
// exactly as the outbox handler would leave them. Then GET /api/insights/dashboard (in process, an
// operator's cookie) is timed REQUESTS times:
//   - unchanged: the figures do not move between requests;
// FLASH_ORDERS (default 50,000) of them were bought at a campaign price on one sale day (every shop
// runs one campaign in the same two-hour window): campaigns' rows and insights' log and roll-ups
// (insights_flash_orders, _campaigns, _minutes) as the outbox would have left them.
//   - fresh: before every request a new order is paid and counted by insights' own order.paid
//     handler (countPaidOrder, the incremental path), so every answer includes it.
// Prints p50/p95/p99 for both, the handler's time per order, and the rows in each aggregate table.
// QUERY=province=45&market=CN asks a filtered page. KEEP_DB=1 keeps the database (and prints its URL) to look into it afterwards.
import { sql } from 'drizzle-orm';
import { buildApp } from '../src/app.ts';
import { countPaidOrder } from '../src/modules/insights/aggregate.ts';
import { shopWithOwner, signedInUser } from '../src/modules/catalog/testing.ts';
import { queryRows } from '../src/platform/db.ts';
import { PROVINCES } from '../src/platform/provinces.ts';
import { testConfig } from '../test/db.ts';
import { freshPostgres, percentile } from './support.ts';

const ORDERS = Number(process.env.ORDERS ?? 1_000_000);
const PER_PROVINCE = Number(process.env.SHOPS_PER_PROVINCE ?? 10);
const BUYERS = Number(process.env.BUYERS ?? 200_000);
const REQUESTS = Number(process.env.REQUESTS ?? 200);
/** Orders bought at a campaign price on one sale day, every shop running one campaign in the same window. */
/** The filters asked (e.g. province=45&market=CN: the complements add queries); none by default. */
const QUERY = process.env.QUERY ?? '';
const FLASH_ORDERS = Number(process.env.FLASH_ORDERS ?? 50_000);
const TYPES = ['individual', 'company', 'community_enterprise', 'cooperative', 'otop_producer'];

async function main() {
  const fresh = await freshPostgres('talad_insights_bench');
  const { db } = fresh.database;
  const t0 = performance.now();
  let n = 0;
  for (const p of PROVINCES)
    for (let i = 0; i < PER_PROVINCE; i++) {
      const shop = await shopWithOwner(db, { provinceCode: p.code });
      await db.execute(
        sql`update sellers set business_type = ${TYPES[n++ % TYPES.length]}::business_type where id = ${shop.sellerId}`,
      );
    }
  await db.execute(sql`create table bench_shops as select row_number() over (order by id) - 1 as n, id from sellers`);
  const shops = n;
  // One group and one order per i: a shop, a market (one in four to China), a buyer, a paid time in the last year.
  await db.execute(
    sql`insert into order_groups (id, market, subtotal_satang, shipping_satang, total_satang, payment_due_at, created_at)
        select md5('g' || i)::uuid, case when i % 4 = 0 then 'CN' else 'TH' end, 40000 + (i % 97) * 500, 4000,
               44000 + (i % 97) * 500, now(), now() - (i % 365) * interval '1 day'
        from generate_series(1, ${ORDERS}) i`,
  );
  await db.execute(
    sql`insert into orders (id, group_id, seller_id, guest_token_hash, status, subtotal_satang, shipping_satang, total_satang, payment_due_at, paid_at, shipped_at, created_at)
        select md5('o' || i)::uuid, md5('g' || i)::uuid, s.id, 'buyer-' || (i % ${BUYERS}), 'shipped',
               40000 + (i % 97) * 500, 4000, 44000 + (i % 97) * 500, now(),
               now() - (i % 365) * interval '1 day', now() - (i % 365) * interval '1 day' + interval '30 hours',
               now() - (i % 365) * interval '1 day'
        from generate_series(1, ${ORDERS}) i join bench_shops s on s.n = (i::bigint * 7919) % ${shops}`,
  );
  const seeded = performance.now();
  // The aggregates as the outbox would have left them (order.paid and order.shipped for each order).
  await db.execute(
    sql`insert into insights_counted_orders (order_id, month, seller_id, market, gross_satang, cbec_tax_fen, shipped)
        select order_id, date_trunc('month', paid_at at time zone 'Asia/Bangkok')::date, seller_id, market, total_satang, 0, 1
        from order_sales_facts`,
  );
  await db.execute(
    sql`insert into insights_buyers (month, seller_id, market, buyer_hash)
        select distinct date_trunc('month', paid_at at time zone 'Asia/Bangkok')::date, seller_id, market, buyer_hash from order_sales_facts`,
  );
  await db.execute(
    sql`insert into insights_sales (month, seller_id, market, orders, gross_satang, cbec_tax_fen, shipped, ship_hours, buyers)
        select c.month, c.seller_id, c.market, count(*), sum(c.gross_satang), 0, count(*), count(*) * 30,
               (select count(*) from insights_buyers b where b.month = c.month and b.seller_id = c.seller_id and b.market = c.market)
        from insights_counted_orders c group by 1, 2, 3`,
  );
  // The sale day: one campaign per shop, the first FLASH_ORDERS orders bought in it, two hours ago.
  await db.execute(
    sql`insert into campaigns (id, seller_id, name, starts_at, ends_at)
        select md5('c' || n)::uuid, id, '{"th":"วันทุเรียน"}'::jsonb, date_trunc('hour', now()) - interval '2 hours',
               date_trunc('hour', now()) from bench_shops`,
  );
  await db.execute(
    sql`insert into campaign_items (id, campaign_id, seller_id, product_id, variant_id, price_satang, stock_limit, per_buyer_limit, sold)
        select md5('ci' || n)::uuid, md5('c' || n)::uuid, id, md5('p' || n)::uuid, md5('v' || n)::uuid, 9900, 1000, 5, 0 from bench_shops`,
  );
  await db.execute(
    sql`insert into insights_flash_orders (sale_id, order_id, units, seller_id, market, buyer_hash, minute)
        select md5('c' || s.n)::uuid, md5('o' || i)::uuid, 1 + i % 3, s.id, case when i % 4 = 0 then 'CN' else 'TH' end,
               md5('buyer-' || (i % ${BUYERS})), date_trunc('hour', now()) - interval '2 hours' + (i % 120) * interval '1 minute'
        from generate_series(1, ${FLASH_ORDERS}) i join bench_shops s on s.n = (i::bigint * 7919) % ${shops}`,
  );
  await db.execute(
    sql`insert into insights_flash_campaigns (sale_id, market, seller_id, orders, units, buyers)
        select sale_id, market, min(seller_id::text)::uuid, count(*), sum(units), count(distinct buyer_hash)
        from insights_flash_orders group by 1, 2`,
  );
  await db.execute(
    sql`insert into insights_flash_minutes (sale_id, market, minute, orders)
        select sale_id, market, minute, count(*) from insights_flash_orders group by 1, 2, 3`,
  );
  await db.execute(sql`analyze`);
  const built = performance.now();

  const app = await buildApp({ db, config: testConfig({ DEMO_DATA: 'false' }), logger: false });
  const operator = await signedInUser(db, { isOperator: true });
  const ask = async () => {
    const start = performance.now();
    const res = await app.inject({
      url: `/api/insights/dashboard${QUERY ? `?${QUERY}` : ''}`,
      headers: { cookie: operator.cookie },
    });
    const ms = performance.now() - start;
    if (res.statusCode !== 200) throw new Error(`dashboard: ${res.statusCode} ${res.body}`);
    return { ms, orders: res.json().sales.orders.value as number | undefined };
  };
  for (let i = 0; i < 10; i++) await ask(); // warm up

  const unchanged: number[] = [];
  for (let i = 0; i < REQUESTS; i++) unchanged.push((await ask()).ms);

  const fresh_: number[] = [];
  const handler: number[] = [];
  let lastOrders = (await ask()).orders;
  let stale = 0;
  for (let i = 0; i < REQUESTS; i++) {
    const k = ORDERS + 1 + i;
    await db.execute(
      sql`insert into order_groups (id, market, subtotal_satang, shipping_satang, total_satang, payment_due_at)
          values (md5(${`g${k}`})::uuid, 'TH', 50000, 4000, 54000, now())`,
    );
    const [o] = await queryRows<{ id: string }>(
      db,
      sql`insert into orders (id, group_id, seller_id, guest_token_hash, status, subtotal_satang, shipping_satang, total_satang, payment_due_at, paid_at)
          select md5(${`o${k}`})::uuid, md5(${`g${k}`})::uuid, id, ${`new-buyer-${k}`}, 'paid', 50000, 4000, 54000, now(), now()
          from bench_shops where n = ${k % shops} returning id`,
    );
    const h = performance.now();
    await countPaidOrder(db, o.id);
    handler.push(performance.now() - h);
    const r = await ask();
    fresh_.push(r.ms);
    if (r.orders !== (lastOrders ?? 0) + 1) stale++;
    lastOrders = r.orders;
  }

  const rows = await queryRows<{ t: string; n: number }>(
    db,
    sql`select 'insights_sales' as t, count(*)::int as n from insights_sales
        union all select 'insights_buyers', count(*)::int from insights_buyers
        union all select 'insights_counted_orders', count(*)::int from insights_counted_orders
        union all select 'insights_categories', count(*)::int from insights_categories
        union all select 'insights_hub', count(*)::int from insights_hub
        union all select 'insights_flash_orders', count(*)::int from insights_flash_orders
        union all select 'insights_flash_campaigns', count(*)::int from insights_flash_campaigns
        union all select 'insights_flash_minutes', count(*)::int from insights_flash_minutes`,
  );
  const f = (x: number) => x.toFixed(1);
  console.log(`engine: postgres`);
  console.log(`query: ${QUERY || '(none)'}`);
  console.log(`orders: ${ORDERS}`);
  console.log(`shops: ${shops}`);
  console.log(`buyers: ${BUYERS}`);
  console.log(`flash_orders: ${FLASH_ORDERS}`);
  console.log(`seed_s: ${f((seeded - t0) / 1000)}`);
  console.log(`aggregates_build_s: ${f((built - seeded) / 1000)}`);
  for (const r of rows) console.log(`rows_${r.t}: ${r.n}`);
  console.log(`unchanged_p50_ms: ${f(percentile(unchanged, 50))}`);
  console.log(`unchanged_p95_ms: ${f(percentile(unchanged, 95))}`);
  console.log(`unchanged_p99_ms: ${f(percentile(unchanged, 99))}`);
  console.log(`fresh_p50_ms: ${f(percentile(fresh_, 50))}`);
  console.log(`fresh_p95_ms: ${f(percentile(fresh_, 95))}`);
  console.log(`fresh_p99_ms: ${f(percentile(fresh_, 99))}`);
  console.log(`handler_p50_ms: ${f(percentile(handler, 50))}`);
  console.log(`handler_p99_ms: ${f(percentile(handler, 99))}`);
  // The new orders are any shop's, in TH: a filtered page need not move, so staleness is checked unfiltered only.
  console.log(`stale_answers: ${QUERY ? 'n/a (filtered)' : stale}`);
  await app.close();
  if (process.env.KEEP_DB) {
    console.log(`kept_db: ${fresh.url}`);
    await fresh.database.close();
  } else await fresh.drop();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
