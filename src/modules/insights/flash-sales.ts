// Flash-sale results. An operator declares a sale: its window and the variants on sale. From then
// on every paid order is counted into it from the outbox (orders and units net of cancellations,
// distinct buyers, orders per minute as they arrived); orders paid before the declaration are counted
// once when it is made. Read from the views orders and inventory publish (order_sales_facts,
// order_product_lines, stock_available_by_variant); the dashboard reads only these small rows.
import { type SQL, sql } from 'drizzle-orm';
import { type Actor, isOperator } from '../../platform/actor.ts';
import { type Db, type Executor, queryRows, uuidArray } from '../../platform/db.ts';
import { forbidden, invalid, unauthenticated } from '../../platform/errors.ts';
import { type Locale, pickText } from '../../platform/i18n.ts';
import { newId } from '../../platform/ids.ts';
import { getVariantsForSale } from '../catalog/index.ts';
import type { Filters } from './dashboard-filters.ts';
import { bangkokMonthOf, where } from './dashboard-filters.ts';
import { type Cell, guard } from './privacy.ts';

export interface FlashSaleInput {
  nameTh: string;
  nameZh?: string | null;
  nameEn?: string | null;
  startsAt: string;
  endsAt: string;
  variantIds: string[];
}

/** The paid orders that `filter` picks, counted once into every declared sale whose window and variants they fall in. */
async function countIntoSales(db: Executor, filter: SQL): Promise<void> {
  await db.execute(
    sql`with lines as (
          select v.sale_id, f.order_id, v.variant_id, l.quantity, f.buyer_hash, date_trunc('minute', f.paid_at) as minute
          from order_sales_facts f
          join order_product_lines l on l.order_id = f.order_id
          join insights_flash_sale_variants v on v.variant_id = l.variant_id
          join insights_flash_sales s on s.id = v.sale_id and f.paid_at >= s.starts_at and f.paid_at < s.ends_at
          where f.status <> 'cancelled' and ${filter}
        ), counted as (
          insert into insights_flash_orders (sale_id, order_id, units)
          select sale_id, order_id, sum(quantity)::int from lines group by 1, 2
          on conflict do nothing returning sale_id, order_id, units
        ), mine as (
          select l.* from lines l join counted c on c.sale_id = l.sale_id and c.order_id = l.order_id
        ), by_variant as (
          update insights_flash_sale_variants x set orders = x.orders + m.orders, units = x.units + m.units
          from (select sale_id, variant_id, count(distinct order_id)::int as orders, sum(quantity)::int as units
                from mine group by 1, 2) m
          where x.sale_id = m.sale_id and x.variant_id = m.variant_id returning 1
        ), new_buyers as (
          insert into insights_flash_buyers (sale_id, buyer_hash) select distinct sale_id, buyer_hash from mine
          on conflict do nothing returning sale_id
        ), by_minute as (
          insert into insights_flash_minutes (sale_id, minute, orders)
          select sale_id, minute, count(distinct order_id)::int from mine group by 1, 2
          on conflict (sale_id, minute) do update set orders = insights_flash_minutes.orders + excluded.orders returning 1
        )
        update insights_flash_sales s set orders = s.orders + x.orders, units = s.units + x.units,
          buyers = s.buyers + coalesce((select count(*)::int from new_buyers b where b.sale_id = s.id), 0)
        from (select sale_id, count(*)::int as orders, sum(units)::int as units from counted group by 1) x
        where s.id = x.sale_id`,
  );
}

/** order.paid: the order counts in the sales it belongs to (none, for almost every order: one indexed look-up). */
export const countFlashSaleOrder = (db: Executor, orderId: string) => countIntoSales(db, sql`f.order_id = ${orderId}`);

/** order.cancelled: a counted order's units leave its sales (its minute stays: the peak is of arrivals). */
export async function uncountFlashSaleOrder(db: Executor, orderId: string): Promise<void> {
  await db.execute(
    sql`with gone as (
          delete from insights_flash_orders where order_id = ${orderId} returning sale_id, units
        ), by_variant as (
          update insights_flash_sale_variants x set orders = x.orders - 1, units = x.units - m.units
          from (select v.sale_id, v.variant_id, sum(l.quantity)::int as units
                from order_product_lines l join insights_flash_sale_variants v on v.variant_id = l.variant_id
                where l.order_id = ${orderId} and v.sale_id in (select sale_id from gone) group by 1, 2) m
          where x.sale_id = m.sale_id and x.variant_id = m.variant_id returning 1
        )
        update insights_flash_sales s set orders = s.orders - 1, units = s.units - g.units
        from gone g where s.id = g.sale_id`,
  );
}

