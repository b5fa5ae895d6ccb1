// The question a dashboard answers: the period (months, Bangkok time), province, market and kind of
// shop, checked; and the SQL conditions for it and for its complements ("not Roi Et", "not CN").
import { type SQL, sql } from 'drizzle-orm';
import { invalid } from '../../platform/errors.ts';
import { provinceByCode } from '../../platform/provinces.ts';
import { BUSINESS_TYPES } from '../sellers/index.ts';

export const MARKETS = ['TH', 'CN'] as const;
export type Market = (typeof MARKETS)[number];

export interface Filters {
  /** Months, YYYY-MM, inclusive (Bangkok time). */
  from: string;
  to: string;
  province: string | null;
  market: Market | null;
  sellerType: string | null;
}
export type Dim = 'province' | 'market' | 'sellerType';
export const DIMS: Dim[] = ['province', 'market', 'sellerType'];

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;
const bangkokMonthNow = (now: Date) => new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 7);
export const addMonths = (m: string, n: number) => {
  const d = new Date(`${m}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + n);
  return d.toISOString().slice(0, 7);
};

/** The question asked, checked: the last 12 months unless a period is given. */
export function readFilters(q: Record<string, string | undefined>, now = new Date()): Filters {
  const to = q.to ?? bangkokMonthNow(now);
  const from = q.from ?? addMonths(to, -11);
  if (!MONTH.test(from)) throw invalid('from', 'insights_month');
  if (!MONTH.test(to)) throw invalid('to', 'insights_month');
  if (from > to) throw invalid('from', 'insights_period_order');
  if (q.province && !provinceByCode(q.province)) throw invalid('province', 'unknown_province');
  if (q.market && !(MARKETS as readonly string[]).includes(q.market)) throw invalid('market', 'insights_market');
  if (q.sellerType && !(BUSINESS_TYPES as readonly string[]).includes(q.sellerType))
    throw invalid('sellerType', 'insights_seller_type');
  return {
    from,
    to,
    province: q.province || null,
    market: (q.market as Market) || null,
    sellerType: q.sellerType || null,
  };
}

export const monthRange = (f: Filters, column: string) =>
  sql`${sql.raw(column)} between ${`${f.from}-01`}::date and ${`${f.to}-01`}::date`;
export const bangkokMonthOf = (column: string) =>
  sql.raw(`date_trunc('month', ${column} at time zone 'Asia/Bangkok')::date`);

/**
 * The conditions on shops and sales of a question; `turn` asks the complement of one filter instead
 * (which includes rows with no value: a learner without a shop is "not Roi Et"). The shop's view is
 * `f`; `province` names another province column (a booking's destination).
 */
export function where(f: Filters, turn: Dim | null, opts: { sales: boolean; province?: SQL }): SQL {
  const parts: SQL[] = [];
  const eq = (d: Dim, column: SQL, value: string) =>
    parts.push(turn === d ? sql`${column} is distinct from ${value}` : sql`${column} = ${value}`);
  if (f.province) eq('province', opts.province ?? sql`f.province_code`, f.province);
  if (f.sellerType) eq('sellerType', sql`f.business_type::text`, f.sellerType);
  if (opts.sales && f.market) eq('market', sql`s.market`, f.market);
  return parts.length ? sql.join(parts, sql` and `) : sql`true`;
}

/** The questions whose answers could be subtracted from this one's: one per filter given. */
export const turns = (f: Filters, opts: { sales: boolean }): Dim[] =>
  DIMS.filter((d) => (d === 'market' ? opts.sales && f.market : d === 'province' ? f.province : f.sellerType));
