// Flash-sale results, from the campaigns module's flash-sale campaigns (issue 21): the units each
// paid order bought at a campaign price (campaigns' campaign_purchase_facts view) are counted once
// from the outbox (order.paid) into a log (insights_flash_orders) and two roll-ups the dashboard
// reads — per campaign and market (insights_flash_campaigns: orders, units, distinct buyers) and
// per minute (insights_flash_minutes: arrivals, for the peak) — and a cancellation (order.cancelled)
// takes its units and, if it was their only order there, its buyer back; its arrival stays in the
// peak. The windows, shops and stock limits are read from campaigns' campaign_item_facts view;
// stock below zero from inventory's stock_available_by_variant.
//
// A campaign is one shop's, so a campaign alone is always a cell of one shop: results are given for
// all the campaigns of the period under the filters, and per window (the campaigns that share one
// start and end — a platform sale day many shops join), each shown only with at least 5 shops and
// 5 buyers, with complements and secondary suppression like every other figure.
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../platform/db.ts';
import type { Filters } from './dashboard-filters.ts';
import { type Dim, turns, where } from './dashboard-filters.ts';
import { type Cell, type Crowd, guard, hidden, MIN_CELL, shown, smallestCrowd, suppressRows } from './privacy.ts';

/** Whether the buyer of log row `n` has another order in the same campaign and market, not cancelled (`except` left out). */
const buyerAlreadyCounted = (n: string, except: SQL = sql`false`) =>
  sql`exists (select 1 from insights_flash_orders o where o.sale_id = ${sql.raw(n)}.sale_id and o.market = ${sql.raw(n)}.market
      and o.buyer_hash = ${sql.raw(n)}.buyer_hash and o.cancelled_at is null and not (${except}))`;

/**
 * order.paid: the units the order bought at campaign prices, once per campaign (none for almost
 * every order), into the log and the two roll-ups. The statement's snapshot does not see the row it
 * logs, so "another order of this buyer" is any the log held before.
 */
export async function countFlashSaleOrder(db: Executor, orderId: string): Promise<void> {
  await db.execute(
    sql`with logged as (
          insert into insights_flash_orders (sale_id, order_id, units, seller_id, market, buyer_hash, minute)
          select p.campaign_id, p.order_id, sum(p.quantity)::int, f.seller_id, f.market, f.buyer_hash, date_trunc('minute', f.paid_at)
          from campaign_purchase_facts p join order_sales_facts f on f.order_id = p.order_id
          where p.order_id = ${orderId} and p.released_at is null and f.status <> 'cancelled'
          group by p.campaign_id, p.order_id, f.seller_id, f.market, f.buyer_hash, f.paid_at
          on conflict (sale_id, order_id) do nothing
          returning sale_id, market, seller_id, units, buyer_hash, minute
        ), by_minute as (
          insert into insights_flash_minutes (sale_id, market, minute, orders)
          select sale_id, market, minute, 1 from logged
          on conflict (sale_id, market, minute) do update set orders = insights_flash_minutes.orders + 1
        )
        insert into insights_flash_campaigns (sale_id, market, seller_id, orders, units, buyers)
        select n.sale_id, n.market, n.seller_id, 1, n.units, case when ${buyerAlreadyCounted('n')} then 0 else 1 end
        from logged n
        on conflict (sale_id, market) do update set orders = insights_flash_campaigns.orders + 1,
          units = insights_flash_campaigns.units + excluded.units, buyers = insights_flash_campaigns.buyers + excluded.buyers`,
  );
}

/** order.cancelled: a counted order's units leave the roll-up, and its buyer unless they have another order there. */
export async function uncountFlashSaleOrder(db: Executor, orderId: string): Promise<void> {
  await db.execute(
    sql`with gone as (
          update insights_flash_orders set cancelled_at = now() where order_id = ${orderId} and cancelled_at is null
          returning sale_id, market, buyer_hash, units
        )
        update insights_flash_campaigns c set orders = c.orders - 1, units = c.units - g.units,
          buyers = c.buyers - case when ${buyerAlreadyCounted('g', sql`o.order_id = ${orderId}`)} then 0 else 1 end
        from gone g where c.sale_id = g.sale_id and c.market = g.market`,
  );
}

interface WindowRow {
  key: string;
  starts_at: string | null;
  ends_at: string | null;
  campaigns: number;
  shops: number;
  stock: number;
  orders: number;
  units: number;
  sellers: number;
  buyers: number;
  peak: number;
  oversold: number;
}

