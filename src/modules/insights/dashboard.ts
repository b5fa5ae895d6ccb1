// The dashboards' figures, from insights' own aggregates and the views the owning modules publish
// (seller_onboarding_facts, product_category_facts, hub_dispatch_facts): shops applied, approved,
// active and at their first sale; sales and orders by month, province, market and kind of shop,
// with the cross-border share and CBEC tax; top categories; the hub's dispatches and time to ship.
// Every figure passes privacy.ts before it leaves.
import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../platform/db.ts';
import { type Locale, pickText } from '../../platform/i18n.ts';
import { PROVINCES, provinceByCode } from '../../platform/provinces.ts';
import { addMonths, bangkokMonthOf, type Dim, type Filters, monthRange, turns, where } from './dashboard-filters.ts';
export { MARKETS, type Market, readFilters, type Filters } from './dashboard-filters.ts';
import { flashSaleResults } from './flash-sales.ts';
import { learning, loans, secondaryCityBookings } from './programmes.ts';
import { type Cell, type Crowd, guard, hidden, MIN_CELL, shown, suppressRows, tooSmall } from './privacy.ts';

interface SalesRow {
  key: string;
  orders: number;
  gross: number;
  tax: number;
  shipped: number;
  ship_hours: number;
  sellers: number;
  max_buyers: number;
  simulated: number;
}

const KEYS = {
  all: sql`'all'`,
  month: sql`to_char(s.month, 'YYYY-MM')`,
  province: sql`f.province_code`,
  market: sql`s.market`,
  sellerType: sql`f.business_type::text`,
} as const;
type Key = keyof typeof KEYS;

async function salesBy(db: Executor, f: Filters, key: Key, turn: Dim | null = null): Promise<Map<string, SalesRow>> {
  const k = KEYS[key];
  const rows = await queryRows<SalesRow>(
    db,
    sql`select ${k} as key, sum(s.orders)::float8 as orders, sum(s.gross_satang)::float8 as gross,
               sum(s.cbec_tax_fen)::float8 as tax, sum(s.shipped)::float8 as shipped, sum(s.ship_hours)::float8 as ship_hours,
               count(distinct s.seller_id) filter (where s.orders > 0)::int as sellers, max(s.buyers)::int as max_buyers,
               max(s.simulated)::int as simulated
        from insights_sales s join seller_onboarding_facts f on f.seller_id = s.seller_id
        where ${monthRange(f, 's.month')} and ${where(f, turn, { sales: true })}
        group by 1`,
  );
  return new Map(rows.map((r) => [r.key, r]));
}

/** Distinct buyers per key, counted only where no single shop-month already shows MIN of them. */
async function buyersBy(db: Executor, f: Filters, key: Key, rows: Map<string, SalesRow>, turn: Dim | null = null) {
  const out = new Map<string, number>();
  const unsure: string[] = [];
  for (const [k, r] of rows) {
    if (r.max_buyers >= MIN_CELL) out.set(k, r.max_buyers);
    else unsure.push(k);
  }
  if (unsure.length) {
    const counted = await queryRows<{ key: string; buyers: number }>(
      db,
      sql`select ${KEYS[key]} as key, count(distinct s.buyer_hash)::int as buyers
          from insights_buyers s join seller_onboarding_facts f on f.seller_id = s.seller_id
          where ${monthRange(f, 's.month')} and ${where(f, turn, { sales: true })}
          group by 1`,
    );
    for (const c of counted) if (!out.has(c.key)) out.set(c.key, c.buyers);
  }
  return out;
}

const crowdOf = (r: SalesRow | undefined, buyers: Map<string, number>, key: string): Crowd =>
  r ? { sellers: r.sellers, buyers: buyers.get(key) ?? 0 } : { sellers: 0, buyers: 0 };

async function totalCrowd(db: Executor, f: Filters, turn: Dim | null): Promise<{ row?: SalesRow; crowd: Crowd }> {
  const rows = await salesBy(db, f, 'all', turn);
  const buyers = await buyersBy(db, f, 'all', rows, turn);
  const row = rows.get('all');
  return { row, crowd: crowdOf(row, buyers, 'all') };
}

interface Breakdown {
  key: string;
  label: string;
  orders: Cell;
  grossSatang: Cell;
}

async function breakdown(db: Executor, f: Filters, key: Key, label: (k: string) => string, keys?: string[]) {
  const rows = await salesBy(db, f, key);
  const buyers = await buyersBy(db, f, key, rows);
  const all = keys ?? [...rows.keys()].sort();
  const safe = suppressRows(
    all.map((k) => ({
      key: k,
      row: rows.get(k),
      crowd: crowdOf(rows.get(k), buyers, k),
      size: rows.get(k)?.gross ?? 0,
    })),
  );
  return safe.map(
    (r): Breakdown => ({
      key: r.key,
      label: label(r.key),
      orders: r.hidden ? hidden : shown(r.row?.orders ?? 0),
      grossSatang: r.hidden ? hidden : shown(r.row?.gross ?? 0),
    }),
  );
}