/** An operator declares a flash sale; orders already paid in its window are counted at once. */
export async function declareFlashSale(db: Db, actor: Actor, input: FlashSaleInput) {
  if (actor.kind === 'guest') throw unauthenticated();
  if (!isOperator(actor)) throw forbidden();
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  if (!input.nameTh.trim()) throw invalid('nameTh', 'required');
  if (Number.isNaN(startsAt.getTime())) throw invalid('startsAt', 'bad_format');
  if (Number.isNaN(endsAt.getTime())) throw invalid('endsAt', 'bad_format');
  if (endsAt <= startsAt) throw invalid('endsAt', 'insights_window_order');
  const ids = [...new Set(input.variantIds)];
  const variants = await getVariantsForSale(db, ids);
  if (variants.length !== ids.length) throw invalid('variantIds', 'insights_unknown_variant');
  const id = newId();
  await db.transaction(async (tx) => {
    await tx.execute(
      sql`insert into insights_flash_sales (id, name_th, name_zh, name_en, starts_at, ends_at, created_by)
          values (${id}, ${input.nameTh.trim()}, ${input.nameZh?.trim() || null}, ${input.nameEn?.trim() || null},
                  ${startsAt.toISOString()}, ${endsAt.toISOString()}, ${actor.kind === 'user' ? actor.userId : null})`,
    );
    await tx.execute(
      sql`insert into insights_flash_sale_variants (sale_id, variant_id, seller_id)
          select ${id}, v.variant_id, v.seller_id
          from unnest(${uuidArray(variants.map((v) => v.variantId))}::uuid[], ${uuidArray(variants.map((v) => v.sellerId))}::uuid[]) as v(variant_id, seller_id)`,
    );
    await countIntoSales(
      tx,
      sql`s.id = ${id} and f.paid_at >= ${startsAt.toISOString()} and f.paid_at < ${endsAt.toISOString()}`,
    );
  });
  return { id, nameTh: input.nameTh.trim(), startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() };
}

export interface FlashSaleResult {
  id: string;
  name: string;
  startsAt: string;
  endsAt: string;
  orders: Cell;
  unitsSold: Cell;
  stock: Cell;
  peakOrdersPerMinute: Cell;
  oversold: Cell;
}

/**
 * The sales whose window meets the period and that have a shop under the filters. A sale's figures
 * are the sale's as a whole, shown only when it had at least 5 selling shops and 5 buyers. Stock is
 * what was sold plus what is still available (domestic stock, inventory's view); oversold is the
 * units by which available stock went below zero — zero unless the stock rules broke.
 */
export async function flashSaleResults(db: Executor, f: Filters, locale: Locale): Promise<FlashSaleResult[]> {
  const rows = await queryRows<{
    id: string;
    name_th: string;
    name_zh: string | null;
    name_en: string | null;
    starts_at: string;
    ends_at: string;
    orders: number;
    units: number;
    buyers: number;
    sellers: number;
    available: number;
    oversold: number;
    peak: number;
  }>(
    db,
    sql`select s.id, s.name_th, s.name_zh, s.name_en, s.starts_at, s.ends_at, s.orders, s.units, s.buyers,
               (select count(distinct v.seller_id)::int from insights_flash_sale_variants v where v.sale_id = s.id and v.orders > 0) as sellers,
               (select coalesce(sum(greatest(a.available, 0)), 0)::int from insights_flash_sale_variants v
                  join stock_available_by_variant a on a.variant_id = v.variant_id where v.sale_id = s.id) as available,
               (select coalesce(sum(greatest(-a.available, 0)), 0)::int from insights_flash_sale_variants v
                  join stock_available_by_variant a on a.variant_id = v.variant_id where v.sale_id = s.id) as oversold,
               (select coalesce(max(m.orders), 0)::int from insights_flash_minutes m where m.sale_id = s.id) as peak
        from insights_flash_sales s
        where ${bangkokMonthOf('s.starts_at')} <= ${`${f.to}-01`}::date and ${bangkokMonthOf('s.ends_at')} >= ${`${f.from}-01`}::date
          and exists (select 1 from insights_flash_sale_variants v join seller_onboarding_facts f on f.seller_id = v.seller_id
                      where v.sale_id = s.id and ${where(f, null, { sales: false })})
        order by s.starts_at desc limit 20`,
  );
  return rows.map((r) => {
    const crowd = { sellers: r.sellers, buyers: r.buyers };
    return {
      id: r.id,
      name: pickText({ th: r.name_th, zh: r.name_zh, en: r.name_en }, locale),
      startsAt: new Date(r.starts_at).toISOString(),
      endsAt: new Date(r.ends_at).toISOString(),
      orders: guard(r.orders, crowd),
      unitsSold: guard(r.units, crowd),
      stock: guard(r.units + r.available, crowd),
      peakOrdersPerMinute: guard(r.peak, crowd),
      oversold: guard(r.oversold, crowd),
    };
  });
}