const byWindowKey = sql`to_char(c.starts_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') || '/' || to_char(c.ends_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

/**
 * The campaigns whose window meets the period (not cancelled before they began), grouped by `key`,
 * from the roll-ups: rows per campaign and market, and per minute. Distinct buyers are only ever
 * compared with 5: when a campaign alone has 5 the key has them, and only otherwise (few, small
 * campaigns) are they counted exactly from the log.
 */
async function windows(db: Executor, f: Filters, key: SQL, turn: Dim | null): Promise<WindowRow[]> {
  const market = (column: string) =>
    f.market
      ? turn === 'market'
        ? sql`${sql.raw(column)} is distinct from ${f.market}`
        : sql`${sql.raw(column)} = ${f.market}`
      : sql`true`;
  // PostgreSQL's planner prices the exact-buyers subquery per window and, past jit_above_cost, spends
  // ~150 ms compiling a query that runs in a few: JIT is off for this one statement's transaction.
  return db.transaction(async (tx) => {
    await tx.execute(sql`set local jit = off`);
    return windowRows(tx, f, key, turn, market);
  });
}

async function windowRows(db: Executor, f: Filters, key: SQL, turn: Dim | null, market: (column: string) => SQL) {
  return queryRows<WindowRow>(
    db,
    sql`with camp as (
          select c.campaign_id, c.seller_id, ${key} as key, min(c.starts_at) as starts_at, min(c.ends_at) as ends_at,
                 sum(c.stock_limit)::int as stock
          from campaign_item_facts c join seller_onboarding_facts f on f.seller_id = c.seller_id
          where c.starts_at < (${`${f.to}-01`}::timestamp + interval '1 month') at time zone 'Asia/Bangkok'
            and c.ends_at > ${`${f.from}-01`}::timestamp at time zone 'Asia/Bangkok'
            and (c.cancelled_at is null or c.cancelled_at > c.starts_at)
            and ${where(f, turn === 'market' ? null : turn, { sales: false })}
          group by c.campaign_id, c.seller_id, 3
        ), sold as (
          select camp.key, s.* from insights_flash_campaigns s join camp on camp.campaign_id = s.sale_id
          where ${market('s.market')}
        )
        select c.key, c.starts_at, c.ends_at, c.campaigns, c.shops, c.stock,
               coalesce(o.orders, 0)::int as orders, coalesce(o.units, 0)::int as units,
               coalesce(o.sellers, 0)::int as sellers,
               (case when coalesce(o.max_buyers, 0) >= ${MIN_CELL} then o.max_buyers
                     else (select count(distinct l.buyer_hash) from insights_flash_orders l join camp k on k.campaign_id = l.sale_id
                           where k.key = c.key and l.cancelled_at is null and ${market('l.market')}) end)::int as buyers,
               coalesce(p.peak, 0)::int as peak, coalesce(v.oversold, 0)::int as oversold
        from (select key, min(starts_at) as starts_at, max(ends_at) as ends_at, count(*)::int as campaigns,
                     count(distinct seller_id)::int as shops, sum(stock)::int as stock from camp group by 1) c
        left join (select key, sum(orders) as orders, sum(units) as units, max(buyers) as max_buyers,
                          count(distinct seller_id) filter (where orders > 0) as sellers
                   from sold group by 1) o on o.key = c.key
        left join (select key, max(n) as peak from (
                     select camp.key, m.minute, sum(m.orders) as n from insights_flash_minutes m
                     join camp on camp.campaign_id = m.sale_id where ${market('m.market')} group by 1, 2) x group by 1) p
          on p.key = c.key
        left join (select camp.key, sum(greatest(-a.available, 0)) as oversold from camp
                   join campaign_item_facts i on i.campaign_id = camp.campaign_id
                   join stock_available_by_variant a on a.variant_id = i.variant_id group by 1) v on v.key = c.key
        order by c.starts_at desc`,
  );
}

/** The smallest of the crowds behind a row: the shops running it, those selling, and their buyers. */
const crowdOf = (r: WindowRow | undefined): Crowd =>
  r ? smallestCrowd([r.shops, r.sellers], [r.buyers]) : { sellers: 0, buyers: 0 };

const cells = (r: WindowRow | undefined, show: (v: number) => Cell) => ({
  campaigns: show(r?.campaigns ?? 0),
  shops: show(r?.shops ?? 0),
  stockOffered: show(r?.stock ?? 0),
  orders: show(r?.orders ?? 0),
  unitsSold: show(r?.units ?? 0),
  sellThroughPercent: r?.stock ? show(Math.round((r.units / r.stock) * 1000) / 10) : hidden,
  peakOrdersPerMinute: show(r?.peak ?? 0),
  oversold: show(r?.oversold ?? 0),
});

/** The period's flash-sale campaigns under the filters, as a whole and by window. */
export async function flashSaleResults(db: Executor, f: Filters) {
  const [total] = await windows(db, f, sql`'all'`, null);
  const others: Crowd[] = [];
  for (const d of turns(f, { sales: true })) others.push(crowdOf((await windows(db, f, sql`'all'`, d))[0]));
  const crowd = crowdOf(total);
  const rows = suppressRows(
    (await windows(db, f, byWindowKey, null)).map((r) => ({ ...r, crowd: crowdOf(r), size: r.units })),
  );
  const shownRows = rows.filter((r) => !r.hidden).slice(0, 20);
  return {
    ...cells(total, (v) => guard(v, crowd, others)),
    byWindow: shownRows.map((r) => ({
      startsAt: new Date(r.starts_at!).toISOString(),
      endsAt: new Date(r.ends_at!).toISOString(),
      ...cells(r, shown),
    })),
    /** Windows not listed: fewer than 5 shops or 5 buyers (or taken along by one that is). */
    windowsHidden: rows.length - rows.filter((r) => !r.hidden).length,
  };
}