/** A count of shops (applied, approved, active, first sale), with its complements guarded. */
async function shopCount(db: Executor, f: Filters, query: (turn: Dim | null) => SQL, sales: boolean): Promise<Cell> {
  const count = async (turn: Dim | null) => (await queryRows<{ n: number }>(db, query(turn)))[0]?.n ?? 0;
  const n = await count(null);
  const complements: Crowd[] = [];
  for (const d of turns(f, { sales })) complements.push({ sellers: await count(d), buyers: null });
  return guard(n, { sellers: n, buyers: null }, complements);
}

const typeLabels: Record<string, Record<Locale, string>> = {
  individual: { th: 'บุคคลธรรมดา', zh: '个人', en: 'Individual' },
  company: { th: 'บริษัท / SME', zh: '公司 / 中小企业', en: 'Company / SME' },
  community_enterprise: { th: 'วิสาหกิจชุมชน', zh: '社区企业', en: 'Community enterprise' },
  cooperative: { th: 'สหกรณ์', zh: '合作社', en: 'Cooperative' },
  otop_producer: { th: 'ผู้ผลิต OTOP', zh: 'OTOP 生产者', en: 'OTOP producer' },
};
/** "พ.ค. 2569" / "2026年5月" / "May 2026": Thai months in the Buddhist era. */
export const monthLabel = (m: string, locale: Locale) =>
  new Intl.DateTimeFormat(locale === 'th' ? 'th-TH-u-ca-buddhist' : locale === 'zh' ? 'zh-Hans-CN' : 'en-GB', {
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${m}-01T00:00:00Z`));
export const sellerTypeLabel = (t: string, locale: Locale) => typeLabels[t]?.[locale] ?? t;
export const provinceLabel = (code: string, locale: Locale) => {
  const p = provinceByCode(code);
  return p ? (locale === 'th' ? p.th : locale === 'zh' ? p.zh : p.en) : code;
};

export async function dashboard(db: Executor, f: Filters, locale: Locale) {
  // The programmes' sections and the breakdowns are independent questions: asked at once (a pool
  // answers them side by side; PGlite one after another). The catch only stops an early failure
  // elsewhere from leaving these rejections unhandled; awaiting them still throws.
  const programmes = Promise.all([
    flashSaleResults(db, f),
    learning(db, f),
    secondaryCityBookings(db, f, locale),
    loans(db, f),
  ]);
  programmes.catch(() => {});
  const months: string[] = [];
  for (let m = f.from; m <= f.to; m = addMonths(m, 1)) months.push(m);
  const breakdowns = Promise.all([
    breakdown(db, f, 'month', (m) => monthLabel(m, locale), months),
    breakdown(db, f, 'province', (c) => provinceLabel(c, locale)),
    breakdown(db, f, 'market', (m) => m),
    breakdown(db, f, 'sellerType', (k) => sellerTypeLabel(k, locale)),
  ]);
  breakdowns.catch(() => {});
  // Sales, and the complements of each filter (total − answer).
  const total = await totalCrowd(db, f, null);
  const complements: Crowd[] = [];
  for (const d of turns(f, { sales: true })) complements.push((await totalCrowd(db, f, d)).crowd);
  const t = total.row;
  const salesCell = (v: number) => guard(v, total.crowd, complements);
  // Cross-border share is asked of the market as a whole: CN against all, on the other filters.
  const noMarket = { ...f, market: null };
  const share = await totalCrowd(db, noMarket, null);
  const cn = await totalCrowd(db, { ...f, market: 'CN' }, null);
  const shareComplements: Crowd[] = [];
  for (const d of turns(noMarket, { sales: true })) shareComplements.push((await totalCrowd(db, noMarket, d)).crowd);
  const crossBorderShare =
    share.row && share.row.gross > 0 && !tooSmall(cn.crowd)
      ? guard(Math.round(((cn.row?.gross ?? 0) / share.row.gross) * 1000) / 10, share.crowd, shareComplements)
      : hidden;

  const applied = await shopCount(
    db,
    f,
    (turn) =>
      sql`select count(*)::int as n from seller_onboarding_facts f where ${bangkokMonthOf('f.applied_at')} between ${`${f.from}-01`}::date and ${`${f.to}-01`}::date and ${where(f, turn, { sales: false })}`,
    false,
  );
  const approved = await shopCount(
    db,
    f,
    (turn) =>
      sql`select count(*)::int as n from seller_onboarding_facts f where f.approved_at is not null and ${bangkokMonthOf('f.approved_at')} between ${`${f.from}-01`}::date and ${`${f.to}-01`}::date and ${where(f, turn, { sales: false })}`,
    false,
  );
  const active = await shopCount(
    db,
    f,
    (turn) =>
      sql`select count(distinct s.seller_id)::int as n from insights_sales s join seller_onboarding_facts f on f.seller_id = s.seller_id where s.orders > 0 and ${monthRange(f, 's.month')} and ${where(f, turn, { sales: true })}`,
    true,
  );
  const firstSale = await shopCount(
    db,
    f,
    (turn) =>
      sql`select count(*)::int as n from (select s.seller_id, min(s.month) as first from insights_sales s join seller_onboarding_facts f on f.seller_id = s.seller_id where s.orders > 0 and ${where(f, turn, { sales: true })} group by s.seller_id) x where ${monthRange(f, 'x.first')}`,
    true,
  );

  const [byMonth, byProvince, byMarket, bySellerType] = await breakdowns;

  const categories = await queryRows<{ slug: string; units: number; gross: number; sellers: number }>(
    db,
    sql`select s.category_slug as slug, sum(s.units)::float8 as units, sum(s.gross_satang)::float8 as gross,
               count(distinct s.seller_id) filter (where s.units > 0)::int as sellers
        from insights_categories s join seller_onboarding_facts f on f.seller_id = s.seller_id
        where ${monthRange(f, 's.month')} and ${where(f, null, { sales: true })}
        group by 1 having sum(s.units) > 0 order by 2 desc limit 20`,
  );
  const names = categories.length
    ? await queryRows<{ category_slug: string; name_th: string; name_zh: string | null; name_en: string | null }>(
        db,
        sql`select distinct on (category_slug) category_slug, name_th, name_zh, name_en from product_category_facts
            where category_slug = any(${`{${categories.map((c) => c.slug).join(',')}}`}::text[])`,
      )
    : [];
  const nameOf = new Map(
    names.map((n) => [n.category_slug, pickText({ th: n.name_th, zh: n.name_zh, en: n.name_en }, locale)]),
  );
  const topCategories = categories
    .filter((c) => !tooSmall({ sellers: c.sellers, buyers: null }))
    .slice(0, 10)
    .map((c) => ({ slug: c.slug, name: nameOf.get(c.slug) ?? c.slug, units: c.units, grossSatang: c.gross }));

  // The hub's dispatches, from insights' own rows (kept as orders ship), by the month the order was paid.
  const hub = await queryRows<{ dispatched: number; hours: number | null; sellers: number }>(
    db,
    sql`select coalesce(sum(s.dispatched), 0)::int as dispatched,
               (sum(s.dispatch_hours)::float8 / nullif(sum(s.dispatched), 0)) as hours,
               count(distinct s.seller_id) filter (where s.dispatched > 0)::int as sellers
        from insights_hub s join seller_onboarding_facts f on f.seller_id = s.seller_id
        where ${monthRange(f, 's.month')} and ${where(f, null, { sales: true })}`,
  );
  const h = hub[0] ?? { dispatched: 0, hours: null, sellers: 0 };
  const [flashSales, learned, bookings, lent] = await programmes;
  const hubCrowd: Crowd = { sellers: h.sellers, buyers: null };

  return {
    filters: f,
    simulated: Boolean(t?.simulated),
    minCell: MIN_CELL,
    sellers: { applied, approved, active, firstSale },
    sales: {
      orders: salesCell(t?.orders ?? 0),
      grossSatang: salesCell(t?.gross ?? 0),
      cbecTaxFen: salesCell(t?.tax ?? 0),
      crossBorderSharePercent: crossBorderShare,
      shipHoursAverage: t && t.shipped > 0 ? salesCell(Math.round((t.ship_hours / t.shipped) * 10) / 10) : hidden,
    },
    byMonth,
    byProvince,
    byMarket,
    bySellerType,
    topCategories,
    hub: {
      dispatched: guard(h.dispatched, hubCrowd),
      hoursToDispatch: h.hours === null ? hidden : guard(Math.round(h.hours * 10) / 10, hubCrowd),
    },
    flashSales,
    learning: learned,
    bookings,
    loans: lent,
  };
}

export type Dashboard = Awaited<ReturnType<typeof dashboard>>;

/** Every province's gross sales under the filters (the map), each suppressed as its own row. */
export async function provinceSales(db: Executor, f: Filters, locale: Locale) {
  const rows = await breakdown(
    db,
    { ...f, province: null },
    'province',
    (c) => provinceLabel(c, locale),
    PROVINCES.map((p) => p.code),
  );
  return rows;
}
