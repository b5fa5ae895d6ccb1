// A shop's credit profile, computed from the platform's own records through the views their owners
// publish (orders' seller_sales_monthly, shipping's seller_shipping_monthly, sellers' seller_tenure,
// standards' seller_verified_marks, the ledger's seller_ledger_position) — never their tables.
// Nothing here knows the shop's province, owner or kind of business.
import { sql } from 'drizzle-orm';
import { queryRows, type Executor } from '../../platform/db.ts';
import type { Features } from './scorecard.ts';

/** What a consent may name: each item is a part of the profile. */
export const DATA_ITEMS = [
  'sales_monthly',
  'refunds_cancellations',
  'shipping_on_time',
  'tenure',
  'verified_marks',
  'crossborder_share',
  'ledger_cash_payouts',
] as const;
export type DataItem = (typeof DATA_ITEMS)[number];

export interface MonthSales {
  month: string;
  grossSatang: number;
  orders: number;
}

export interface CreditProfile {
  sellerId: string;
  asOf: string;
  monthly: MonthSales[];
  features: Features & { crossborderSharePct: number | null };
  ledger: { payableSatang: number; paidOutSatang: number; payouts: number } | null;
}

/** Which features (and profile parts) each data item carries. */
export const ITEM_FEATURES: Record<DataItem, string[]> = {
  sales_monthly: ['avgMonthlySalesBaht', 'salesTrendPct', 'monthly'],
  refunds_cancellations: ['refundRatePct', 'cancelRatePct'],
  shipping_on_time: ['onTimeRatePct'],
  tenure: ['tenureMonths'],
  verified_marks: ['verifiedMarks'],
  crossborder_share: ['crossborderSharePct'],
  ledger_cash_payouts: ['ledger'],
};

/** The last `n` Bangkok months ending with the one `now` is in, as YYYY-MM, oldest first. */
export function lastMonths(now: Date, n: number): string[] {
  const bkk = new Date(now.getTime() + 7 * 3600_000);
  const out: string[] = [];
  for (let i = n - 1; i >= 0; i--) {
    const d = new Date(Date.UTC(bkk.getUTCFullYear(), bkk.getUTCMonth() - i, 1));
    out.push(d.toISOString().slice(0, 7));
  }
  return out;
}

/** Whole calendar months from `from` to `to` (0 when `to` is earlier). */
export function wholeMonths(from: Date, to: Date): number {
  const months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + to.getUTCMonth() - from.getUTCMonth();
  const into = (d: Date) => d.getTime() - Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1);
  return Math.max(0, months - (into(to) < into(from) ? 1 : 0));
}

const pct = (part: number, whole: number): number | null => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

interface ProfileRow {
  sales: { month: string; gross: number; orders: number; cancelled: number; cb: number }[] | null;
  shipments: number | null;
  on_time: number | null;
  approved_at: string | null;
  marks: number | null;
  payable: string | null;
  paid_out: string | null;
  payouts: number | null;
  refunded: string | null;
}

/** The profile as the platform's records stand at `now` (one round trip). */
export async function computeProfile(db: Executor, sellerId: string, now = new Date()): Promise<CreditProfile> {
  const months = lastMonths(now, 12);
  const [row] = await queryRows<ProfileRow>(
    db,
    sql`select
      (select json_agg(json_build_object('month', month, 'gross', gross_satang, 'orders', paid_orders, 'cancelled', cancelled_orders, 'cb', crossborder_satang))
         from seller_sales_monthly where seller_id = ${sellerId}::uuid and month >= ${months[0]}) as sales,
      (select sum(shipments)::int from seller_shipping_monthly where seller_id = ${sellerId}::uuid and month >= ${months[0]}) as shipments,
      (select sum(handed_over_on_time)::int from seller_shipping_monthly where seller_id = ${sellerId}::uuid and month >= ${months[0]}) as on_time,
      (select approved_at from seller_tenure where seller_id = ${sellerId}::uuid) as approved_at,
      (select verified_marks from seller_verified_marks where seller_id = ${sellerId}::uuid) as marks,
      p.payable_satang as payable, p.paid_out_satang as paid_out, p.payouts, p.refunded_365d_satang as refunded
    from (select 1) one left join seller_ledger_position p on p.seller_id = ${sellerId}::uuid`,
  );
  const byMonth = new Map((row.sales ?? []).map((s) => [s.month, s]));
  const monthly = months.map((m) => ({
    month: m,
    grossSatang: Number(byMonth.get(m)?.gross ?? 0),
    orders: byMonth.get(m)?.orders ?? 0,
  }));
  const sum = (xs: MonthSales[]) => xs.reduce((s, m) => s + m.grossSatang, 0);
  const gross12 = sum(monthly);
  const paid12 = monthly.reduce((s, m) => s + m.orders, 0);
  const cancelled12 = (row.sales ?? []).reduce((s, m) => s + m.cancelled, 0);
  const cb12 = (row.sales ?? []).reduce((s, m) => s + Number(m.cb), 0);
  const last3 = sum(monthly.slice(9));
  const prev3 = sum(monthly.slice(6, 9));
  const approved = row.approved_at ? new Date(row.approved_at) : null;
  return {
    sellerId,
    asOf: now.toISOString(),
    monthly,
    features: {
      tenureMonths: approved ? wholeMonths(approved, now) : null,
      avgMonthlySalesBaht: Math.round(sum(monthly.slice(6)) / 6 / 100),
      salesTrendPct: prev3 > 0 ? Math.round(((last3 - prev3) / prev3) * 1000) / 10 : null,
      refundRatePct: pct(Number(row.refunded ?? 0), gross12),
      cancelRatePct: pct(cancelled12, paid12),
      onTimeRatePct: row.shipments ? pct(row.on_time ?? 0, row.shipments) : null,
      verifiedMarks: row.marks ?? 0,
      crossborderSharePct: pct(cb12, gross12),
    },
    ledger:
      row.payable === null
        ? null
        : { payableSatang: Number(row.payable), paidOutSatang: Number(row.paid_out), payouts: row.payouts ?? 0 },
  };
}

/** The profile with only the consented items: every other feature is unknown (null), as if there were no data. */
export function restrictProfile(profile: CreditProfile, items: readonly string[]): CreditProfile {
  const allowed = new Set(items.flatMap((i) => ITEM_FEATURES[i as DataItem] ?? []));
  const features = { ...profile.features };
  for (const k of Object.keys(features) as (keyof typeof features)[]) if (!allowed.has(k)) features[k] = null;
  return {
    sellerId: profile.sellerId,
    asOf: profile.asOf,
    monthly: allowed.has('monthly') ? profile.monthly : [],
    features,
    ledger: allowed.has('ledger') ? profile.ledger : null,
  };
}
